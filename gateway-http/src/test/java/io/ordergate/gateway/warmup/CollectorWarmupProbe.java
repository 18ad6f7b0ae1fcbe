package io.ordergate.gateway.warmup;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * A child JVM for {@link CollectorWarmupTest}, run with ZGC: counts ZGC's cycles and warm-up cycles itself (not through
 * {@link CollectorWarmup}), runs the warm-up unless told {@code control}, then makes four heaps of garbage and prints
 * the warm-up cycles that ended before, during and after the warm-up, once every cycle's notification has arrived.
 */
public final class CollectorWarmupProbe
{
    private static final AtomicInteger CYCLES = new AtomicInteger();
    private static final AtomicInteger WARMUPS = new AtomicInteger();
    private static final java.util.Set<String> CAUSES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static byte[][] kept = new byte[8][];

    private CollectorWarmupProbe()
    {
    }

    public static void main(final String[] args)
    {
        GarbageCollectorMXBean zgcCycles = null;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            if (collector.getName().equals("ZGC Cycles") || collector.getName().equals("ZGC Major Cycles"))
            {
                zgcCycles = collector;
                ((NotificationEmitter)collector).addNotificationListener((notification, handback) ->
                {
                    CYCLES.incrementAndGet();
                    final GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData)notification.getUserData());
                    CAUSES.add(info.getGcCause());
                    if ("Warmup".equals(info.getGcCause()))
                    {
                        WARMUPS.incrementAndGet();
                    }
                }, null, null);
            }
        }
        if (zgcCycles == null)
        {
            throw new IllegalStateException("run me with -XX:+UseZGC");
        }
        CollectorWarmup.watch();
        final int before = settled(zgcCycles);
        if (!"control".equals(args.length > 0 ? args[0] : ""))
        {
            CollectorWarmup.run();
        }
        final int afterWarmup = settled(zgcCycles);
        final long garbage = Runtime.getRuntime().maxMemory() * 4;
        for (long made = 0; made < garbage; made += 1 << 20)
        {
            kept[(int)(made >> 20) & 7] = new byte[1 << 20];
            // Paced, in both modes: unpaced on a loaded machine the heap filled between two of ZGC's director ticks, so
            // its first cycles were allocation stalls, which count as the first cycles, and no warm-up cycle came at all
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        final int afterGarbage = settled(zgcCycles);
        System.out.println("warmups before=" + before + " warmup=" + (afterWarmup - before) + " garbage=" + (afterGarbage - afterWarmup)
            + " counted-by-warmup=" + CollectorWarmup.warmupCycles() + " causes=" + CAUSES);
    }

    /** The warm-up cycles so far, once the notification of every cycle begun has arrived. */
    private static int settled(final GarbageCollectorMXBean cycles)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (CYCLES.get() != cycles.getCollectionCount())
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException(CYCLES.get() + " cycle notifications for " + cycles.getCollectionCount() + " cycles");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return WARMUPS.get();
    }
}
