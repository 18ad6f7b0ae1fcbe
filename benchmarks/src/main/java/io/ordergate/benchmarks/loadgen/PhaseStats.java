package io.ordergate.benchmarks.loadgen;

import org.HdrHistogram.Histogram;

/**
 * What one phase (warm-up or measurement) of a run saw. Latency is response-complete minus planned send time, in
 * nanoseconds; send lag is actual write minus planned time (the generator's own lateness, already inside latency);
 * round trip is response-complete minus actual write: the server's time as the client sees it, without the queueing
 * before the write (so a tail that is in the latency and not in the round trip was spent waiting to be written).
 * With simulated executors, frame latency is the arrival of the order's OPEN_POSITION frame on the executor's
 * WebSocket minus the same planned send time; frame from write, the same arrival minus the request's write (the
 * gateway's order → frame path without the generator's own queueing).
 * <b>Not thread safe</b>: written on the event loop only (but {@link #pacerLateness}, by the pacing thread when
 * {@link Pacing#THREAD} paces); other
 * threads read {@link #settled} and, after the phase is frozen, everything.
 */
final class PhaseStats
{
    /** Up to one minute, 3 significant digits: 0.1% resolution at every magnitude. */
    private static final long HIGHEST_TRACKABLE_NANOS = 60_000_000_000L;

    final Schedule schedule;
    /** How this phase's requests were handed to the event loop (and so what {@link #pacerLateness} measured). */
    final Pacing pacing;
    final Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    final Histogram sendLag = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    final Histogram roundTrip = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    /**
     * Planned send time → the pacer handing the request to the connections: how late the pacing (the event loop's timer
     * task, or the pacing thread) woke, the machine's scheduling before any request is written. Written by the pacing
     * only; read after the phase.
     */
    final Histogram pacerLateness = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    /** Planned send time → OPEN_POSITION frame on the executor's socket (executor runs only). */
    final Histogram frameLatency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    /** Request written to its socket → OPEN_POSITION frame on the executor's socket (executor runs only). */
    final Histogram frameFromWrite = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    /** 2xx answers carrying an order id (routed MT5 orders): each should get one frame. */
    long routed;
    /** Routed orders of this phase whose frame never arrived, counted at {@link #freeze}. */
    long framesMissing;
    /** Frames that never met an answer of this phase (their request failed, or they belong to another phase). */
    long framesUnmatched;
    /** {"type":"error"} frames from the gateway on the executor sockets, and sockets closed by it. */
    long executorErrors;
    /** routed − frames timed − frames missing: published for the thread that waits for the phase to drain. */
    volatile long framesAwaited;
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
    /** Of {@link #failed}: requests still unanswered when the phase ended (the drain timeout passed). */
    long unanswered;
    private boolean frozen;

    PhaseStats(final Schedule schedule, final Pacing pacing)
    {
        this.schedule = schedule;
        this.pacing = pacing;
    }

    boolean owns(final long plannedNanos)
    {
        return !frozen && plannedNanos >= schedule.startNanos();
    }

    void sent(final long plannedNanos, final long nowNanos)
    {
        sent++;
        record(sendLag, nowNanos - plannedNanos);
    }

    /** Pacing: requests [from, to) handed over at {@code nowNanos}. */
    void handed(final long from, final long to, final long nowNanos)
    {
        for (long i = from; i < to; i++)
        {
            record(pacerLateness, nowNanos - schedule.plannedNanos(i));
        }
    }

    void response(final int status, final long plannedNanos, final long writtenNanos, final long nowNanos)
    {
        record(latency, nowNanos - plannedNanos);
        record(roundTrip, nowNanos - writtenNanos);
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

    /** A 2xx answer that carries an order id: its frame is awaited. */
    void routed()
    {
        routed++;
        framesAwaited++;
    }

    void frame(final long plannedNanos, final long writtenNanos, final long arrivalNanos)
    {
        record(frameLatency, arrivalNanos - plannedNanos);
        record(frameFromWrite, arrivalNanos - writtenNanos);
        framesAwaited--;
    }

    /** A duration into a histogram, clamped to what it can hold (a clock read out of order counts as zero). */
    private static void record(final Histogram histogram, final long nanos)
    {
        histogram.recordValue(Math.min(Math.max(0, nanos), HIGHEST_TRACKABLE_NANOS));
    }

    void failed(final long count)
    {
        failed += count;
        settled += count;
    }

    void freeze()
    {
        freeze(0, 0);
    }

    long errors()
    {
        return badStatus + failed;
    }

    /**
     * Ends the phase: whatever has not settled is a timeout; later answers are ignored. {@code parkedAnswers} and
     * {@code parkedFrames} are what the correlator still holds: routed orders without a frame, frames without an
     * answer. Event loop only.
     */
    void freeze(final long parkedAnswers, final long parkedFrames)
    {
        if (!frozen)
        {
            framesMissing += parkedAnswers;
            framesUnmatched += parkedFrames;
            final long outstanding = schedule.total() - (ok + rejected + badStatus + failed);
            failed += outstanding;
            unanswered = outstanding;
            frozen = true;
        }
    }
}
