package io.ordergate.benchmarks.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoopGroup;
import io.ordergate.gateway.scheduling.IdleClassThreads;

/**
 * The open-loop load generator's entry point (API.md, "Benchmarks"): drives the gateway, and with
 * {@code --baseline} Netty's hello-world server the same way, then writes the JSON summary, the .hgrm
 * distributions and the SVG plot. Runs on the main thread; the client's event loop paces the requests ({@link Pacing}).
 *
 * <pre>
 *   parse options ─► [itself]   its own hello-world server in process, ramp + phase (discarded; not with --warmup 0)
 *                 ─► [gateway]  connect N ─► warm-up (discarded) ─► measured phase ─► summary
 *                 ─► [baseline] start HttpHelloWorldServer process ─► same phases with GET / ─► stop it
 *                 ─► JSON (+ ratios gateway ÷ baseline), .hgrm per server, one SVG with both curves
 * </pre>
 *
 * With {@code --executors N} the gateway run first sets up N mt5 accounts, an executor each and their WebSockets
 * ({@link ExecutorSetup}, {@link SimulatedExecutor}), sends the orders to those accounts, and also writes the
 * frame distribution ({@code FILE.frames.hgrm}, a third curve in the SVG).
 */
public final class LoadGenerator
{
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private LoadGenerator()
    {
    }

    public static void main(final String[] args)
    {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err)
    {
        return run(args, out, err, System.getenv());
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err, final java.util.Map<String, String> env)
    {
        if (args.length == 0)
        {
            out.println(LoadOptions.usage());
            return EXIT_USAGE;
        }
        final LoadOptions options;
        try
        {
            options = LoadOptions.parse(args, env);
        }
        catch (final LoadOptions.HelpRequested help)
        {
            out.println(LoadOptions.usage());
            return EXIT_OK;
        }
        catch (final LoadOptions.UsageException ex)
        {
            err.println("loadgen: " + ex.getMessage());
            err.println("run with --help for usage");
            return EXIT_USAGE;
        }
        if (options.apiKey.isEmpty() || options.apiSecret.isEmpty())
        {
            err.println("loadgen: set ORDERGATE_API_KEY and ORDERGATE_API_SECRET (" + (options.executors != null
                ? "an admin key: --executors creates accounts and executors" : "a trade or admin key for " + options.account) + ")");
            return EXIT_USAGE;
        }
        try
        {
            return drive(options, out, err);
        }
        catch (final Exception ex)
        {
            err.println("loadgen: " + ex.getMessage());
            return EXIT_FAILED;
        }
    }

