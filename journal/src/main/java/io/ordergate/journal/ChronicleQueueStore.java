package io.ordergate.journal;

import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Used only by {@link Journal} (start-up thread) and {@link JournalAppender}: the one place that holds Chronicle
 * Queue types, so that {@link Journal} can apply {@link ChronicleSettings} before any Chronicle class initialises.
 *
 * <p><b>Roll cycle</b>: {@link LargeRollCycles#LARGE_DAILY}. One file per UTC day keeps the file count of a
 * long-running gateway small (365 a year) and a day's commands easy to archive. Its index allows 2^37 records a
 * day (1.5 million a second, sustained for 24 hours), where the default {@code FAST_DAILY} allows 2^32 (about 50
 * thousand a second sustained). Sparse indexing (every 128th record) costs a short linear scan on a random seek,
 * which we never do: we only append and replay from the start.
 *
 * <p><b>Durability</b>: Chronicle appends into memory-mapped files. A record whose append returned is in the page
 * cache, which belongs to the kernel, so it survives {@code kill -9} (or any crash) of the process. It does not
 * necessarily survive a machine crash or power loss: that needs an fsync mode ({@code syncMode(SyncMode.SYNC)} on
 * the builder, or {@code -Dmappedfile.defaultSyncMode}), which costs a disk flush per append and is not enabled.
 *
 * <p><b>Torn records</b>: a process that dies inside an append leaves its write lock held and its document's
 * header unwritten (zero), so readers see the end of the queue there and never wait, and the next append
 * overwrites the torn bytes. The lock: opening the queue releases it at once when the pid in it is dead; when that
 * pid is alive (a restarted container reuses the killed process's pid), the first append takes it over after
 * {@link #TIMEOUT_MS} (about 1.5 times that, measured), because {@link ChronicleSettings} sets the unlock mode to
 * {@code ALWAYS}.
 */
final class ChronicleQueueStore implements AutoCloseable
{
    /**
     * How long an appender waits for the write lock before it takes the lock over. Chronicle's default is 10 s; a
     * journal has exactly one writer (the directory is OS-locked), so a lock held this long belongs to a dead one.
     */
    static final long TIMEOUT_MS = 500;

    private final SingleChronicleQueue queue;
    private final UnsafeBuffer replayView = new UnsafeBuffer(0, 0);
    private final ExpandableArrayBuffer replayCopy = new ExpandableArrayBuffer(0);

    ChronicleQueueStore(final Path directory)
    {
        this(directory, false);
    }

    /** @param readOnly to read a journal that a running gateway may be appending to; maps nothing for writing */
    ChronicleQueueStore(final Path directory, final boolean readOnly)
    {
        this.queue = builder(directory).readOnly(readOnly).build();
    }

    /** The queue settings, in one place, for the journal and for tests that must write like a journal. */
    static SingleChronicleQueueBuilder builder(final Path directory)
    {
        return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(LargeRollCycles.LARGE_DAILY)
                .timeoutMS(TIMEOUT_MS);
    }

    ChronicleRecordWriter newWriter()
    {
        return new ChronicleRecordWriter(queue);
    }

    long replay(final RecordHandler handler)
    {
        long count = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.toStart();
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return count;
                    }
                    if (!dc.isData())
                    {
                        continue;
                    }
                    deliver(dc.wire().bytes(), dc.index(), handler);
                    count++;
                }
            }
        }
    }

    /** Wraps the mapped bytes in place; copies only when the record is not one contiguous range of memory. */
    private void deliver(final Bytes<?> bytes, final long index, final RecordHandler handler)
    {
        long position = bytes.readPosition();
        int length = (int) bytes.readRemaining();
        if (bytes.isDirectMemory())
        {
            long address = bytes.addressForRead(position, length);
            if (bytes.bytesStore().inside(position, length))
            {
                replayView.wrap(address, length);
                handler.onRecord(replayView, 0, length, index);
                return;
            }
        }
        replayCopy.checkLimit(length);
        bytes.read(replayCopy.byteArray(), 0, length);
        handler.onRecord(replayCopy, 0, length, index);
    }

    long lastIndex()
    {
        return queue.lastIndex();
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
