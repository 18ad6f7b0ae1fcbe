package io.ordergate.benchmarks.loadgen;

/**
 * The open-loop plan: request {@code i} is due at {@code start + i / rate}, whatever happened to the requests
 * before it. Latency is measured from this planned time, never from when the request was actually written, so a
 * server (or a generator) that stalls is charged for every request that should have gone out meanwhile
 * (no coordinated omission). Immutable: safe from any thread.
 */
final class Schedule
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNanos;
    private final long ratePerSecond;
    private final long total;

    Schedule(final long startNanos, final long ratePerSecond, final long durationSeconds)
    {
        if (ratePerSecond <= 0 || durationSeconds <= 0)
        {
            throw new IllegalArgumentException("rate and duration must be positive: " + ratePerSecond + "/s, " + durationSeconds + " s");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.total = ratePerSecond * durationSeconds;
    }

    long startNanos()
    {
        return startNanos;
    }

    long ratePerSecond()
    {
        return ratePerSecond;
    }

    /** Requests in the whole plan: rate × duration. */
    long total()
    {
        return total;
    }

    /**
     * When request {@code index} (from 0) is due, in {@link System#nanoTime()} terms: {@code start + ceil(index × 1e9 /
     * rate)}, computed from the index, so there is no drift over long runs. Rounded up so that request {@code i} is
     * due exactly when {@link #dueCount} first exceeds {@code i}.
     */
    long plannedNanos(final long index)
    {
        return startNanos + (index * NANOS_PER_SECOND + ratePerSecond - 1) / ratePerSecond;
    }

    /** How many requests are due at {@code nowNanos} (those with planned time at or before it), at most {@link #total}. */
    long dueCount(final long nowNanos)
    {
        if (nowNanos < startNanos)
        {
            return 0;
        }
        final long elapsed = nowNanos - startNanos;
        // floor(elapsed * rate / 1e9) + 1, split to stay inside a long for long runs at high rates.
        final long seconds = elapsed / NANOS_PER_SECOND;
        final long remainder = elapsed % NANOS_PER_SECOND;
        final long due = seconds * ratePerSecond + remainder * ratePerSecond / NANOS_PER_SECOND + 1;
        return Math.min(due, total);
    }

    /** When the last request is due. */
    long lastPlannedNanos()
    {
        return plannedNanos(total - 1);
    }
}
