package io.ordergate.journal;

import java.nio.file.Path;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;

/**
 * Used only by {@link Journal} (start-up thread), {@link JournalAppender} and the repair tools: the one place that
 * builds Chronicle Queue instances, so that {@link Journal} can apply {@link ChronicleSettings} before any Chronicle
 * class initialises. Records are read back by {@link JournalScan}, straight from the files, not through Chronicle.
 *
 * <p><b>Roll cycle</b>: {@link LargeRollCycles#LARGE_DAILY}. One file per UTC day keeps the file count of a
 * long-running gateway small (365 a year) and a day's commands easy to archive. Its index allows 2^37 records a
 * day (1.5 million a second, sustained for 24 hours), where the default {@code FAST_DAILY} allows 2^32 (about 50
 * thousand a second sustained).
 *
 * <p><b>Durability</b>: Chronicle appends into memory-mapped files. A record whose append returned is in the page
 * cache, which belongs to the kernel, so it survives {@code kill -9} (or any crash) of the process. It does not
 * necessarily survive a machine crash or power loss: that needs an fsync mode ({@code syncMode(SyncMode.SYNC)} on
 * the builder, or {@code -Dmappedfile.defaultSyncMode}), which costs a disk flush per append and is not enabled.
 *
 * <p><b>Torn records</b>: a process that dies inside an append leaves its write lock held and its document's
 * header unwritten (zero) with part of the record after it. {@link Journal#open} finds those bytes and moves them
 * aside before anything is appended (see {@link JournalRepair}). The lock: opening the queue releases it at once
 * when the pid in it is dead; when that pid is alive (a restarted container reuses the killed process's pid), the
 * first append takes it over after {@link #TIMEOUT_MS} (about 1.5 times that, measured), because
 * {@link ChronicleSettings} sets the unlock mode to {@code ALWAYS}.
 *
 * <p><b>Permissions</b>: every queue file is made owner-only (0600) when Chronicle acquires it, including the file
 * of each new day (Chronicle reports those on its background resource thread).
 */
final class ChronicleQueueStore implements AutoCloseable
{
    static final RollCycle ROLL_CYCLE = LargeRollCycles.LARGE_DAILY;

    /**
     * How long an appender waits for the write lock before it takes the lock over. Chronicle's default is 10 s; a
     * journal has exactly one writer (the directory is OS-locked), so a lock held this long belongs to a dead one.
     */
    static final long TIMEOUT_MS = 500;

    private static final StoreFileListener OWNER_ONLY = new StoreFileListener()
    {
        @Override
        public void onAcquired(final int cycle, final java.io.File file)
        {
            OwnerOnlyFiles.restrictQuietly(file.toPath());
        }

        @Override
        public void onReleased(final int cycle, final java.io.File file)
        {
            // nothing to do: the file was made owner-only when acquired
        }
    };

    private final SingleChronicleQueue queue;

    ChronicleQueueStore(final Path directory)
    {
        this.queue = builder(directory).storeFileListener(OWNER_ONLY).build();
        OwnerOnlyFiles.restrictFiles(directory);
    }

    private ChronicleQueueStore(final SingleChronicleQueue queue)
    {
        this.queue = queue;
    }

    /**
     * A queue that maps the files for reading only, for the checks that change nothing and take no lock ({@code
     * journal verify}, the repair's inspection): it neither grows a file nor writes a header. It cannot append.
     */
    static ChronicleQueueStore readOnly(final Path directory)
    {
        return new ChronicleQueueStore(builder(directory).readOnly(true).build());
    }

    /** The queue settings, in one place, for the journal and for tests and tools that must write like a journal. */
    static SingleChronicleQueueBuilder builder(final Path directory)
    {
        return SingleChronicleQueueBuilder.binary(directory)
                .rollCycle(ROLL_CYCLE)
                .timeoutMS(TIMEOUT_MS);
    }

    /** A queue whose clock stands still in {@code cycle}: everything appended to it goes into that cycle's file. */
    static SingleChronicleQueue writerForCycle(final Path directory, final int cycle)
    {
        long millis = CycleFile.startMillis(cycle);
        return builder(directory).timeProvider(() -> millis).build();
    }

    /**
     * @return where Chronicle's store header of {@code file} says the last document was written, or -1 when Chronicle
     * cannot read that header (see {@link StoreHeaders})
     */
    long writePosition(final CycleFile file)
    {
        try
        {
            SingleChronicleQueueStore store = queue.storeForCycle(file.cycle(), queue.epoch(), false, null);
            if (store == null)
            {
                return -1;
            }
            long position = store.writePosition();
            queue.closeStore(store);
            return position;
        }
        catch (Exception e)
        {
            // whatever Chronicle throws on a header it cannot parse: it has no exception for it, and a damaged magic
            // number comes as a checked StreamCorruptedException thrown undeclared, which a RuntimeException misses
            return -1;
        }
    }

    ChronicleRecordWriter newWriter()
    {
        return new ChronicleRecordWriter(queue, new PageCacheWarmer());
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
