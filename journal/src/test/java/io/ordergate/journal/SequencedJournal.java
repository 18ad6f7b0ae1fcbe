package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.agrona.ExpandableArrayBuffer;

/** Used by tests on one thread: journals of {@link SequencedRecords}, whose every record checks its own content. */
final class SequencedJournal
{
    private SequencedJournal()
    {
    }

    /** Opens, appends sequences {@code first} .. {@code first + count - 1}, closes. */
    static void write(final Path directory, final long first, final int count)
    {
        try (Journal journal = Journal.open(directory))
        {
            append(journal, first, count);
        }
    }

    static void append(final Journal journal, final long first, final int count)
    {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
        for (long sequence = first; sequence < first + count; sequence++)
        {
            journal.appender().append(buffer, 0, SequencedRecords.encode(sequence, buffer));
        }
    }

    /** Appends sequences {@code first} .. into the file of an earlier {@code cycle}, as a journal did that day. */
    static void writeIntoCycle(final Path directory, final int cycle, final long first, final int count)
    {
        try (net.openhft.chronicle.queue.impl.single.SingleChronicleQueue queue =
            ChronicleQueueStore.writerForCycle(directory, cycle))
        {
            ChronicleRecordWriter writer = new ChronicleRecordWriter(queue);
            ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
            for (long sequence = first; sequence < first + count; sequence++)
            {
                writer.append(buffer, 0, SequencedRecords.encode(sequence, buffer));
            }
            writer.close();
        }
    }

    /** Replays, checking that the records are 0, 1, 2, ... each intact; @return how many */
    static long replayInOrder(final Journal journal)
    {
        long[] next = {0};
        long count = journal.replay((buffer, offset, length, index) ->
        {
            assertEquals(next[0], SequencedRecords.decode(buffer, offset, length));
            next[0]++;
        });
        assertEquals(next[0], count);
        return count;
    }
}
