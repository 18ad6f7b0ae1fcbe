package io.ordergate.benchmarks.loadgen;

/**
 * The open-loop plan: request {@code i} is due at {@code start + i / rate}, whatever happened to the requests
 * before it. Latency is measured from this planned time, never from when the request was actually written, so a
 * server (or a generator) that stalls is charged for every request that should have gone out meanwhile
 * (no coordinated omission). A warm-up may instead ramp ({@link #ramp}): the rate rises evenly from 0 to the rate over
 * the duration, so a server and a generator that start cold (interpreted code, the JIT compiling) are not handed the
 * full rate before they can take it. Immutable: safe from any thread.
 */
final class Schedule
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNanos;
    private final long ratePerSecond;
    private final long total;
    /** Zero for a constant rate; else the ramp's length: the rate at t is {@code rate × t / rampNanos}. */
    private final long rampNanos;

    Schedule(final long startNanos, final long ratePerSecond, final long durationSeconds)
    {
        this(startNanos, ratePerSecond, durationSeconds, false);
    }

    private Schedule(final long startNanos, final long ratePerSecond, final long durationSeconds, final boolean ramp)
    {
        if (ratePerSecond <= 0 || durationSeconds <= 0)
        {
            throw new IllegalArgumentException("rate and duration must be positive: " + ratePerSecond + "/s, " + durationSeconds + " s");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.rampNanos = ramp ? durationSeconds * NANOS_PER_SECOND : 0;
        // Under a ramp the requests are the area of the triangle: rate × duration / 2 (at least one).
        this.total = ramp ? Math.max(1, ratePerSecond * durationSeconds / 2) : ratePerSecond * durationSeconds;
    }

    /**
     * A plan whose rate rises evenly from 0 at the start to {@code ratePerSecond} at {@code durationSeconds}: request
     * {@code i} is due at {@code start + sqrt(2 × duration × i / rate)}.
     */
    static Schedule ramp(final long startNanos, final long ratePerSecond, final long durationSeconds)
    {
        return new Schedule(startNanos, ratePerSecond, durationSeconds, true);
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
        if (rampNanos > 0)
        {
            // t = sqrt(2 × ramp × i / rate), in nanoseconds: 2 × ramp(ns) × 1e9 × i / rate, rounded up to the next ns.
            return startNanos + (long)Math.ceil(Math.sqrt(2.0 * rampNanos * NANOS_PER_SECOND * index / ratePerSecond));
        }
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
        if (rampNanos > 0)
        {
            return rampedDueCount(nowNanos, elapsed);
        }
        // floor(elapsed * rate / 1e9) + 1, split to stay inside a long for long runs at high rates.
        final long seconds = elapsed / NANOS_PER_SECOND;
        final long remainder = elapsed % NANOS_PER_SECOND;
        final long due = seconds * ratePerSecond + remainder * ratePerSecond / NANOS_PER_SECOND + 1;
        return Math.min(due, total);
    }

    /**
     * Under the ramp: the estimate {@code floor(rate × t² / (2 × ramp)) + 1} from doubles, then moved to agree exactly
     * with {@link #plannedNanos} (rounding may put it one or two off).
     */
    private long rampedDueCount(final long nowNanos, final long elapsed)
    {
        final double seconds = (double)elapsed / NANOS_PER_SECOND;
        long due = (long)Math.floor(ratePerSecond * seconds * seconds * NANOS_PER_SECOND / (2.0 * rampNanos)) + 1;
        due = Math.max(1, Math.min(due, total));
        while (due < total && plannedNanos(due) <= nowNanos)
        {
            due++;
        }
        while (due > 1 && plannedNanos(due - 1) > nowNanos)
        {
            due--;
        }
        return due;
    }

    /** When the last request is due. */
    long lastPlannedNanos()
    {
        return plannedNanos(total - 1);
    }
}
