package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal holds every command ever accepted: nobody but its owner reads it. */
class OwnerOnlyFilesTest
{
    @TempDir
    Path root;

    @Test
    void aDataDirectoryThatIsAFileIsRefusedSayingWhy() throws IOException
    {
        final Path file = Files.writeString(root.resolve("data"), "not a directory");
        final java.io.UncheckedIOException onFile = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
            () -> OwnerOnlyFiles.directory(file));
        assertEquals("cannot make directory " + file + " owner-only (0700): a file that is not a directory is there", onFile.getMessage());
        final Path below = file.resolve("data");
        final java.io.UncheckedIOException underFile = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
            () -> OwnerOnlyFiles.directory(below));
        assertTrue(underFile.getMessage().startsWith("cannot make directory " + below + " owner-only (0700): FileSystemException: "),
            underFile.getMessage());
        assertTrue(underFile.getMessage().endsWith("Not a directory"), underFile.getMessage());
    }

    @Test
    void shouldKeepTheJournalDirectoryAndEveryFileInItOwnerOnly() throws Exception
    {
        Path dataDir = root.resolve("data");
        Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        OwnerOnlyFiles.directory(dataDir);
        assertEquals("rwx------", permissions(dataDir), "an existing directory is tightened");

        Path directory = dataDir.resolve("journal");
        int today;
        try (Journal journal = Journal.open(directory))
        {
            SequencedJournal.append(journal, 0, 3);
            today = CycleFile.list(directory).get(0).cycle();
        }
        SequencedJournal.writeIntoCycle(directory, today - 1, 0, 1); // a file Chronicle made with the process umask
        Path yesterday = CycleFile.pathOf(directory, today - 1);
        Files.setPosixFilePermissions(yesterday, PosixFilePermissions.fromString("rw-r--r--"));
        Files.delete(CycleFile.pathOf(directory, today));
        try (Journal journal = Journal.open(directory))
        {
            assertEquals("rw-------", permissions(yesterday), "files found at open are restricted");
            SequencedJournal.append(journal, 1, 1); // a new cycle file: restricted when Chronicle acquires it
            Path created = CycleFile.pathOf(directory, today);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!permissions(created).equals("rw-------") && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
        }
        assertEquals("rwx------", permissions(directory));
        List<String> notOwnerOnly = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.filter(Files::isRegularFile).forEach(file ->
            {
                if (!permissions(file).equals("rw-------"))
                {
                    notOwnerOnly.add(file.getFileName() + " " + permissions(file));
                }
            });
        }
        assertEquals(List.of(), notOwnerOnly);
        assertTrue(Files.exists(directory.resolve(JournalFormat.FILE_NAME)));
    }

    private static String permissions(final Path path)
    {
        try
        {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
        catch (IOException e)
        {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
