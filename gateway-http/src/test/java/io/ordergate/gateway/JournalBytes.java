package io.ordergate.gateway;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.ordergate.journal.JournalDump;

/** Used by tests on one thread: damages a stopped gateway's journal files as a bad sector or a torn write does. */
final class JournalBytes
{
    private static final Pattern RECORD_LINE = Pattern.compile("^(\\S+\\.cq4) index=0x[0-9a-f]+ at=(\\d+) ", Pattern.MULTILINE);

    private JournalBytes()
    {
    }

    /** Replaces the last occurrence of {@code from} in the journal's newest queue file by {@code to} (same length). */
    static void replaceLast(final Path journal, final String from, final String to)
    {
        Path file = newestQueueFile(journal);
        byte[] needle = from.getBytes(StandardCharsets.ISO_8859_1);
        byte[] replacement = to.getBytes(StandardCharsets.ISO_8859_1);
        // mapped, not read into the heap: a queue file is tens of megabytes, mostly sparse zeros
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
        {
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size());
            for (int at = bytes.capacity() - needle.length; at >= 0; at--)
            {
                if (matches(bytes, at, needle))
                {
                    bytes.put(at, replacement);
                    bytes.force();
                    return;
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(from + " is not in " + file);
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

    /** Zeroes the 4-byte document header of the journal's last record, found with the journal's own dump. */
    static void zeroLastRecordHeader(final Path journal)
    {
        StringWriter printed = new StringWriter();
        new JournalDump(new PrintWriter(printed), null, 0).dump(journal);
        Matcher line = RECORD_LINE.matcher(printed.toString());
        String file = null;
        long at = -1;
        while (line.find())
        {
            file = line.group(1);
            at = Long.parseLong(line.group(2));
        }
        if (file == null)
        {
            throw new AssertionError("no record in " + printed);
        }
        write(journal.resolve(file), at, new byte[Integer.BYTES]);
    }

    private static Path newestQueueFile(final Path journal)
    {
        Path newest = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(journal, "*.cq4"))
        {
            for (Path file : files)
            {
                if (newest == null || file.getFileName().toString().compareTo(newest.getFileName().toString()) > 0)
                {
                    newest = file;
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return newest;
    }

    private static void write(final Path file, final long at, final byte[] bytes)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining())
            {
                channel.write(buffer, at + buffer.position());
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }
}
