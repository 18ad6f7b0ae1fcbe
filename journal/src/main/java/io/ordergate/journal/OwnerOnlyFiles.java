package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Stateless, any thread: the journal's files are readable by their owner only (0600 files, 0700 directories),
 * because they hold every command ever accepted. On a file system without POSIX permissions this does nothing.
 */
public final class OwnerOnlyFiles
{
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles()
    {
    }

    /** Creates {@code directory} (and missing parents) as 0700, or tightens an existing one to 0700. */
    public static void directory(final Path directory)
    {
        try
        {
            if (!POSIX)
            {
                Files.createDirectories(directory);
                return;
            }
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            if (!Files.getPosixFilePermissions(directory).equals(DIRECTORY))
            {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot make directory " + directory + " owner-only (0700): " + reason(e), e);
        }
    }

    /** Why, in the one line an operator reads at start-up: the exception alone only names the path. */
    private static String reason(final IOException e)
    {
        if (e instanceof FileAlreadyExistsException)
        {
            return "a file that is not a directory is there";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** @return the attributes that create a file as 0600 (none where there are no POSIX permissions) */
    static FileAttribute<?>[] fileAttributes()
    {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Makes every regular file directly in {@code directory} 0600. */
    static void restrictFiles(final Path directory)
    {
        if (!POSIX)
        {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory))
        {
            for (Path entry : entries)
            {
                if (Files.isRegularFile(entry))
                {
                    restrict(entry);
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot make the files of " + directory + " owner-only (0600)", e);
        }
    }

    /** Makes {@code file} 0600. */
    static void restrict(final Path file) throws IOException
    {
        if (POSIX)
        {
            try
            {
                if (!Files.getPosixFilePermissions(file).equals(FILE))
                {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
            catch (NoSuchFileException e)
            {
                // gone between listing and changing (a rebuild's temporary file): nothing left to protect
            }
        }
    }

    /** {@link #restrict} for Chronicle's callback thread, which must not throw: the directory (0700) still guards it. */
    static void restrictQuietly(final Path file)
    {
        try
        {
            restrict(file);
        }
        catch (IOException | RuntimeException e)
        {
            java.util.logging.Logger.getLogger(OwnerOnlyFiles.class.getName()).warning(
                () -> "cannot make journal file " + file + " owner-only (0600): " + e);
        }
    }
}
