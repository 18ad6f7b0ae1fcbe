package io.ordergate.benchmarks.loadgen;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Drives one HTTP server at a constant planned rate from N keep-alive connections on ONE event-loop thread
 * (the machine may have only two cores; the server needs the rest).
 *
 * <pre>
 *   loadgen-io event loop (epoll)                                                          server
 *   timer task at request i's planned time (start + i/rate):
 *     assign what is due to the least-loaded connections, write while in flight < depth ──►   POST/GET
 *     schedule itself for the next planned request                                    ◄──   response
 *   latency = received - planned  ──► HdrHistogram
 * </pre>
 *
 * The pacing never waits for answers (open loop): if the server stalls, requests queue on their connections and
 * their latency keeps counting from the plan. {@link Pacing#THREAD} paces from the calling thread instead (the
 * generator before 2026-12-06). Phase methods are called from one control thread.
 *
 * <p>With simulated executors ({@link #connectExecutors}) their WebSockets live on the same event loop, and
 * {@link ExecutorFrames} pairs each order's answer with its executor frame.
 */
final class HttpLoadClient implements AutoCloseable
{
    private static final long RECONNECT_DELAY_MILLIS = 200;

    private final String host;
    private final int port;
    private final RequestTemplate template;
    private final Pacing pacing;
    private final EventLoopGroup group;
    private final EventLoop loop;
    private final boolean ownsGroup;
    private final LoadConnection[] connections;
    private final Bootstrap bootstrap;
    private final PrintStream progress;
    /** The phase answers are counted in; switched on the event loop. */
    private PhaseStats current;
    private int nextConnection;
    private long connectionErrors;
    private String lastConnectionError;
    private volatile boolean running = true;
    /** The executors of a run and their frames, or null when the run has none. */
    private final ExecutorFrames frames;

    /** A client on an event loop of its own, of the transport {@code pacing} needs, shut down by {@link #close}. */
    HttpLoadClient(final String host, final int port, final int connectionCount, final int depth,
        final RequestTemplate template, final PrintStream progress, final boolean wantsOrderIds, final Pacing pacing)
    {
        this(host, port, connectionCount, depth, template, progress, wantsOrderIds, pacing, LoadTransport.singleLoop("loadgen-io", pacing), true);
    }

    /**
     * @param wantsOrderIds read each answer's {@code order_id} and pair it with executor frames
     * @param pacing how requests are handed to the event loop at their planned times
     * @param group one event loop of the transport {@code pacing} needs ({@link LoadTransport#singleLoop}); the run's
     *        clients share one, so the gateway's and the baseline's requests go through the same thread and compiled loop
     * @param ownsGroup shut the group down on {@link #close} (else only this client's sockets close)
     */
    HttpLoadClient(final String host, final int port, final int connectionCount, final int depth, final RequestTemplate template,
        final PrintStream progress, final boolean wantsOrderIds, final Pacing pacing, final EventLoopGroup group, final boolean ownsGroup)
    {
        this.pacing = pacing;
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.loop = group.next();
        this.frames = wantsOrderIds ? new ExecutorFrames() : null;
        this.host = host;
        this.port = port;
        this.template = template;
        this.progress = progress;
        this.connections = new LoadConnection[connectionCount];
        for (int i = 0; i < connectionCount; i++)
        {
            connections[i] = new LoadConnection(this, depth);
        }
        this.bootstrap = new Bootstrap()
            .group(group)
            .channel(LoadTransport.socketChannel(group))
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
    }

    RequestTemplate template()
    {
        return template;
    }

    boolean wantsOrderIds()
    {
        return frames != null;
    }

    /** Opens the run's simulated executors on this client's event loop (see {@link ExecutorFrames#connect}). */
    void connectExecutors(final List<ExecutorSetup.Executor> registered, final byte[] fillPrice) throws InterruptedException
    {
        frames.connect(group, host, port, registered, fillPrice);
    }

    /** Opens every connection; fails if any cannot connect within the timeout. */
    void connect() throws InterruptedException
    {
        for (final LoadConnection connection : connections)
        {
            final ChannelFuture future = connect(connection).await();
            if (!future.isSuccess())
            {
                throw new IllegalStateException("cannot connect to " + host + ":" + port + ": " + future.cause().getMessage(), future.cause());
            }
        }
    }

    private ChannelFuture connect(final LoadConnection connection)
    {
        return bootstrap.clone()
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast("http-decoder", new HttpResponseDecoder())
                        .addLast("load", connection);
                }
            })
            .connect(host, port);
    }

    /**
     * Runs one phase at {@code rate} for {@code seconds}, then waits up to {@code drainTimeoutNanos} past the last
     * planned request for the answers; whatever is still unanswered then counts as an error.
     */
    PhaseStats runPhase(final String label, final int rate, final int seconds, final long drainTimeoutNanos)
        throws InterruptedException
    {
        return runPhase(label, rate, seconds, false, drainTimeoutNanos);
    }

    /** {@link #runPhase(String, int, int, long)}, with {@code ramp}: the rate rising from 0 to {@code rate}, then held ({@link Schedule#warmUp}). */
    PhaseStats runPhase(final String label, final int rate, final int seconds, final boolean ramp, final long drainTimeoutNanos)
        throws InterruptedException
    {
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
        final PhaseStats stats = new PhaseStats(ramp ? Schedule.warmUp(start, rate, seconds) : new Schedule(start, rate, seconds), pacing);
        onLoop(() ->
        {
            if (frames != null)
            {
                frames.phase(stats);
            }
            current = stats;
        });
        final ScheduledFuture<?> reporter = loop.scheduleAtFixedRate(() -> report(label, stats), 1, 1, TimeUnit.SECONDS);
        try
        {
            pacing.pace(loop, stats, this::assign, () -> running);
            final long deadline = stats.schedule.lastPlannedNanos() + drainTimeoutNanos;
            while ((stats.settled < stats.schedule.total() || stats.framesAwaited > 0) && System.nanoTime() < deadline)
            {
                Thread.sleep(1);
            }
        }
        finally
        {
            reporter.cancel(false);
            onLoop(() ->
            {
                if (frames != null)
                {
                    frames.freeze(stats);
                }
                else
                {
                    stats.freeze();
                }
            });
        }
        return stats;
    }

    /** Event loop: gives requests [from, to) to the least-loaded live connections and writes what can go now. */
    private void assign(final Schedule schedule, final long from, final long to)
    {
        for (long i = from; i < to; i++)
        {
            final LoadConnection connection = leastLoaded();
            if (connection == null)
            {
                failed(1);
            }
            else
            {
                connection.enqueue(schedule.plannedNanos(i));
            }
        }
        final long now = System.nanoTime();
        for (final LoadConnection connection : connections)
        {
            connection.pump(now);
        }
    }

    private LoadConnection leastLoaded()
    {
        LoadConnection best = null;
        for (int n = 0; n < connections.length; n++)
        {
            final LoadConnection candidate = connections[(nextConnection + n) % connections.length];
            if (candidate.isActive() && (best == null || candidate.load() < best.load()))
            {
                best = candidate;
            }
        }
        nextConnection = (nextConnection + 1) % connections.length;
        return best;
    }

    // ---- called by connections, on the event loop ----

    void sent(final long plannedNanos, final long nowNanos)
    {
        if (current != null && current.owns(plannedNanos))
        {
            current.sent(plannedNanos, nowNanos);
        }
    }

    void answered(final int status, final long plannedNanos, final long writtenNanos, final long nowNanos, final long orderId)
    {
        if (current != null && current.owns(plannedNanos))
        {
            current.response(status, plannedNanos, writtenNanos, nowNanos);
            if (frames != null && orderId != 0 && status >= 200 && status < 300)
            {
                frames.answered(orderId, plannedNanos, writtenNanos);
            }
        }
    }

    /** Error frames and closes seen on the executor sockets so far and the last one; null when none. Call after the run. */
    String executorErrorSummary()
    {
        final String[] summary = new String[1];
        onLoop(() -> summary[0] = frames == null ? null : frames.errorSummary());
        return summary[0];
    }

    void failed(final LongFifo lost)
    {
        long count = 0;
        while (!lost.isEmpty())
        {
            if (current != null && current.owns(lost.poll()))
            {
                count++;
            }
        }
        failed(count);
    }

    private void failed(final long count)
    {
        if (current != null && count > 0)
        {
            current.failed(count);
        }
    }

    void connectionError(final Throwable cause)
    {
        connectionErrors++;
        lastConnectionError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    void connectionLost(final LoadConnection connection)
    {
        if (running)
        {
            loop.schedule(() ->
            {
                if (running)
                {
                    connect(connection).addListener(f ->
                    {
                        if (!f.isSuccess())
                        {
                            connectionError(f.cause());
                            connectionLost(connection);
                        }
                    });
                }
            }, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Connection errors seen so far and the last one's message; call after the run. */
    String connectionErrorSummary()
    {
        final String[] summary = new String[1];
        onLoop(() -> summary[0] = connectionErrors == 0 ? null : connectionErrors + " connection errors, last: " + lastConnectionError);
        return summary[0];
    }

    private void report(final String label, final PhaseStats stats)
    {
        final long elapsedSeconds = Math.round((System.nanoTime() - stats.schedule.startNanos()) / 1e9);
        final String frameText = frames == null ? "" : String.format(", frames %d, frame p99 so far %.0f us, executor errors %d",
            stats.frameLatency.getTotalCount(),
            stats.frameLatency.getTotalCount() == 0 ? 0.0 : stats.frameLatency.getValueAtPercentile(99) / 1_000.0, stats.executorErrors);
        progress.printf("[%s %3ds] sent %d, completed %d (ok %d, rejected %d), errors %d, p99 so far %.0f us%s%n",
            label, elapsedSeconds, stats.sent, stats.ok + stats.rejected + stats.badStatus, stats.ok, stats.rejected,
            stats.errors(), stats.latency.getTotalCount() == 0 ? 0.0 : stats.latency.getValueAtPercentile(99) / 1_000.0, frameText);
    }

    private void onLoop(final Runnable task)
    {
        try
        {
            loop.submit(task).get(10, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("event loop did not run a task", ex);
        }
    }

    @Override
    public void close()
    {
        running = false;
        try
        {
            onLoop(() ->
            {
                if (frames != null)
                {
                    frames.close();
                }
                if (!ownsGroup)  // a shared loop goes on for the run's next client: close this client's sockets only
                {
                    for (final LoadConnection connection : connections)
                    {
                        connection.close();
                    }
                }
            });
        }
        catch (final IllegalStateException ignored)
        {
            // the loop is gone already: the sockets closed with it
        }
        if (ownsGroup)
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
