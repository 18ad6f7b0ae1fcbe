package io.ordergate.journal;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import org.agrona.BufferUtil;
import org.agrona.IoUtil;

import net.openhft.posix.MAdviseFlag;
import net.openhft.posix.PosixAPI;

/**
 * Brings the journal's file into the page cache ahead of its writer, on a thread of its own, so that the pages the
 * next appends write are already cached when the writer gets there.
 *
 * <p>Why: Chronicle writes through a shared mapping of a sparse file. The first touch of a page that is not cached
 * faults, and the kernel answers the fault with a readahead of the whole readahead window, zero-filling every page of
 * it (holes read as zeros) on the faulting thread. With an 8 MB window (this project's build machine:
 * {@code /sys/block/vda/queue/read_ahead_kb} 8192) that was a 19-28 ms append once every 8 MB of journal, every 3 s
 * or so at 20,000 orders/s (about 130 bytes an order), and the whole order path waits for the journal
 * (docs/PERFORMANCE.md, "The journal's page faults"). Zero-filling the same pages here does the work off the writer's
 * thread; the writer's fault then finds its page cached and only marks it dirty.
 *
 * <p>How: each turn maps the next {@link #READ_BYTES} of the file read-only and {@link MappedByteBuffer#load loads}
 * them, which asks the kernel for exactly those pages ({@code madvise(MADV_WILLNEED)}) and touches each. Not a
 * buffered {@code read}: sequential reads make the kernel read ahead of them too, in windows growing to the whole
 * readahead size, so every 8 MB one read zero-filled 8 MB at once, 28-37 ms of a vCPU that the kernel did not give up,
 * and gateway threads woken on that vCPU waited that long (docs/PERFORMANCE.md, "The warmer's readahead").
 *
 * <p>Loading changes nothing in the file: a page brought in ahead of the writer stays zero until the writer writes
 * it, as Chronicle requires. <b>Thread safe</b>: {@link #follow} and {@link #written} from the writer's thread, the
 * rest from the owner's.
 */
final class PageCacheWarmer implements AutoCloseable
{
    /** How far ahead of the writer pages are kept cached: four 8 MB readahead windows. */
    static final long AHEAD_BYTES = 32L << 20;
    /**
     * One load (16 pages), then a pause ({@link #pauseAfterRead}): the warmer's CPU spread out in pieces under a
     * millisecond (a MB took about 10 ms to fault in on the build machine), not spent in one burst.
     */
    static final int READ_BYTES = 64 << 10;
    /** How often the writer's position is looked at while it moves. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** The shortest pause between two reads while the window is not full. */
    private static final long MIN_READ_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * The longest pause while the writer stands still (the poll doubles up to it): an idle gateway's warmer woke a
     * hundred times a second for nothing. Safe: the 32 MB read ahead hold about twelve seconds of appends at 20,000
     * orders/s (about 130 bytes an order), and the first append after the pause shortens the next poll again.
     */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(160);
    private static final Logger LOG = Logger.getLogger(PageCacheWarmer.class.getName());

    /** The position after the writer's last append in {@link #file}, or -1 before the first. */
    private final AtomicLong writtenUpTo = new AtomicLong(-1);
    private final Thread thread;
    private volatile File file;
    private volatile boolean running = true;
    /** How far the file is read: the warmer thread's alone. */
    private long warmedUpTo;
    /** {@link #warmedUpTo} as last published, for {@link #warmedAheadOfWriter}. */
    private volatile long warmedUpToPublished = -1;
    /** The file the warmer thread reads now, for {@link #reading}. */
    private volatile File readingPublished;
    /** The C library's calls ({@link #noReadahead}), or null where they cannot be loaded: the warmer thread's alone. */
    private PosixAPI posix;
    /** Whether a refused {@code madvise} was logged: once is enough. The warmer thread's alone. */
    private boolean adviceRefused;

    PageCacheWarmer()
    {
        thread = new Thread(this::run, "og-journal-warmer");
        thread.setDaemon(true);  // closed with the journal; daemon only so that a forgotten close cannot hold the JVM
        thread.start();
    }

    /** The writer appends to {@code current} now: on the first append and when the cycle (the day) rolls. */
    void follow(final File current)
    {
        file = current;
    }

    /** The writer's last append ended at {@code position} of the file it follows: an ordered store, no allocation. */
    void written(final long position)
    {
        writtenUpTo.lazySet(position);
    }

    /** How far ahead of the writer's last append the file has been read; negative before anything was read ahead. */
    long warmedAheadOfWriter()
    {
        final long published = warmedUpToPublished;
        return published < 0 ? -1 : published - writtenUpTo.get();
    }

    /** Where in {@link #reading()} the pages brought in ahead end; negative before anything was. */
    long warmedUpTo()
    {
        return warmedUpToPublished;
    }

    /** The file being read ahead now (null before the writer's first append). */
    File reading()
    {
        return readingPublished;
    }

