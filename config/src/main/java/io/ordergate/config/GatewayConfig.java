package io.ordergate.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole, validated gateway configuration. Built only by {@link ConfigLoader}; the {@code with*} methods
 * return changed copies. Immutable: safe from any thread.
 */
public final class GatewayConfig
{
    private final ServerConfig server;
    private final Path dataDir;
    private final PipelineConfig pipeline;
    private final EngineConfig engine;
    private final List<InstrumentSpec> instruments;
    private final List<AccountSpec> accounts;
    private final ExecutorConfig executors;
    private final DemoConfig demo;
    private final WebhookConfig webhook;
    private final AuthConfig auth;
    private final SmtpConfig smtp;
    private final LiveSections live;
    private final EaConfig ea;
    private final ClusterConfig cluster;
    private final ExchangeConfig exchanges;

    /** Streams, outbound webhooks and logs (issue 12), and the journal's start-up policy: kept together so the copies carry them as one. */
    record LiveSections(StreamsConfig streams, OutboundWebhooksConfig webhooks, LogsConfig logs, JournalConfig journal)
    {
    }

    GatewayConfig(
        final ServerConfig server, final Path dataDir, final PipelineConfig pipeline, final EngineConfig engine,
        final List<InstrumentSpec> instruments, final List<AccountSpec> accounts, final ExecutorConfig executors,
        final DemoConfig demo, final WebhookConfig webhook, final AuthConfig auth, final SmtpConfig smtp, final LiveSections live,
        final ClusterConfig cluster,
        final ExchangeConfig exchanges, final EaConfig ea)
    {
        this.ea = ea;
        this.live = live;
        this.cluster = cluster;
        this.exchanges = exchanges;
        this.auth = auth;
        this.smtp = smtp;
        this.server = server;
        this.dataDir = dataDir;
        this.pipeline = pipeline;
        this.engine = engine;
        this.instruments = List.copyOf(instruments);
        this.accounts = List.copyOf(accounts);
        this.executors = executors;
        this.demo = demo;
        this.webhook = webhook;
    }

    /** Agents, EA projects and deployments (seed 002). */
    public EaConfig ea()
    {
        return ea;
    }

    public ServerConfig server()
    {
        return server;
    }

    /** Journal and state directory: absolute, resolved against the working directory at load time. */
    public Path dataDir()
    {
        return dataDir;
    }

    public PipelineConfig pipeline()
    {
        return pipeline;
    }

    public EngineConfig engine()
    {
        return engine;
    }

    /** At least one; unmodifiable, in file order, so {@code instruments().get(i).index() == i}. */
    public List<InstrumentSpec> instruments()
    {
        return instruments;
    }

    /** Possibly empty; unmodifiable, in file order, ids unique. */
    public List<AccountSpec> accounts()
    {
        return accounts;
    }

    public ExecutorConfig executors()
    {
        return executors;
    }

    public DemoConfig demo()
    {
        return demo;
    }

    public WebhookConfig webhook()
    {
        return webhook;
    }

    /** Signup, tokens, password hashing and the per-user limits. */
    public AuthConfig auth()
    {
        return auth;
    }

    /** Where password-reset mail goes out. */
    public SmtpConfig smtp()
    {
        return smtp;
    }

    /** Where exchange accounts connect: the exchanges' addresses, timeouts and recvWindow, per venue and account. */
    public ExchangeConfig exchanges()
    {
        return exchanges;
    }

    /** The stream sockets' bounds and timers. */
    public StreamsConfig streams()
    {
        return live.streams();
    }

    /** Outbound webhooks (events posted to registered receivers); {@link #webhook()} is the TradingView route. */
    public OutboundWebhooksConfig webhooks()
    {
        return live.webhooks();
    }

    /** {@code GET /api/v1/logs}. */
    public LogsConfig logs()
    {
        return live.logs();
    }

    /** What a start does with its journal: {@code journal.on_replay_divergence}. */
    public JournalConfig journal()
    {
        return live.journal();
    }

    /** A copy with other outbound webhook settings. */
    public GatewayConfig withWebhooks(final OutboundWebhooksConfig webhooks)
    {
        return new GatewayConfig(server, dataDir, pipeline, engine, instruments, accounts, executors, demo, webhook, auth, smtp,
            new LiveSections(live.streams(), webhooks, live.logs(), live.journal()), cluster, exchanges, ea);
    }

    /** The replicated form: disabled unless the configuration has {@code cluster.enabled: true}. */
    public ClusterConfig cluster()
    {
        return cluster;
    }

    /** A copy in another cluster role (the cluster demo's and the tests' nodes). */
    public GatewayConfig withCluster(final ClusterConfig newCluster)
    {
        return new GatewayConfig(server, dataDir, pipeline, engine, instruments, accounts, executors, demo, webhook, auth, smtp, live,
            newCluster, exchanges, ea);
    }

    /** A copy with other auth settings. */
    public GatewayConfig withAuth(final AuthConfig newAuth)
    {
        return new GatewayConfig(server, dataDir, pipeline, engine, instruments, accounts, executors, demo, webhook, newAuth, smtp, live,
            cluster, exchanges, ea);
    }

    /** A copy with another SMTP server. */
    public GatewayConfig withSmtp(final SmtpConfig newSmtp)
    {
        return new GatewayConfig(server, dataDir, pipeline, engine, instruments, accounts, executors, demo, webhook, auth, newSmtp, live,
            cluster, exchanges, ea);
    }

    /** A copy listening on {@code port} (0 = ephemeral). */
    public GatewayConfig withPort(final int port)
    {
        return new GatewayConfig(server.withPort(port), dataDir, pipeline, engine, instruments, accounts,
            executors, demo, webhook, auth, smtp, live, cluster, exchanges, ea);
    }

    /** A copy listening on {@code host}. */
    public GatewayConfig withHost(final String host)
    {
        return new GatewayConfig(server.withHost(host), dataDir, pipeline, engine, instruments, accounts,
            executors, demo, webhook, auth, smtp, live, cluster, exchanges, ea);
    }

    /** A copy using {@code dir}, resolved against the working directory. */
    public GatewayConfig withDataDir(final Path dir)
    {
        return new GatewayConfig(server, absolute(dir), pipeline, engine, instruments, accounts,
            executors, demo, webhook, auth, smtp, live, cluster, exchanges, ea);
    }

    /** A copy with the simulated quote feed switched on or off. */
    public GatewayConfig withQuoteFeed(final boolean on)
    {
        return new GatewayConfig(server, dataDir, pipeline, engine, instruments, accounts,
            executors, demo.withQuoteFeed(on), webhook, auth, smtp, live, cluster, exchanges, ea);
    }

    static Path absolute(final Path dir)
    {
        return dir.toAbsolutePath().normalize();
    }

    @Override
    public String toString()
    {
        return "GatewayConfig{" + server + ", dataDir=" + dataDir + ", " + pipeline + ", " + engine +
            ", instruments=" + instruments + ", accounts=" + accounts + ", " + executors + ", " + demo +
            ", " + webhook + ", " + auth + ", " + smtp + ", " + live.streams() + ", " + live.webhooks() + ", " + live.logs() + ", " + live.journal()
            + ", " + cluster + ", " + exchanges + '}';
    }
}
