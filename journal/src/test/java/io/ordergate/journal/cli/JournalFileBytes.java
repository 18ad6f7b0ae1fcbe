package io.ordergate.journal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Used by tests: changes bytes inside a journal's queue files, as a bad sector would. */
final class JournalFileBytes
{
    private JournalFileBytes()
    {
    }

    /** Replaces the first occurrence of {@code from} in the journal's queue files by {@code to} (same length). */
    static void replaceFirst(final Path journalDirectory, final String from, final String to)
    {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        byte[] replacement = to.getBytes(StandardCharsets.US_ASCII);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(journalDirectory, "*.cq4"))
        {
            for (Path file : files)
            {
                // mapped, not read into the heap: a queue file is tens of megabytes, mostly sparse zeros
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
                {
                    MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
                    for (int at = 0; at + needle.length <= bytes.capacity(); at++)
                    {
                        if (matches(bytes, at, needle))
                        {
                            bytes.put(at, replacement);
                            bytes.force();
                            return;
                        }
                    }
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(from + " is in no queue file of " + journalDirectory);
    }

    private static boolean matches(final MappedByteBuffer bytes, final int at, final byte[] needle)
    {
        for (int i = 0; i < needle.length; i++)
        {
            if (bytes.get(at + i) != needle[i])
            {
                return false;
            }
        }
        return true;
    }
}
