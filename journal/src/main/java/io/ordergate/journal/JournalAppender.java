package io.ordergate.journal;

import org.agrona.DirectBuffer;

/**
 * <b>Not thread safe</b>: owned by the journal thread, or by one thread at a time ({@link #handOver}). Appends records to its {@link Journal}.
 *
 * <p>Zero allocation per append in steady state: the bytes go straight from the caller's buffer into the mapped
 * file, with no intermediate array.
 */
public final class JournalAppender
{
    private final ChronicleRecordWriter writer;

    JournalAppender(final ChronicleRecordWriter writer)
    {
        this.writer = writer;
    }

    /**
     * Appends {@code length} bytes of {@code buffer} from {@code offset} as one record. When this returns, the record
     * survives a crash of this process (not of the machine: see {@link Journal}).
     *
     * @return the record's index, greater than every index before it
     */
    public long append(final DirectBuffer buffer, final int offset, final int length)
    {
        return writer.append(buffer, offset, length);
    }

    /**
     * The calling thread appends from now on: for a journal appended to by one thread at a time, with a happens-before
     * edge between the turns (the pipeline's turn: {@code pipeline.publishers_run_stages}). Chronicle's appender
     * remembers the one thread that may use it; this moves it.
     */
    public void handOver()
    {
        writer.handOver();
    }

    void close()
    {
        writer.close();
    }
}
