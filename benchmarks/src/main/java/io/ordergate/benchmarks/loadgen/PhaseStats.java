package io.ordergate.benchmarks.loadgen;

import org.HdrHistogram.Histogram;

/**
 * What one phase (warm-up or measurement) of a run saw. Latency is response-complete minus planned send time, in
 * nanoseconds; send lag is actual write minus planned time (the generator's own lateness, already inside latency).
 * <b>Not thread safe</b>: written on the event loop only; other threads read {@link #settled} and, after the phase
 * is frozen, everything.
 */
final class PhaseStats
{
    /** Up to one minute, 3 significant digits: 0.1% resolution at every magnitude. */
    private static final long HIGHEST_TRACKABLE_NANOS = 60_000_000_000L;

    final Schedule schedule;
    final Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    final Histogram sendLag = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    /** Responses by HTTP status code (index = status), for the summary. */
    final long[] statuses = new long[600];
    long sent;
    long ok;
    long rejected;
    /** Responses with a status other than 2xx or 422. */
    long badStatus;
    /** Requests that never got a response: connection failures, and timeouts counted when the phase ends. */
    long failed;
    long lastCompletionNanos;
    /** ok + rejected + badStatus + failed, published for the thread that waits for the phase to drain. */
    volatile long settled;
    private boolean frozen;

    PhaseStats(final Schedule schedule)
    {
        this.schedule = schedule;
    }

    boolean owns(final long plannedNanos)
    {
        return !frozen && plannedNanos >= schedule.startNanos();
    }

    void sent(final long plannedNanos, final long nowNanos)
    {
        sent++;
        sendLag.recordValue(Math.min(Math.max(0, nowNanos - plannedNanos), HIGHEST_TRACKABLE_NANOS));
    }

    void response(final int status, final long plannedNanos, final long nowNanos)
    {
        latency.recordValue(Math.min(Math.max(0, nowNanos - plannedNanos), HIGHEST_TRACKABLE_NANOS));
        if (status >= 0 && status < statuses.length)
        {
            statuses[status]++;
        }
        if (status >= 200 && status < 300)
        {
            ok++;
        }
        else if (status == 422)
        {
            rejected++;
        }
        else
        {
            badStatus++;
        }
        lastCompletionNanos = nowNanos;
        settled++;
    }

    void failed(final long count)
    {
        failed += count;
        settled += count;
    }

    long errors()
    {
        return badStatus + failed;
    }

    /** Ends the phase: whatever has not settled is a timeout; later answers are ignored. Event loop only. */
    void freeze()
    {
        if (!frozen)
        {
            final long outstanding = schedule.total() - (ok + rejected + badStatus + failed);
            failed += outstanding;
            frozen = true;
        }
    }
}
