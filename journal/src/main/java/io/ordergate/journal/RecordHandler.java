package io.ordergate.journal;

import org.agrona.DirectBuffer;

/** Called by {@link Journal#replay(RecordHandler)} on the thread that replays, once per record, in order. */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * @param buffer valid only during this call: it points into the journal's mapped file; copy what you keep
     * @param index  the record's journal index (increasing, but not dense: do no arithmetic on it)
     */
    void onRecord(DirectBuffer buffer, int offset, int length, long index);
}
