package io.ordergate.gateway.executors;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Searches a file for bytes through a read-only mapping (journal files are tens of megabytes, mostly zeros). */
final class JournalSearch
{
    private JournalSearch()
    {
    }

    static boolean contains(final Path file, final byte[] needle) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            if (channel.size() < needle.length)
            {
                return false;
            }
            final MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            for (int at = 0; at <= bytes.capacity() - needle.length; at++)
            {
                if (bytes.get(at) == needle[0] && matches(bytes, at, needle))
                {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean matches(final MappedByteBuffer bytes, final int at, final byte[] needle)
    {
        for (int i = 1; i < needle.length; i++)
        {
            if (bytes.get(at + i) != needle[i])
            {
                return false;
            }
        }
        return true;
    }
}
