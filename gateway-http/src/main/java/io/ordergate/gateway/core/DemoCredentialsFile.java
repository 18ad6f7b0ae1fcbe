package io.ordergate.gateway.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The credentials a demo simulator (the MT5 terminal, the exchange) was given, kept in the data directory as an
 * owner-only ({@code rw-------}) properties file so a restart reuses them. Demo mode only. Stateless.
 */
public final class DemoCredentialsFile
{
    private DemoCredentialsFile()
    {
    }

    /** Replaces {@code file} with {@code properties}, created owner-only before anything is written to it. */
    public static void save(final Path file, final Properties properties, final String comment)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try
            {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            catch (final UnsupportedOperationException ex)
            {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file))
            {
                properties.store(out, comment);
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /** @return the saved properties, or null when there is no readable file (the caller then makes new ones) */
    public static Properties load(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            properties.load(in);
            return properties;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }
}