    /** One event loop for every client of the run (the generator's warm-up, the gateway, the baseline): see {@link HttpLoadClient}. */
    private static int drive(final LoadOptions options, final PrintStream out, final PrintStream err)
        throws IOException, InterruptedException
    {
        final EventLoopGroup loop = LoadTransport.singleLoop("loadgen-io", options.pacing);
        try
        {
            return drive(options, loop, out, err);
        }
        finally
        {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private static int drive(final LoadOptions options, final EventLoopGroup loop, final PrintStream out, final PrintStream err)
        throws IOException, InterruptedException
    {
        if (options.warmupSeconds > 0)
        {
            GeneratorWarmUp.run(options, loop, err);  // before either target, so both meet a warm generator
        }
        // The generator's own late compilations would take cores from what it measures, as the gateway's would: its main
        // does the same (IdleClassThreads). After the warm-up, which compiled the generator's loop at normal priority.
        err.println("generator: " + IdleClassThreads.moveJvmBackgroundThreads().describe());
        final RunSummary gateway;
        if (options.executors != null)
        {
            gateway = measureWithExecutors(options, loop, err);
        }
        else if (options.quoteSubscribers > 0)
        {
            try (QuoteSubscribers subscribers = new QuoteSubscribers())
            {
                subscribers.open(options.host, options.port, options.apiKey, options.apiSecret, options.quoteSubscribers, options.subscribeSymbols);
                err.printf("subscribers: %d WebSockets open, each subscribed to the quotes of %s%n", options.quoteSubscribers,
                    String.join(",", options.subscribeSymbols));
                final RequestTemplate orders = RequestTemplate.orders(options.host, options.port, options.apiKey, options.apiSecret,
                    options.account, options.symbol, options.quantity);
                final long start = System.nanoTime();
                subscribers.resetQuotes();
                gateway = measure("gateway", options.url.toString(), options.host, options.port, orders, options, loop, err);
                final double seconds = (System.nanoTime() - start) / 1e9;
                err.printf("subscribers: %d quote messages received in %.1f s (%.0f/s) during warm-up and measurement, %d closed%n",
                    subscribers.quotes(), seconds, subscribers.quotes() / seconds, subscribers.closed());
            }
        }
        else
        {
            final RequestTemplate orders = RequestTemplate.orders(options.host, options.port, options.apiKey, options.apiSecret,
                options.account, options.symbol, options.quantity);
            gateway = measure("gateway", options.url.toString(), options.host, options.port, orders, options, loop, err);
        }
        out.println(gateway.describe());

        RunSummary baseline = null;
        if (options.baseline)
        {
            try (BaselineServer server = BaselineServer.start())
            {
                err.printf("baseline: %s started as pid %d on 127.0.0.1:%d%n", BaselineServer.MAIN_CLASS, server.pid(), server.port());
                final RequestTemplate hello = RequestTemplate.helloWorld("127.0.0.1", server.port());
                baseline = measure("baseline", "http://127.0.0.1:" + server.port(), "127.0.0.1", server.port(), hello, options, loop, err);
            }
            out.println(baseline.describe());
            out.printf("ratios gateway/baseline: p50 %.2f  p99 %.2f  throughput %.2f%n",
                RunSummary.ratio(gateway.p50, baseline.p50), RunSummary.ratio(gateway.p99, baseline.p99),
                RunSummary.ratio(gateway.throughputPerSecond, baseline.throughputPerSecond));
        }

        writeOutputs(options, gateway, baseline);
        out.println("wrote " + options.json + ", " + options.hgrm + (baseline != null ? ", " + LoadOptions.baselineSibling(options.hgrm) : "") +
            (gateway.executors > 0 ? ", " + LoadOptions.framesSibling(options.hgrm) : "") + ", " + options.plot);
        return EXIT_OK;
    }

    /** The gateway run with N simulated executors: set-up over HTTP, sockets, then the same phases as {@link #measure}. */
    private static RunSummary measureWithExecutors(final LoadOptions options, final EventLoopGroup loop, final PrintStream err)
        throws IOException, InterruptedException
    {
        final ExecutorSetup setup = new ExecutorSetup(options.url, options.apiKey, options.apiSecret, err);
        final List<ExecutorSetup.Executor> executors = setup.register(options.executors);
        final byte[] price = setup.fillPrice(options.symbol);
        final List<String> accounts = new ArrayList<>();
        executors.forEach(e -> accounts.add(e.accountId()));
        err.printf("executors: %d registered (%s), fills reported at %s%n", executors.size(), String.join(", ", accounts),
            new String(price, StandardCharsets.US_ASCII));
        final RequestTemplate orders = RequestTemplate.orders(options.host, options.port, options.apiKey, options.apiSecret,
            accounts, options.symbol, options.quantity);
        err.printf("gateway: %s at %d/s for %d s (+%d s %s warm-up) on %d connections, %s%n", options.url, options.rate,
            options.durationSeconds, options.warmupSeconds, warmupShape(options), options.connections, orders.description());
        final long drainNanos = TimeUnit.SECONDS.toNanos(options.drainTimeoutSeconds);
        try (HttpLoadClient client = new HttpLoadClient(options.host, options.port, options.connections, options.pipelineDepth,
            orders, err, true, options.pacing, loop, false))
        {
            client.connectExecutors(executors, price);
            for (final ExecutorSetup.Executor executor : executors)
            {
                setup.awaitOnline(executor, java.time.Duration.ofSeconds(10));
            }
            err.printf("executors: %d WebSockets open, all online%n", executors.size());
            client.connect();
            if (options.warmupSeconds > 0)
            {
                final PhaseStats warmup = client.runPhase("gateway warm-up", options.rate, options.warmupSeconds, !options.flatWarmup, drainNanos);
                warnIfBehind("gateway", warmup, options.drainTimeoutSeconds, err);
            }
            final PhaseStats stats = client.runPhase("gateway", options.rate, options.durationSeconds, drainNanos);
            final String connectionErrors = client.connectionErrorSummary();
            if (connectionErrors != null)
            {
                err.println("gateway: " + connectionErrors);
            }
            final String executorErrors = client.executorErrorSummary();
            if (executorErrors != null)
            {
                err.println("gateway: " + executorErrors);
                if (executorErrors.contains("RATE_LIMIT_EXCEEDED"))
                {
                    err.println("gateway: the executor rate limits refused results or trade reports: raise executors.command_limit, " +
                        "executors.trade_limit and executors.gateway_trade_limit for a benchmark (docs/perf/executors/gateway.yaml)");
                }
            }
            return new RunSummary("gateway", options.url.toString(), orders.description(), options.rate, options.durationSeconds,
                options.connections, options.pipelineDepth, stats, executors.size());
        }
    }

    private static RunSummary measure(final String target, final String url, final String host, final int port,
        final RequestTemplate template, final LoadOptions options, final EventLoopGroup loop, final PrintStream err)
        throws InterruptedException
    {
        err.printf("%s: %s at %d/s for %d s (+%d s %s warm-up) on %d connections, %s%n", target, url, options.rate,
            options.durationSeconds, options.warmupSeconds, warmupShape(options), options.connections, template.description());
        final long drainNanos = TimeUnit.SECONDS.toNanos(options.drainTimeoutSeconds);
        try (HttpLoadClient client = new HttpLoadClient(host, port, options.connections, options.pipelineDepth, template, err, false,
            options.pacing, loop, false))
        {
            client.connect();
            if (options.warmupSeconds > 0)
            {
                final PhaseStats warmup = client.runPhase(target + " warm-up", options.rate, options.warmupSeconds, !options.flatWarmup, drainNanos);
                warnIfBehind(target, warmup, options.drainTimeoutSeconds, err);
            }
            final PhaseStats stats = client.runPhase(target, options.rate, options.durationSeconds, drainNanos);
            final String connectionErrors = client.connectionErrorSummary();
            if (connectionErrors != null)
            {
                err.println(target + ": " + connectionErrors);
            }
            return new RunSummary(target, url, template.description(), options.rate, options.durationSeconds,
                options.connections, options.pipelineDepth, stats);
        }
    }

    private static String warmupShape(final LoadOptions options)
    {
        return options.flatWarmup ? "flat" : "ramped";
    }

    /**
     * A server still answering the warm-up's requests when the drain timeout passed gets the measured phase's first
     * requests behind them: the percentiles would measure its cold start, not the server warm (a cold gateway on a slow
     * 2-vCPU host answered 9 s late; docs/PERFORMANCE.md). Said, not hidden: the run goes on.
     */
    static void warnIfBehind(final String target, final PhaseStats warmup, final int drainTimeoutSeconds, final PrintStream err)
    {
        if (warmup.unanswered > 0)
        {
            err.printf("%s: WARNING %d of the warm-up's %d requests were still unanswered %d s after it: the measured phase "
                + "starts behind them and measures a cold server; give it a longer --warmup (or --drain-timeout)%n",
                target, warmup.unanswered, warmup.schedule.total(), drainTimeoutSeconds);
        }
    }

    static void writeOutputs(final LoadOptions options, final RunSummary gateway, final RunSummary baseline) throws IOException
    {
        final String json = baseline == null ? gateway.toJson() : RunSummary.comparisonJson(gateway, baseline);
        write(options.json, json);
        write(options.hgrm, hgrm(gateway));
        final List<PercentilePlot.Series> series = new ArrayList<>();
        series.add(new PercentilePlot.Series("gateway " + gateway.request.split(" ")[0] + " " + gateway.request.split(" ")[1], gateway.histogram));
        if (gateway.executors > 0)
        {
            write(LoadOptions.framesSibling(options.hgrm), hgrm(gateway.frameHistogram));
            series.add(new PercentilePlot.Series("gateway order -> OPEN_POSITION frame on the executor's WebSocket", gateway.frameHistogram));
        }
        if (baseline != null)
        {
            write(LoadOptions.baselineSibling(options.hgrm), hgrm(baseline));
            series.add(new PercentilePlot.Series("baseline Netty hello world (GET /)", baseline.histogram));
        }
        final String title = String.format("Latency by percentile, %d/s for %d s, %d connections", options.rate,
            options.durationSeconds, options.connections);
        write(options.plot, PercentilePlot.svg(title, series));
    }

    /** HdrHistogram's percentile distribution, values in microseconds. */
    static String hgrm(final RunSummary summary)
    {
        return hgrm(summary.histogram);
    }

    static String hgrm(final org.HdrHistogram.Histogram histogram)
    {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8))
        {
            histogram.outputPercentileDistribution(print, 1_000.0);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void write(final Path file, final String text) throws IOException
    {
        final Path parent = file.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
