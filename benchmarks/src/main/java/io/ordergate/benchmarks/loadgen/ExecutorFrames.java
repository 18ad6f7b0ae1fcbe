package io.ordergate.benchmarks.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.EventLoopGroup;

/**
 * The simulated executors of a run and the pairing of each order's HTTP answer (its {@code order_id}) with its
 * OPEN_POSITION frame (its {@code orderId}) in a {@link FrameCorrelator}, whichever comes first; the pair's frame
 * latencies (arrival − planned, arrival − written) go into the phase's frame histograms.
 * <b>Not thread safe</b>: on the load client's event loop, except {@link #connect} (the control thread).
 */
final class ExecutorFrames implements SimulatedExecutor.Listener
{
    /** Orders whose answer and frame may be waiting for each other at once; far above what a healthy run holds. */
    private static final int CORRELATOR_CAPACITY = 1 << 16;

    private final FrameCorrelator correlator = new FrameCorrelator(CORRELATOR_CAPACITY);
    private final List<SimulatedExecutor> executors = new ArrayList<>();
    private PhaseStats current;
    private long errors;
    private String lastError;

    /**
     * Opens one simulated executor per entry on the client's event loop and waits until each has completed its
     * WebSocket handshake and sent its first heartbeat. Tickets are unique across executors and runs.
     */
    void connect(final EventLoopGroup group, final String host, final int port, final List<ExecutorSetup.Executor> registered,
        final byte[] fillPrice) throws InterruptedException
    {
        final long firstTicket = System.currentTimeMillis() * 100;
        final List<CompletableFuture<Void>> handshakes = new ArrayList<>();
        for (int i = 0; i < registered.size(); i++)
        {
            final SimulatedExecutor executor = new SimulatedExecutor(registered.get(i), fillPrice, firstTicket + i, registered.size(), this);
            executors.add(executor);
            handshakes.add(executor.connect(group, host, port));
        }
        for (int i = 0; i < handshakes.size(); i++)
        {
            try
            {
                handshakes.get(i).get(10, TimeUnit.SECONDS);
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                final Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
                throw new IllegalStateException("executor " + registered.get(i).executorId() + ": cannot open its WebSocket: " +
                    cause.getMessage(), cause);
            }
        }
    }

    /** A phase begins: pairs are counted in it. */
    void phase(final PhaseStats stats)
    {
        correlator.clear();
        current = stats;
    }

    /** A phase ends: what is still waiting for its pair is counted as missing. */
    void freeze(final PhaseStats stats)
    {
        stats.freeze(correlator.parkedAnswers(), correlator.parkedFrames() + correlator.dropped());
        correlator.clear();
    }

    /** An order's 2xx answer: its frame may have come first. */
    void answered(final long orderId, final long plannedNanos, final long writtenNanos)
    {
        current.routed();
        final long arrival = correlator.answered(orderId, plannedNanos, writtenNanos);
        if (arrival != FrameCorrelator.NONE)
        {
            current.frame(plannedNanos, writtenNanos, arrival);
        }
    }

    @Override
    public void frameArrived(final long orderId, final long arrivalNanos)
    {
        if (current != null)
        {
            final long planned = correlator.frame(orderId, arrivalNanos);
            if (planned != FrameCorrelator.NONE && current.owns(planned))
            {
                current.frame(planned, correlator.writtenOfLastPair(), arrivalNanos);
            }
        }
    }

    @Override
    public void executorError(final String executorId, final String frame)
    {
        errors++;
        lastError = executorId + ": " + (frame.length() > 200 ? frame.substring(0, 200) + "..." : frame);
        if (current != null)
        {
            current.executorErrors++;
        }
    }

    /** Error frames and closes seen on the executor sockets so far and the last one; null when none. */
    String errorSummary()
    {
        return errors == 0 ? null : errors + " executor socket errors, last: " + lastError;
    }

    void close()
    {
        executors.forEach(SimulatedExecutor::close);
    }
}
