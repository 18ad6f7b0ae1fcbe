package io.ordergate.journal;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * <b>Not thread safe</b>: owned by the journal thread, through {@link JournalAppender}. Writes each record as one
 * Chronicle data document in the {@link RecordFormat} layout: checksum, format word, length, then the caller's bytes.
 *
 * <p>The CRC32C is computed from the caller's buffer before the document opens (the JDK's intrinsic over a heap
 * array), so the bytes are copied into the mapped file once. Allocates nothing per append: an off-heap source is
 * checksummed through a scratch array that grows to the largest record seen.
 */
final class ChronicleRecordWriter
{
    static
    {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN)
        {
            throw new ExceptionInInitializerError("the journal's record format is little-endian; this platform is not");
        }
    }

    private final SingleChronicleQueue queue;
    private final CRC32C crc = new CRC32C();
    private final byte[] headerScratch = new byte[RecordFormat.HEADER_LENGTH];
    private byte[] offHeapScratch = new byte[0];
    /** Keeps the pages ahead of this writer cached (the journal's writer), or null (tools rewriting a file). */
    private final PageCacheWarmer warmer;
    private ExcerptAppender appender;
    private int followedCycle = Integer.MIN_VALUE;

    ChronicleRecordWriter(final SingleChronicleQueue queue)
    {
        this(queue, null);
    }

    ChronicleRecordWriter(final SingleChronicleQueue queue, final PageCacheWarmer warmer)
    {
        this.queue = queue;
        this.warmer = warmer;
    }

    long append(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.boundsCheck(offset, length); // before the document opens: a bad range must not leave a half record
        if (length > RecordFormat.MAX_PAYLOAD_LENGTH)
        {
            throw new IllegalArgumentException("a record of " + length + " bytes is over the journal's limit of "
                + RecordFormat.MAX_PAYLOAD_LENGTH);
        }
        int checksum = checksum(buffer, offset, length);
        ExcerptAppender appender = this.appender;
        if (appender == null)
        {
            // Made lazily so Chronicle's single-thread check binds it to the thread that appends, not the one that opened.
            appender = this.appender = queue.createAppender();
        }
        final long end;
        try (DocumentContext dc = appender.writingDocument())
        {
            Bytes<?> bytes = dc.wire().bytes();
            bytes.writeInt(checksum);
            bytes.writeInt(RecordFormat.FORMAT_WORD);
            bytes.writeInt(length);
            byte[] array = buffer.byteArray();
            if (array != null)
            {
                bytes.write(array, buffer.wrapAdjustment() + offset, length);
            }
            else
            {
                bytes.unsafeWrite(buffer.addressOffset() + offset, length);
            }
            end = bytes.writePosition();
        }
        if (warmer != null)
        {
            tellWarmer(appender, end);
        }
        return appender.lastIndexAppended();
    }

    /**
     * The position on every append (one ordered store), the file only when the cycle rolled (a new day's file). The
     * position first: a warmer that sees the new file then sees the position in it, never the old file's.
     */
    private void tellWarmer(final ExcerptAppender appender, final long end)
    {
        warmer.written(end);
        final int cycle = appender.cycle();
        if (cycle != followedCycle)
        {
            followedCycle = cycle;
            warmer.follow(appender.currentFile());
        }
    }

    private int checksum(final DirectBuffer buffer, final int offset, final int length)
    {
        RecordFormat.startChecksum(crc, headerScratch, length);
        byte[] array = buffer.byteArray();
        if (array != null)
        {
            crc.update(array, buffer.wrapAdjustment() + offset, length);
        }
        else
        {
            if (offHeapScratch.length < length)
            {
                offHeapScratch = new byte[length];
            }
            buffer.getBytes(offset, offHeapScratch, 0, length);
            crc.update(offHeapScratch, 0, length);
        }
        return (int) crc.getValue();
    }

    /** The calling thread appends from now on (Chronicle's single-thread check moves to it). */
    void handOver()
    {
        if (appender != null)
        {
            appender.singleThreadedCheckReset();
        }
    }

    void close()
    {
        if (warmer != null)
        {
            warmer.close();
        }
        if (appender != null)
        {
            appender.close();
        }
    }
}
