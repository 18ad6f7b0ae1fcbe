package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 9, item 8: the data directory and the journal's files are the owner's alone, whatever the umask made. */
class DataDirectoryPermissionsTest
{
    @TempDir
    Path root;

    @Test
    void aGatewayMakesItsDataDirectoryAndJournalOwnerOnly() throws Exception
    {
        final Path dataDir = root.resolve("data");
        Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.01").status());
            assertEquals("rwx------", permissions(dataDir));
            assertEquals("rwx------", permissions(dataDir.resolve("journal")));
            // the day's queue file is made 0600 by Chronicle's resource thread when it is acquired: poll for it
            final long deadline = System.nanoTime() + 10_000_000_000L;
            while (!notOwnerOnly(dataDir.resolve("journal")).isEmpty() && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            assertEquals(List.of(), notOwnerOnly(dataDir.resolve("journal")));
        }
    }

    private static List<String> notOwnerOnly(final Path directory) throws IOException
    {
        final List<String> loose = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.filter(Files::isRegularFile).forEach(file ->
            {
                if (!permissions(file).equals("rw-------"))
                {
                    loose.add(file.getFileName() + " " + permissions(file));
                }
            });
        }
        return loose;
    }

    private static String permissions(final Path path)
    {
        try
        {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
