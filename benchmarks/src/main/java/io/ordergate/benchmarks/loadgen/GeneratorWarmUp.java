package io.ordergate.benchmarks.loadgen;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.example.http.helloworld.HttpHelloWorldServerInitializer;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The generator warms ITSELF before it measures anything: it drives a hello-world server inside its own JVM (Netty's
 * example, the baseline's code) through a ramped warm-up and a constant-rate phase, both discarded, with the client,
 * pacing, connection count and event loop of the run (one loop thread for every client of a run).
 *
 * <p>Why: without it the first target measured (the gateway) ran on a generator still compiling its own hot loop,
 * and the second (the baseline), a minute later, on one that was done. Seen 2026-12-06 with the JIT's log of the
 * generator: its event loop's {@code run} was still interpreted when the gateway's measured phase began (compiled by
 * C1 0.2 s and by C2 4.4 s into it), and without trap limits C2 threw away a dozen of its loop's compiled methods at
 * that phase's first request (code compiled during the ramp had never seen a phase start): the gateway's first measured
 * second had a p99 of 1.5-8 ms where the baseline's had 0.1-0.5 ms (docs/PERFORMANCE.md). Both targets now meet a
 * generator that has been through a whole warm-up and phase already.
 */
final class GeneratorWarmUp
{
    /** At least this rate: the loop's compile thresholds count iterations, and a slow run would take minutes to pass them. */
    static final int MIN_RATE = 20_000;
    static final int RAMP_SECONDS = 3;
    static final int PHASE_SECONDS = 3;

    private GeneratorWarmUp()
    {
    }

    /** Runs the two discarded phases at the run's rate, at least {@link #MIN_RATE}; returns the requests answered, and says so on {@code err}. */
    static long run(final LoadOptions options, final EventLoopGroup loop, final PrintStream err) throws InterruptedException
    {
        return run(options, loop, err, MIN_RATE);
    }

    /** @param loop the event loop the run's clients share: the one whose code and thread this warms */
    static long run(final LoadOptions options, final EventLoopGroup loop, final PrintStream err, final int minRate) throws InterruptedException
    {
        final int rate = Math.max(minRate, options.rate);
        final NioEventLoopGroup serverLoop = new NioEventLoopGroup(1, new DefaultThreadFactory("loadgen-warmup-server", true));
        try
        {
            final Channel server = new ServerBootstrap().group(serverLoop).channel(NioServerSocketChannel.class)
                .childHandler(new HttpHelloWorldServerInitializer(null)).bind("127.0.0.1", 0).sync().channel();
            final int port = ((InetSocketAddress)server.localAddress()).getPort();
            final long drainNanos = TimeUnit.SECONDS.toNanos(options.drainTimeoutSeconds);
            try (HttpLoadClient client = new HttpLoadClient("127.0.0.1", port, options.connections, options.pipelineDepth,
                RequestTemplate.helloWorld("127.0.0.1", port), err, false, options.pacing, loop, false))
            {
                client.connect();
                final PhaseStats ramp = client.runPhase("generator warm-up", rate, RAMP_SECONDS, true, drainNanos);
                final PhaseStats flat = client.runPhase("generator warm-up", rate, PHASE_SECONDS, false, drainNanos);
                final long answered = ramp.ok + flat.ok;
                err.printf("generator: warmed up on its own hello-world server, %d requests at up to %d/s in %d s (discarded)%n",
                    answered, rate, RAMP_SECONDS + PHASE_SECONDS);
                return answered;
            }
        }
        finally
        {
            serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
