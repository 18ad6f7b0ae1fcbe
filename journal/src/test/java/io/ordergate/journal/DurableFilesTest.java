package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way small files are written to survive a crash: whole, owner-only, no temporary file left, never blocked by one. */
class DurableFilesTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReplaceTheContentWholeAndLeaveNoTemporaryFile() throws Exception
    {
        final Path file = dir.resolve("start-epoch");
        Files.writeString(file, "a much longer old content than the new one\n");

        DurableFiles.replace(file, bytes("7\n"));

        assertEquals("7\n", Files.readString(file), "replaced whole, not written over the old bytes");
        assertEquals(List.of("start-epoch"), names(), "the temporary file is gone");
    }

    @Test
    void shouldMakeTheFileOwnerOnlyEvenWhenTheOldOneWasNot() throws Exception
    {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        final Path file = dir.resolve("jwt-keys.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        DurableFiles.replace(file, bytes("{\"keys\":[]}"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void shouldNotBeBlockedByATemporaryFileACrashLeft() throws Exception
    {
        final Path file = dir.resolve("journal.format");
        final Path leftover = dir.resolve("journal.format" + DurableFiles.TEMPORARY_SUFFIX);
        Files.writeString(leftover, "half a line");
        assumeTrue(leftover.toFile().setWritable(false), "a leftover this process cannot write into");

        DurableFiles.replace(file, bytes("ordergate-journal 1\n"));

        assertEquals("ordergate-journal 1\n", Files.readString(file));
        assertEquals(List.of("journal.format"), names());
    }

    private List<String> names() throws Exception
    {
        try (var files = Files.list(dir))
        {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
