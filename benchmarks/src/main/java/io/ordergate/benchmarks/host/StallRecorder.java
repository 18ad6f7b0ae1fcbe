package io.ordergate.benchmarks.host;

import java.util.ArrayList;
import java.util.List;

/**
 * A sleeper's wake-ups: how late each came against the time it asked for, the worst, and the stalls (a wake-up later
 * than the threshold) with when they happened. A thread that sleeps a millisecond and wakes 100 ms late was given no
 * CPU for 100 ms: on a machine with a CPU free that is the host's doing, not the process's.
 * <b>Not thread safe</b>: one sleeper's.
 */
final class StallRecorder
{
    /** Stalls whose time is kept for the summary; the count goes on past it. */
    private static final int TIMES_KEPT = 20;

    private final long thresholdNanos;
    private final List<Long> stallTimesMillis = new ArrayList<>();
    private long wakeUps;
    private long stalls;
    private long worstNanos;

    StallRecorder(final long thresholdNanos)
    {
        this.thresholdNanos = thresholdNanos;
    }

    /** One wake-up {@code lateNanos} after the time it asked for, at {@code wallMillis}. */
    void wokeUp(final long lateNanos, final long wallMillis)
    {
        wakeUps++;
        worstNanos = Math.max(worstNanos, lateNanos);
        if (lateNanos > thresholdNanos)
        {
            stalls++;
            if (stallTimesMillis.size() < TIMES_KEPT)
            {
                stallTimesMillis.add(wallMillis);
            }
        }
    }

    long wakeUps()
    {
        return wakeUps;
    }

    long stalls()
    {
        return stalls;
    }

    long worstMicros()
    {
        return worstNanos / 1_000;
    }

    List<Long> stallTimesMillis()
    {
        return stallTimesMillis;
    }

    /** {@code "stalls over 50 ms: 3 (worst 102.2 ms) in 9,120 wake-ups"}. */
    String summary()
    {
        return String.format("stalls over %d ms: %d (worst %.1f ms) in %,d wake-ups", thresholdNanos / 1_000_000, stalls,
            worstNanos / 1e6, wakeUps);
    }
}
