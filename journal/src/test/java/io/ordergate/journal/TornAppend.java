package io.ordergate.journal;

import java.io.PrintStream;
import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;

/** Used by {@link AppendUntilKilledMain} and the migration test: leaves a document open, as a process killed mid-append does. */
final class TornAppend
{
    private TornAppend()
    {
    }

    static void writeHalfARecordAndBlock(final Path directory, final long sequence, final PrintStream out) throws InterruptedException
    {
        writeHalfARecord(directory, sequence);
        out.println("torn " + sequence);
        out.flush();
        Thread.currentThread().join(); // until SIGKILL
    }

    /** Opens a document, writes half a record and abandons it, as a process killed mid-append leaves the files. */
    static void writeHalfARecord(final Path directory, final long sequence)
    {
        SingleChronicleQueue queue = ChronicleQueueStore.builder(directory).build();
        ExcerptAppender appender = queue.createAppender();
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
        int length = SequencedRecords.encode(sequence, buffer);
        DocumentContext dc = appender.writingDocument(); // never closed: the header stays zero, the lock held
        dc.wire().bytes().write(buffer.byteArray(), 0, length / 2);
    }
}