    private void run()
    {
        posix = loadPosix();
        File reading = null;
        FileChannel channel = null;
        long lastWritten = -1;
        long pollNanos = POLL_NANOS;
        try
        {
            while (running)
            {
                final File target = file;
                if (target != null && target != reading)
                {
                    closeQuietly(channel);
                    channel = open(target);
                    reading = target;
                    warmedUpTo = -1;  // from the writer's next position: what is behind it is written already
                    warmedUpToPublished = -1;
                    readingPublished = target;
                }
                final long written = writtenUpTo.get();
                final long readNanos = channel != null && written >= 0 ? warmAhead(channel, written) : -1;
                pollNanos = written == lastWritten ? Math.min(pollNanos * 2, IDLE_POLL_NANOS) : POLL_NANOS;
                lastWritten = written;
                LockSupport.parkNanos(readNanos >= 0 ? pauseAfterRead(readNanos) : pollNanos);
            }
        }
        finally
        {
            closeQuietly(channel);
        }
    }

    /**
     * Loads the next {@link #READ_BYTES} ahead of the writer, if the window is not full and the file goes on.
     *
     * <p>One load a turn: when Chronicle extended the file by its next chunk, reading the whole window at once was one
     * burst of zero-filling, 40 ms of a vCPU on the 2-vCPU KVM build machine (fresh guest pages are slow to fault in),
     * and the orders' p99 stepped up each time (docs/PERFORMANCE.md, "The journal warmer's bursts").
     *
     * @return the nanoseconds the load took, or -1 when nothing was loaded (the window full, or the file's end)
     */
    private long warmAhead(final FileChannel channel, final long written)
    {
        final long writtenLoad = written & -READ_BYTES;  // loads start on multiples of their size: page-aligned
        if (warmedUpTo < writtenLoad || warmedUpTo > written + AHEAD_BYTES + READ_BYTES)
        {
            warmedUpTo = writtenLoad;  // behind the writer, or (a position from before the file changed) far past it
        }
        long readNanos = -1;
        try
        {
            if (running && warmedUpTo < written + AHEAD_BYTES)
            {
                // whole loads only, so that each starts page-aligned; else the file's end: Chronicle extends it (in
                // chunks of megabytes) when the writer maps its next chunk
                if (channel.size() - warmedUpTo >= READ_BYTES)
                {
                    final long started = System.nanoTime();
                    final MappedByteBuffer pages = channel.map(FileChannel.MapMode.READ_ONLY, warmedUpTo, READ_BYTES);
                    noReadahead(pages);
                    pages.load();
                    IoUtil.unmap(pages);
                    warmedUpTo += READ_BYTES;
                    readNanos = System.nanoTime() - started;
                }
            }
        }
        catch (final IOException ex)
        {
            LOG.warning("journal page warmer: cannot read ahead in " + file + " (" + ex + "); appends go on unwarmed");
            running = false;
        }
        warmedUpToPublished = warmedUpTo;
        return readNanos;
    }

    /**
     * Marks the mapping of {@code pages} as read at random ({@code madvise(MADV_RANDOM)}), so that touching them starts
     * no readahead: the writer's first fault leaves the kernel's readahead marker on a page a few MB in, and a touch of
     * a marked page read the next whole window (8 MB on the build machine) in one go, then marked the next. Best effort:
     * where the call is not available, the load goes on without it.
     */
    private void noReadahead(final MappedByteBuffer pages)
    {
        if (posix != null && posix.madvise(BufferUtil.address(pages), READ_BYTES, MAdviseFlag.MADV_RANDOM) != 0 && !adviceRefused)
        {
            adviceRefused = true;
            LOG.warning("journal page warmer: madvise(MADV_RANDOM) refused (" + posix.lastErrorStr() + "); the kernel may read ahead");
        }
    }

    /**
     * Three times as long as the load took, at least {@link #MIN_READ_PAUSE_NANOS}: the warmer takes at most a quarter
     * of a CPU, and still brings in about 24 MB/s where a MB costs 10 ms, nine times what 20,000 orders/s append.
     */
    private static long pauseAfterRead(final long readNanos)
    {
        return Math.max(MIN_READ_PAUSE_NANOS, 3 * readNanos);
    }

    private static PosixAPI loadPosix()
    {
        try
        {
            return PosixAPI.posix();
        }
        catch (final LinkageError | RuntimeException ex)
        {
            LOG.warning("journal page warmer: no native madvise (" + ex + "); the kernel may read ahead of the warmer");
            return null;
        }
    }

    private static FileChannel open(final File target)
    {
        try
        {
            return FileChannel.open(target.toPath(), StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            LOG.warning("journal page warmer: cannot open " + target + " (" + ex + "); appends go on unwarmed");
            return null;
        }
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignored)
            {
                // a read-only channel: nothing was written that closing could lose
            }
        }
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
