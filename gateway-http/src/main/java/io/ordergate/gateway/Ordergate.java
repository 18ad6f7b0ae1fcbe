package io.ordergate.gateway;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.logging.Logger;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.JournalConfig;
import io.ordergate.config.StartupOptions;
import io.ordergate.engine.Engine;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.checkpoint.ReplayCheckpoints;
import io.ordergate.engine.pipeline.Replayer;
import io.ordergate.gateway.cluster.ClusterMember;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.executors.ExecutorBootstrap;
import io.ordergate.gateway.http.HttpServer;
import io.ordergate.gateway.keys.KeyRequests;
import io.ordergate.journal.ChronicleSettings;
import io.ordergate.journal.Journal;
import io.ordergate.journal.OwnerOnlyFiles;
import io.ordergate.gateway.exchange.ExchangeBootstrap;
import io.ordergate.gateway.warmup.CollectorWarmup;

/**
 * A running gateway: owns the HTTP server, the journal, the engine's pipeline and the demo quote feed, and closes
 * them in order. Start and close from one thread (main, a test); {@link #port()} from any.
 *
 * <pre>
 *   0. features           every feature's routes in the one table; the reply stage's listeners
 *   1. bind HTTP          /health answers 503 NOT_READY from here on
 *   2. open the journal   data_dir/journal (data_dir 0700): every record checked, a damaged tail moved aside
 *   3. replay             rebuild the engine and the key registries from every journaled command
 *   3b. start epoch       one more than the last start's, fsync'd in data_dir/start-epoch (StartEpoch)
 *   4. start the pipeline og-journal → og-engine → og-reply; START_EPOCH its first command
 *   4b. fan-out           og-fanout follows the ring behind og-reply: streams, outbound webhooks, logs
 *   5. seed               missing configured accounts, the admin key; wait for their answers
 *   5b. executors         routed orders become unknown; the demo executor (see ExecutorBootstrap)
 *   5c. exchanges         the demo exchange account; links to every exchange; open orders reconciled (ExchangeBootstrap)
 *   5d. collector         ZGC's warm-up cycles, before the first order instead of under the first minutes (CollectorWarmup)
 *   6. ready              /health 200, the banner, the quote feed, the demo's simulated MT5 terminal
 * </pre>
 * With {@code cluster.enabled} steps 2 to 4 are the cluster member's ({@link ClusterMember}: its snapshot and log,
 * the pipeline into the cluster), 4b runs on the member's service thread (FanOutStage.clusterForm), and 5b/5c happen on
 * the member that leads, when it is elected (LeadershipResume).
 */
public final class Ordergate implements AutoCloseable
{
    static
    {
        ChronicleSettings.apply();
        CollectorWarmup.watch();  // before the start-up's own allocation passes ZGC's first warm-up thresholds
    }

    private static final Logger LOG = Logger.getLogger(Ordergate.class.getName());
    private static final long SEED_TIMEOUT_MILLIS = 30_000;
    private static final long CHECKPOINT_TIMEOUT_MILLIS = 5_000;

    private final GatewayConfig config;
    private final GatewayContext context;
    private final GatewayFeatures features;
    private HttpServer server;
    private Journal journal;
    private Pipeline pipeline;
    private ClusterMember cluster;
    private QuoteFeed feed;
    private final ExecutorBootstrap executorBootstrap = new ExecutorBootstrap();
    private final ExchangeBootstrap exchangeBootstrap = new ExchangeBootstrap();
    private long replayedRecords;
    private long replayCheckpointsDiverged;
    private boolean closed;

    private Ordergate(final GatewayConfig config, final GatewayContext context)
    {
        this.config = config;
        this.context = context;
        this.features = new GatewayFeatures(context);                                         // 0
    }

    /**
     * The engine with every venue plugged in, as every gateway builds it (the single node before its replay, a cluster
     * member before its snapshot and log): a snapshot is read only into an engine built the same way.
     */
    public static Engine newEngine(final GatewayConfig config)
    {
        return EngineAssembly.assemble(config);
    }

    /** Starts a gateway, printing the banner (and a generated admin key, once) to standard output. */
    public static Ordergate start(final GatewayConfig config, final StartupOptions options)
    {
        return start(config, options, System.out);
    }

    /**
     * Starts a gateway and returns once it is ready. A failure closes whatever was opened and is rethrown.
     *
     * @param out where the banner and a generated admin key are printed
     */
    public static Ordergate start(final GatewayConfig config, final StartupOptions options, final PrintStream out)
    {
        ChronicleSettings.apply();
        // 0700 before anything writes there (the features' keys are made as they are built): nobody else's to read
        OwnerOnlyFiles.directory(config.dataDir());
        final Ordergate gateway = new Ordergate(config, new GatewayContext(config, version()));
        try
        {
            gateway.run(options, out);
            return gateway;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            gateway.close();
            throw new IllegalStateException("interrupted while starting", ex);
        }
        catch (final RuntimeException | Error ex)
        {
            gateway.close();
            throw ex;
        }
    }

