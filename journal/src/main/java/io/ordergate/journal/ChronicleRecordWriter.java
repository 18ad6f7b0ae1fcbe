package io.ordergate.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

/**
 * <b>Not thread safe</b>: owned by the journal thread, through {@link JournalAppender}. Writes each record as one
 * Chronicle data document holding exactly the record's bytes.
 */
final class ChronicleRecordWriter
{
    private final SingleChronicleQueue queue;
    private ExcerptAppender appender;

    ChronicleRecordWriter(final SingleChronicleQueue queue)
    {
        this.queue = queue;
    }

    long append(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.boundsCheck(offset, length); // before the document opens: a bad range must not leave a half record
        ExcerptAppender appender = this.appender;
        if (appender == null)
        {
            // Made lazily so Chronicle's single-thread check binds it to the thread that appends, not the one that opened.
            appender = this.appender = queue.createAppender();
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            Bytes<?> bytes = dc.wire().bytes();
            byte[] array = buffer.byteArray();
            if (array != null)
            {
                bytes.write(array, buffer.wrapAdjustment() + offset, length);
            }
            else
            {
                bytes.unsafeWrite(buffer.addressOffset() + offset, length);
            }
        }
        return appender.lastIndexAppended();
    }

    void close()
    {
        if (appender != null)
        {
            appender.close();
        }
    }
}
