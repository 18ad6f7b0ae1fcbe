package io.ordergate.journal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
                byte[] bytes = Files.readAllBytes(file);
                int at = indexOf(bytes, needle);
                if (at >= 0)
                {
                    System.arraycopy(replacement, 0, bytes, at, replacement.length);
                    Files.write(file, bytes);
                    return;
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(from + " is in no queue file of " + journalDirectory);
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