    private void run(final StartupOptions options, final PrintStream out) throws InterruptedException
    {
        server = HttpServer.bind(config.server(), features.router(), context);              // 1
        final Engine engine = newEngine(config);
        features.engineAssembled(engine);
        final long replayStart = System.nanoTime();
        final StartupSeeder seeder;
        final long skipped;
        if (config.cluster().enabled())
        {
            // 2-4 in the cluster form: the member's snapshot and log instead of the journal (docs/CLUSTER.md)
            features.fanOut().clusterForm();  // 4b there: every command the member applies, on its service thread
            cluster = ClusterMember.start(config, engine, features.replies(), context.publisher(), features.exchange().io(), started ->
            {
                pipeline = started;
                context.pipeline(started);
            });
            context.clusterNode(cluster.node());
            cluster.awaitCaughtUp(SEED_TIMEOUT_MILLIS);
            features.artifactSweep().afterReplay(false);
            replayedRecords = cluster.node().appliedMessages();
            skipped = 0;
            seeder = StartupSeeder.planClustered(config, features.keys(), options);
        }
        else
        {
            final Path journalDir = config.dataDir().resolve("journal");
            journal = Journal.open(journalDir);  // 2: checks every record; cuts off a damaged tail (a WARNING says where it went)
            context.metrics().journal(journal);
            final Replayer.Result replayed = Replayer.replay(journal, engine, features.replies()); // 3
            replayedRecords = replayed.records();
            features.artifactSweep().afterReplay(true);
            skipped = replayed.skipped();
            final ReplayCheckpoints checkpoints = engine.checkpoints();
            context.metrics().replayCheckpoints(checkpoints.matched(), checkpoints.diverged());
            replayCheckpointsDiverged = checkpoints.diverged();
            if (checkpoints.diverged() > 0)
            {
                refuseDivergedReplay(checkpoints);  // before the pipeline: nothing of this start reaches the journal
                LOG.severe(() -> "replay: the state rebuilt from the journal differs from the live run's at " + checkpoints.diverged() + " of "
                    + (checkpoints.matched() + checkpoints.diverged()) + " clean-stop checkpoints: this version or its configuration decided"
                    + " some journaled command differently (docs/RELIABILITY.md, 'What a replay assumes')");
            }
            if (replayed.failed() > 0)
            {
                LOG.severe(() -> "replay: " + replayed.failed() + " commands failed inside the engine, as each did when it first ran"
                    + " (logged above); the state is as the live run left it");
            }
            seeder = StartupSeeder.plan(config, engine, features.keys(), options);
            final long startEpoch = StartEpoch.count(config.dataDir(), engine.context().orders().startEpoch()); // 3b
            pipeline = Pipeline.start(config.pipeline(), journal, engine, features.replies(), true);   // 4
            StartEpoch.journal(pipeline, startEpoch, SEED_TIMEOUT_MILLIS);
            context.pipeline(pipeline);
        }
        final long replayMillis = (System.nanoTime() - replayStart) / 1_000_000L;
        if (cluster == null)
        {
            features.fanOut().start(pipeline.follower());                                     // 4b
        }
        else
        {
            features.fanOut().startInline();
        }
        seeder.publish(context.publisher());                                                  // 5
        seeder.await(SEED_TIMEOUT_MILLIS);
        if (cluster == null)
        {
            // In the cluster form the leader resumes the venues when it is elected (ClusterMember), not every member.
            executorBootstrap.run(config, context.publisher(), features.executorKeys(), SEED_TIMEOUT_MILLIS); // 5b
            exchangeBootstrap.run(config, context.publisher(), features.exchange().io(), features.exchange().replies(),
                features.exchange().secrets(), SEED_TIMEOUT_MILLIS);                          // 5c
        }
        final CollectorWarmup.Result collector = CollectorWarmup.run();                       // 5d
        if (collector.warmupCycles() > 0)
        {
            LOG.info(() -> "collector warm-up: " + collector.warmupCycles() + " ZGC warm-up cycles in " + collector.millis() + " ms ("
                + (collector.garbageBytes() >> 20) + " MB of garbage)");
        }
        context.markReady();                                                                  // 6
        final KeyRequests.CreateKey generated = seeder.generatedKey();
        if (generated != null)
        {
            out.println("Admin API key: " + generated.apiKey());
            out.println("Admin API secret: " + generated.apiSecret());
            out.println("(this secret is shown once and will not be shown again; set ORDERGATE_API_KEY/ORDERGATE_API_SECRET to choose your own)");
        }
        out.println("Ordergate listening on http://" + config.server().host() + ":" + server.port() +
            " (data dir " + config.dataDir() + ", " + (cluster == null ? "replayed " + replayedRecords + " journal records" :
            "cluster member " + config.cluster().memberId() + ", applied " + replayedRecords + " log messages") + " in " + replayMillis + " ms)");
        out.flush();
        if (skipped > 0)
        {
            LOG.warning(() -> "replay skipped " + skipped + " records of unknown type");
        }
        if (config.demo().quoteFeed())
        {
            feed = new QuoteFeed(config, context.publisher());
            feed.start();
        }
        executorBootstrap.startTerminal(config.server().host(), server.port());
    }

