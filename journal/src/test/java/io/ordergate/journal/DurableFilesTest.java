package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    @Test
    void shouldCreateAContentAddressedFileOnceWholeAndOwnerOnly() throws Exception
    {
        final Path file = dir.resolve("9f86d081");
        final byte[] content = new byte[300_000];
        for (int i = 0; i < content.length; i++)
        {
            content[i] = (byte)(i * 31 + 7);
        }

        assertTrue(DurableFiles.createOnce(file, content));
        assertArrayEquals(content, Files.readAllBytes(file), "complete");
        assertEquals(List.of("9f86d081"), names(), "the temporary file is gone");
        assertFalse(DurableFiles.createOnce(file, content), "a whole file already there is kept");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix"))
        {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }

        Files.write(file, bytes("cut"));
        assertTrue(DurableFiles.createOnce(file, content), "a file of another length (cut) is written again");
        assertArrayEquals(content, Files.readAllBytes(file));
    }

    @Test
    void shouldLeaveNoTemporaryFileWhenCreatingOnceFails() throws Exception
    {
        final Path file = dir.resolve("9f86d081");
        Files.createDirectories(file.resolve("in the way"));  // the rename into place fails: a directory holds the name

        assertThrows(IOException.class, () -> DurableFiles.createOnce(file, bytes("EX5")));
        assertEquals(List.of("9f86d081"), names(), "no temporary file left");
    }

    @Test
    void shouldLetWritersOfTheSameContentCreateItAtOnce() throws Exception
    {
        final Path file = dir.resolve("9f86d081");
        final byte[] content = bytes("the same bytes from every writer, as their name is their hash");
        final int writers = 8;
        final CountDownLatch start = new CountDownLatch(1);
        final ExecutorService pool = Executors.newFixedThreadPool(writers);
        try
        {
            final List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < writers; i++)
            {
                created.add(pool.submit(() ->
                {
                    start.await();
                    return DurableFiles.createOnce(file, content);
                }));
            }
            start.countDown();
            for (final Future<Boolean> each : created)
            {
                each.get();  // none failed on another writer's temporary file
            }
        }
        finally
        {
            pool.shutdownNow();
        }
        assertArrayEquals(content, Files.readAllBytes(file));
        assertEquals(List.of("9f86d081"), names());
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
