package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.IoUtil;

/**
 * <b>Not thread safe</b>: used by one reader at a time. One cycle file of the queue, mapped read-only in windows,
 * so that a file of any size is read with a few mappings and without copying. Maps nothing for writing, takes no
 * lock: safe beside a gateway that is appending to the same file.
 */
final class CycleFileReader implements AutoCloseable
{
    /** The most one mapping covers. A record is at most {@link RecordFormat#MAX_PAYLOAD_LENGTH}, far less. */
    static final long WINDOW_BYTES = 1L << 28;
    private static final long PAGE_MASK = ~4095L;

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private MappedByteBuffer window;
    private long windowStart;
    private long windowEnd;

    CycleFileReader(final Path path)
    {
        this.path = path;
        try
        {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot read journal file " + path, e);
        }
    }

    Path path()
    {
        return path;
    }

    /** The file's length: Chronicle grows its files in sparse blocks, so the data ends well before it. */
    long size()
    {
        return size;
    }

    /**
     * Maps the window holding {@code [position, position + length)}, which must lie inside the file.
     *
     * @return the offset of {@code position} in {@link #buffer()}
     */
    int map(final long position, final int length)
    {
        if (position < windowStart || position + length > windowEnd)
        {
            remap(position, length);
        }
        return (int) (position - windowStart);
    }

    /** The current window (little-endian); valid until the next {@link #map} or {@link #close}. */
    MappedByteBuffer buffer()
    {
        return window;
    }

    int intAt(final long position)
    {
        int offset = map(position, Integer.BYTES); // before reading the field: map() may replace the window
        return window.getInt(offset);
    }

    /**
     * @return true when any byte from {@code position} (4-byte aligned) to the end of the file is set, including the
     * last one to three bytes of a file whose length is not a multiple of four (one cut short inside a header)
     */
    boolean anySetFrom(final long position)
    {
        long at = position;
        for (; at + Integer.BYTES <= size; at += Integer.BYTES)
        {
            if (intAt(at) != 0)
            {
                return true;
            }
        }
        for (; at < size; at++)
        {
            int offset = map(at, 1); // before reading: map() may replace the window
            if (window.get(offset) != 0)
            {
                return true;
            }
        }
        return false;
    }

    private void remap(final long position, final int length)
    {
        long start = position & PAGE_MASK;
        long end = Math.min(size, Math.max(start + WINDOW_BYTES, position + length));
        unmap();
        try
        {
            window = channel.map(FileChannel.MapMode.READ_ONLY, start, end - start);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot map journal file " + path + " at " + start, e);
        }
        window.order(ByteOrder.LITTLE_ENDIAN);
        windowStart = start;
        windowEnd = end;
    }

    private void unmap()
    {
        if (window != null)
        {
            IoUtil.unmap(window);
            window = null;
            windowStart = 0;
            windowEnd = 0;
        }
    }

    @Override
    public void close()
    {
        unmap();
        try
        {
            channel.close();
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot close journal file " + path, e);
        }
    }
}
