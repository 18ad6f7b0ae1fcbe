package io.ordergate.gateway.warmup;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * ZGC's warm-up cycles, run before the gateway serves instead of under its first orders. ZGC collects when the heap's
 * use first passes 10, 20 and 30 % of its size, to learn what a cycle costs (its "Warmup" rule); each cycle takes one
 * of a small machine's vCPUs for 60-150 ms, and all three would come while the first few hundred megabytes of garbage
 * are made, that is under the first minutes of traffic (docs/PERFORMANCE.md, "The collector warmed up before the first
 * order"). Here the start-up thread makes short-lived garbage until ZGC has run them: it allocates while the heap is
 * below {@value #USE_CEILING_PERCENT} % used and waits while above, until three warm-up cycles have ended since
 * {@link #watch()} (the gateway's own start-up passes the first one or two thresholds), or none has come for
 * {@value #QUIET_MILLIS} ms with the heap above the last threshold, or {@value #TIMEOUT_SECONDS} s have passed. With
 * another collector (none has such a rule) it does nothing. Call {@link #run()} from the start-up thread once the
 * gateway's pools are made and before it is ready.
 */
public final class CollectorWarmup
{
    static final int WARMUP_CYCLES = 3;
    static final String WARMUP_CAUSE = "Warmup";
    private static final int USE_CEILING_PERCENT = 35;
    private static final long QUIET_MILLIS = 1_000;
    private static final long TIMEOUT_SECONDS = 20;
    private static final int CHUNK_BYTES = 1 << 20;
    private static final int KEPT_CHUNKS = 8;
    /** ZGC's allocation rate is the average of ten samples a second (ZStatAllocRate), and a little more. */
    private static final long ALLOCATION_RATE_WINDOW_MILLIS = 1_200;

    /**
     * The last few chunks, reachable from a static field so that the compiler cannot prove them unused and leave the
     * allocations out; each dies {@value #KEPT_CHUNKS} chunks later.
     */
    @SuppressWarnings("unused")
    private static byte[][] kept;
    /** Warm-up cycles ended since {@link #watch}, counted on the collector's notification thread. */
    private static final AtomicInteger WARMUPS = new AtomicInteger();
    private static boolean watching;
    private static boolean zgc;

    private CollectorWarmup()
    {
    }

    /** What a collector warm-up did: the warm-up cycles that ended while it ran, the garbage it made, how long it took. */
    public record Result(int warmupCycles, long garbageBytes, long millis)
    {
    }

    /**
     * Starts counting ZGC's warm-up cycles: call before the gateway allocates much (its start-up alone passes the first
     * thresholds), once per JVM; later calls do nothing.
     */
    public static synchronized void watch()
    {
        if (watching)
        {
            return;
        }
        watching = true;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            // "ZGC Cycles" on JDK 17; generational ZGC's warm-up cycles are major ones ("ZGC Major Cycles")
            if (collector.getName().equals("ZGC Cycles") || collector.getName().equals("ZGC Major Cycles"))
            {
                zgc = true;
                ((NotificationEmitter)collector).addNotificationListener(CollectorWarmup::count, null, null);
            }
        }
    }

    /** Makes garbage until ZGC has run its warm-up cycles (since {@link #watch}); nothing with another collector. */
    public static Result run()
    {
        watch();
        if (!zgc)
        {
            return new Result(0, 0, 0);
        }
        final long start = System.nanoTime();
        final int before = WARMUPS.get();
        try
        {
            final long garbage = makeGarbageUntilWarm(start);
            if (garbage > 0)
            {
                // ZGC estimates the allocation rate over the last second: left at the warm-up's rate, its allocation-rate
                // rule would start a cycle under the first orders. The start-up thread waits that second out.
                final long settled = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ALLOCATION_RATE_WINDOW_MILLIS);
                for (long left = settled - System.nanoTime(); left > 0; left = settled - System.nanoTime())
                {
                    LockSupport.parkNanos(left);
                }
            }
            return new Result(WARMUPS.get() - before, garbage, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        finally
        {
            kept = null;
        }
    }

    /** Warm-up cycles ended since {@link #watch}. */
    static int warmupCycles()
    {
        return WARMUPS.get();
    }

    private static long makeGarbageUntilWarm(final long start)
    {
        final Runtime runtime = Runtime.getRuntime();
        final long ceiling = runtime.maxMemory() / 100 * USE_CEILING_PERCENT;
        final long deadline = start + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        kept = new byte[KEPT_CHUNKS][];
        long garbage = 0;
        int chunk = 0;
        int seen = WARMUPS.get();
        long quietSince = System.nanoTime();
        while (WARMUPS.get() < WARMUP_CYCLES && System.nanoTime() < deadline)
        {
            if (WARMUPS.get() != seen)
            {
                seen = WARMUPS.get();
                quietSince = System.nanoTime();
            }
            if (runtime.totalMemory() - runtime.freeMemory() < ceiling)
            {
                kept[chunk++ % KEPT_CHUNKS] = new byte[CHUNK_BYTES];
                garbage += CHUNK_BYTES;
                continue;
            }
            if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS))
            {
                break;  // above every warm-up threshold and no warm-up cycle comes: the collector is warm by now
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));  // the start-up thread waits for the cycle
        }
        return garbage;
    }

    private static void count(final Notification notification, final Object handback)
    {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())
            && WARMUP_CAUSE.equals(GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData()).getGcCause()))
        {
            WARMUPS.incrementAndGet();
        }
    }
}
