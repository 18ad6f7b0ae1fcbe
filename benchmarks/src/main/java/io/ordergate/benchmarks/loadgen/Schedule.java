package io.ordergate.benchmarks.loadgen;

/**
 * The open-loop plan: request {@code i} is due at {@code start + i / rate}, whatever happened to the requests
 * before it. Latency is measured from this planned time, never from when the request was actually written, so a
 * server (or a generator) that stalls is charged for every request that should have gone out meanwhile
 * (no coordinated omission). A warm-up may instead ramp ({@link #ramp}): the rate rises evenly from 0 to the rate over
 * the duration, so a server and a generator that start cold (interpreted code, the JIT compiling) are not handed the
 * full rate before they can take it; {@link #warmUp} then holds the rate. Immutable: safe from any thread.
 */
final class Schedule
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long startNanos;
    private final long ratePerSecond;
    private final long total;
    /** Zero for a constant rate; else the ramp's length: the rate at t is {@code rate × t / rampNanos}. */
    private final long rampNanos;
    /** The first request at the constant rate: 0 without a ramp, else the ramp's request count. */
    private final long flatFromIndex;
    /** When request {@link #flatFromIndex} is due: the start, or the ramp's end. */
    private final long flatStartNanos;

    Schedule(final long startNanos, final long ratePerSecond, final long durationSeconds)
    {
        this(startNanos, ratePerSecond, 0, durationSeconds);
    }

    private Schedule(final long startNanos, final long ratePerSecond, final long rampSeconds, final long flatSeconds)
    {
        if (ratePerSecond <= 0 || rampSeconds < 0 || flatSeconds < 0 || rampSeconds + flatSeconds <= 0)
        {
            throw new IllegalArgumentException("rate and duration must be positive: " + ratePerSecond + "/s, "
                + (rampSeconds + flatSeconds) + " s");
        }
        this.startNanos = startNanos;
        this.ratePerSecond = ratePerSecond;
        this.rampNanos = rampSeconds * NANOS_PER_SECOND;
        // Under a ramp the requests are the area of the triangle: rate × duration / 2 (at least one).
        this.flatFromIndex = rampSeconds == 0 ? 0 : Math.max(1, ratePerSecond * rampSeconds / 2);
        this.flatStartNanos = startNanos + rampNanos;
        this.total = flatFromIndex + ratePerSecond * flatSeconds;
    }

    /**
     * A plan whose rate rises evenly from 0 at the start to {@code ratePerSecond} at {@code durationSeconds}: request
     * {@code i} is due at {@code start + sqrt(2 × duration × i / rate)}.
     */
    static Schedule ramp(final long startNanos, final long ratePerSecond, final long durationSeconds)
    {
        return new Schedule(startNanos, ratePerSecond, durationSeconds, 0);
    }

    /**
     * A warm-up of {@code durationSeconds}: the rate rises evenly from 0 over the first four fifths ({@link #ramp}) and is
     * held over the last fifth (at least a second; none for a one-second warm-up). The hold is for the generator's JIT as
     * much as for the server: compiled while only the ramp ran, the pacing code had the constant rate's arithmetic
     * compiled out, and the measured phase's first requests threw it back to the interpreter (the JIT's "made not
     * entrant" at that moment; up to 1,700 requests late in the first second at 20,000/s). Held here, that happens
     * while nothing is measured.
     */
    static Schedule warmUp(final long startNanos, final long ratePerSecond, final long durationSeconds)
    {
        final long hold = durationSeconds < 2 ? 0 : Math.max(1, durationSeconds / 5);
        return new Schedule(startNanos, ratePerSecond, durationSeconds - hold, hold);
    }

    long startNanos()
    {
        return startNanos;
    }

    long ratePerSecond()
    {
        return ratePerSecond;
    }

    /** Requests in the whole plan: rate × duration at the constant rate, half that under a ramp. */
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
        if (index < flatFromIndex)
        {
            // t = sqrt(2 × ramp × i / rate), in nanoseconds: 2 × ramp(ns) × 1e9 × i / rate, rounded up to the next ns.
            return startNanos + (long)Math.ceil(Math.sqrt(2.0 * rampNanos * NANOS_PER_SECOND * index / ratePerSecond));
        }
        final long flatIndex = index - flatFromIndex;
        return flatStartNanos + (flatIndex * NANOS_PER_SECOND + ratePerSecond - 1) / ratePerSecond;
    }

    /** How many requests are due at {@code nowNanos} (those with planned time at or before it), at most {@link #total}. */
    long dueCount(final long nowNanos)
    {
        if (nowNanos < startNanos)
        {
            return 0;
        }
        if (nowNanos < flatStartNanos)
        {
            return rampedDueCount(nowNanos, nowNanos - startNanos);
        }
        // floor(elapsed * rate / 1e9) + 1, split to stay inside a long for long runs at high rates.
        final long elapsed = nowNanos - flatStartNanos;
        final long seconds = elapsed / NANOS_PER_SECOND;
        final long remainder = elapsed % NANOS_PER_SECOND;
        final long due = flatFromIndex + seconds * ratePerSecond + remainder * ratePerSecond / NANOS_PER_SECOND + 1;
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
        due = Math.max(1, Math.min(due, flatFromIndex));
        while (due < flatFromIndex && plannedNanos(due) <= nowNanos)
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