    /**
     * {@code journal.on_replay_divergence: refuse}: the state rebuilt up to the last clean stop is not what the clients
     * were told, so this start stops here, before its pipeline exists (it has journaled nothing), and says why and what to
     * do. Checked at the last checkpoint only: older ones differing alone mean a start since accepted this state.
     */
    private void refuseDivergedReplay(final ReplayCheckpoints checkpoints)
    {
        if (config.journal().onReplayDivergence() != JournalConfig.ReplayDivergence.REFUSE || !checkpoints.lastDiverged())
        {
            return;  // only older checkpoints differ: a start since served this rebuilt state, its clean stop agrees
        }
        throw new IllegalStateException("the journal's replay rebuilt another state than the live run's at " + checkpoints.diverged() + " of "
            + (checkpoints.matched() + checkpoints.diverged()) + " clean-stop checkpoints (the first at clean stop " + checkpoints.firstDiverged()
            + ", and the last): this release or this configuration decides some journaled command differently (a lower max_quantity, another"
            + " lot_step, smaller tables, a changed rule). Refused to start (journal.on_replay_divergence: refuse); the journal is"
            + " unchanged. Start the release and configuration that wrote the journal again, or, to serve the state this one rebuilt"
            + " on purpose, start with journal.on_replay_divergence: start (once that start has stopped cleanly, refuse lets the next"
            + " start through; docs/RELIABILITY.md, 'What a replay assumes')");
    }

    /** The stream sockets' own event loops ({@code streams.event_loop_threads}), or null when they share the HTTP loops. */
    public io.netty.channel.EventLoopGroup streamEventLoops()
    {
        return context.webSocketLoops().streams();
    }

    /** The demo's simulated MT5 terminal, or null. */
    public io.ordergate.simulators.mt5.SimulatedTerminal terminal()
    {
        return executorBootstrap.terminal();
    }

    /** The demo's simulated OKX when it runs in this process (demo.okx_account_id names an okx account), else null. */
    public io.ordergate.simulators.exchange.SimulatedOkx simulatedOkx()
    {
        return exchangeBootstrap.simulatedOkx();
    }

    /** The demo's simulated exchange when it runs in this process, or null. */
    public io.ordergate.simulators.exchange.SimulatedExchange simulatedExchange()
    {
        return exchangeBootstrap.simulated();
    }

    /** The HTTP port actually bound (useful with port 0). */
    /** Users, sessions and password hashing of this gateway. */
    public io.ordergate.gateway.users.UserServices users()
    {
        return features.users();
    }

    public int port()
    {
        return server.port();
    }

    /** Whether the HTTP listener runs on Netty's native epoll transport ({@code server.transport}), not NIO. */
    public boolean onNativeEpoll()
    {
        return server.onNativeEpoll();
    }

    public GatewayConfig config()
    {
        return config;
    }

    /** Clean-stop checkpoints at which the start-up replay differed from the live run (docs/RELIABILITY.md). */
    public long replayCheckpointsDiverged()
    {
        return replayCheckpointsDiverged;
    }

    /** Journal records replayed at start-up. */
    public long replayedRecords()
    {
        return replayedRecords;
    }

    /** Stops the feed, stops accepting, drains the pipeline, closes the journal, then the event loops. Idempotent. */
    @Override
    public synchronized void close()
    {
        close(true);
    }

    /**
     * Stops as {@link #close} does but leaves no clean-stop checkpoint: the journal as a {@code kill -9} after the last
     * append leaves it. For tests of what a crashed gateway's journal does at the next start.
     */
    synchronized void closeWithoutCheckpoint()
    {
        close(false);
    }

    private void close(final boolean checkpoint)
    {
        if (closed)
        {
            return;
        }
        closed = true;
        context.markClosing();
        executorBootstrap.close();
        features.exchange().close();
        exchangeBootstrap.close();
        if (feed != null)
        {
            feed.close();
        }
        if (server != null)
        {
            server.stopAccepting();
        }
        if (cluster != null)
        {
            cluster.close();  // the pipeline, then the member
        }
        else if (pipeline != null)
        {
            if (checkpoint)
            {
                checkpointAtStop();
            }
            pipeline.close();
        }
        features.fanOut().close();
        if (journal != null)
        {
            journal.close();
        }
        if (server != null)
        {
            server.close();
        }
        features.users().close();
        features.mt5Accounts().close();
        features.artifacts().close();
        features.performance().close();
    }

    /** The journal's mark of a clean stop, which the next start's replay checks itself against (docs/RELIABILITY.md). */
    private void checkpointAtStop()
    {
        try
        {
            if (!StopCheckpoint.write(context.publisher(), CHECKPOINT_TIMEOUT_MILLIS))
            {
                LOG.warning("no checkpoint at this stop (the ring or the journal did not take it): the next replay is not checked against it");
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static String version()
    {
        final String version = Ordergate.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
