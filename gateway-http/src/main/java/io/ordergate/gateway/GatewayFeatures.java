package io.ordergate.gateway;

import io.ordergate.gateway.exchange.ExchangeAccountRoutes;
import io.ordergate.gateway.exchange.ExchangeFeature;
import java.util.List;

import io.ordergate.engine.Engine;

import io.ordergate.config.GatewayConfig;
import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.gateway.accounts.AccountRoutes;
import io.ordergate.gateway.agents.AgentRoutes;
import io.ordergate.gateway.auth.ApiKeyCredentials;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.bots.BotCredentials;
import io.ordergate.gateway.bots.BotSecrets;
import io.ordergate.gateway.bots.BotRoutes;
import io.ordergate.gateway.candles.CandleRoutes;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.FanOutStage;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.GatewayReplies;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Router;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.executors.ExecutorConnector;
import io.ordergate.gateway.experts.ExpertRoutes;
import io.ordergate.gateway.executors.ExecutorKeys;
import io.ordergate.gateway.executors.ExecutorRoutes;
import io.ordergate.gateway.executors.ExecutorSessions;
import io.ordergate.gateway.executors.SentCommands;
import io.ordergate.gateway.groups.GroupRoutes;
import io.ordergate.gateway.keys.KeyRoutes;
import io.ordergate.gateway.ea.ArtifactStore;
import io.ordergate.gateway.ea.ArtifactSweep;
import io.ordergate.gateway.ea.DeploymentRoutes;
import io.ordergate.gateway.ea.EaRoutes;
import io.ordergate.gateway.logs.AccountLogs;
import io.ordergate.gateway.logs.LogRoutes;
import io.ordergate.gateway.metrics.MetricsRoutes;
import io.ordergate.gateway.mt5accounts.Mt5AccountRoutes;
import io.ordergate.gateway.onboarding.OnboardingRoutes;
import io.ordergate.gateway.orders.ExportRoutes;
import io.ordergate.gateway.orders.OrderRoutes;
import io.ordergate.gateway.orders.PositionRoutes;
import io.ordergate.gateway.orders.ReadBudget;
import io.ordergate.gateway.performance.ConnectionHealth;
import io.ordergate.gateway.performance.FillStore;
import io.ordergate.gateway.performance.PerformanceRoutes;
import io.ordergate.gateway.quotes.QuoteRoutes;
import io.ordergate.gateway.trading.TradingRoutes;
import io.ordergate.gateway.users.ActiveOwners;
import io.ordergate.gateway.users.PasswordResetRoutes;
import io.ordergate.gateway.users.SessionRoutes;
import io.ordergate.gateway.users.SignInRoutes;
import io.ordergate.gateway.users.UserAdminRoutes;
import io.ordergate.gateway.users.StillValidCallers;
import io.ordergate.gateway.users.UserServices;
import io.ordergate.gateway.streams.StreamHub;
import io.ordergate.gateway.streams.StreamRoutes;
import io.ordergate.gateway.streams.StreamTickets;
import io.ordergate.gateway.dashboard.DashboardRoutes;
import io.ordergate.gateway.webhook.WebhookRoutes;
import io.ordergate.gateway.webhooksout.OutboundWebhooks;

/**
 * The gateway's features, wired once at start-up: each adds its rows to the one route table, and the reply stage
 * gets the listeners that keep state beside the engine (key registries first, so a new credential works the moment
 * its creator hears of it). A new feature is one line here. Built on the start-up thread; immutable after.
 */
public final class GatewayFeatures
{
    private final ApiKeyRegistry keys;
    private final ExecutorKeys executorKeys;
    private final ExecutorSessions sessions = new ExecutorSessions();
    private final BotCredentials bots;
    private final UserServices users;
    private final Router router;
    private final GatewayReplies replies;
    private final ExchangeFeature exchange;
    private final FanOutStage fanOut;
    private final StreamHub streams;
    private final Mt5AccountRoutes mt5Accounts;
    private final ArtifactStore artifacts;
    private final ArtifactSweep artifactSweep;
    private final PerformanceRoutes performance;

    public GatewayFeatures(final GatewayContext gateway)
    {
        final GatewayConfig config = gateway.config();
        exchange = new ExchangeFeature(config);
        final BotSecrets botSecrets = new BotSecrets(MasterKeys.load(System.getenv(), config.dataDir()), config.dataDir());
        bots = new BotCredentials(botSecrets);
        final SentCommands sentCommands = new SentCommands(config.engine().maxExecutorCommands());
        users = new UserServices(config, System::currentTimeMillis);
        keys = new ApiKeyRegistry(principal -> users.directory().byPrincipal(principal) != null);
        // a key's headers, or a signed-in user's bearer token: either works wherever the other does
        // a stream ticket (a key's, for a browser's WebSocket) is tried before a bearer token, which takes ?access_token= too
        final ActiveOwners owners = new ActiveOwners(keys, users.directory());
        // an agent's pairing key works while its owner may act: the user whose key paired it, as the engine owns the agent
        executorKeys = new ExecutorKeys(keys::ownerFor, principal -> owners.sees(principal, null));
        final StillValidCallers stillValid = new StillValidCallers(keys, owners, users.directory());
        final StreamTickets tickets = new StreamTickets(stillValid);
        final Accesses access = new Accesses(List.of(new ApiKeyCredentials(keys, users.directory()::keyCap), tickets, users.bearer()));
        tickets.accesses(access);
        this.streams = new StreamHub(config, gateway.publisher());
        final OutboundWebhooks webhooks = new OutboundWebhooks(config, access, gateway.publisher(), System.getenv(),
            owners);
        final AccountLogs logs = new AccountLogs(config.logs().linesPerAccount());
        this.fanOut = new FanOutStage(List.of(streams, webhooks.dispatch(), logs));
        mt5Accounts = new Mt5AccountRoutes(gateway, access, exchange.secrets());
        final ExchangeAccountRoutes exchangeAccounts = new ExchangeAccountRoutes(access, exchange.secrets(), exchange.io());
        artifacts = new ArtifactStore(config.dataDir(), config.ea().maxArtifactBytes());
        artifactSweep = new ArtifactSweep(artifacts);
        final EaRoutes ea = new EaRoutes(access, config.ea(), config.instruments(), artifacts, executorKeys);
        final FillStore fills = new FillStore(config.engine().maxTrades(), config.server().performanceFillsKeptPerAccount());
        final ReadBudget readBudget = new ReadBudget(config.server().readRowsPerSecond(),
            config.server().readRowsPerSecondTotal(), System::nanoTime);
        performance = new PerformanceRoutes(access, fills, new ConnectionHealth(
            executorId -> executorKeys.byExecutorId(executorId) != null && sessions.isOpen(executorKeys.byExecutorId(executorId).executorIndex()),
            exchange.io()::streamState), config.server().performanceReadsCpuPct());
        final RouteTable table = RouteTable.builder()
            .add(new MetricsRoutes(gateway, access))
            .add(new QuoteRoutes(config, access))
            .add(new CandleRoutes(access))
            .add(new StreamRoutes(access, streams, users.webSockets(), gateway.webSocketLoops(), stillValid, stillValid::seesAccount, stillValid::stillAdmin))
            .add(tickets)
            .add(new DashboardRoutes())
            .add(new AccountRoutes(access, exchangeAccounts, config.engine().paperFeeRate()))
            .add(exchangeAccounts)
            .add(new KeyRoutes(access, keys, users.directory()))
            .add(new SignInRoutes(users))
            .add(new SessionRoutes(users))
            .add(new PasswordResetRoutes(users, access.scope(Scope.ADMIN)))
            .add(new UserAdminRoutes(users, access.scope(Scope.ADMIN)))
            .add(new OnboardingRoutes(users))
            .add(new OrderRoutes(access, config.instruments(), readBudget))
            .add(new ExportRoutes(access, readBudget))
            .add(new PositionRoutes(access, config.instruments(), readBudget))
            .add(new ExecutorRoutes(gateway, access, executorKeys, sessions, exchange.secrets(), sentCommands))
            .add(mt5Accounts)
            .add(new AgentRoutes(access, executorKeys, artifacts))
            .add(ea)
            .add(new DeploymentRoutes(access))
            .add(new GroupRoutes(access))
            .add(new BotRoutes(access, botSecrets))
            .add(new TradingRoutes(access))
            .add(new ExpertRoutes(access, config.instruments(), exchangeAccounts.forExperts()))
            .add(performance)
            .add(new WebhookRoutes(config.webhook(), bots, botSecrets))
            .add(webhooks.routes())
            .add(new LogRoutes(access, gateway.publisher()))
            .build();
        this.router = new Router(table, gateway);
        this.replies = new GatewayReplies(List.of(keys, users.directory(),
            new ExecutorConnector(executorKeys, sessions, sentCommands, gateway.metrics(), exchange.secrets()),
            exchange.listener(), mt5Accounts.listener(), ea.listener(), artifactSweep, bots,
            gateway.metrics().replyStage(), webhooks.directory(), fills, fanOut));
        gateway.metrics().webSocketSessions(sessions::size);
        gateway.metrics().performanceRows(fills::rows);
        gateway.metrics().webhooks(webhooks::pendingDeliveries, webhooks::givenUpForBound);
        gateway.metrics().listenerFailures(replies::listenerFailures, fanOut::listenerFailures);
        gateway.metrics().streams(streams::open, streams::slowCloses, streams::conflated, streams::quotePauses, streams::requestsRefused);
    }

    /** The engine is assembled (before replay): the streams may tell its change set what is worth working out. */
    public void engineAssembled(final Engine engine)
    {
        streams.accountValuation(engine.context().changes());
    }

    /** The fan-out behind the reply stage (streams, outbound webhooks, logs): started after the pipeline, closed after it. */
    public FanOutStage fanOut()
    {
        return fanOut;
    }

    /** The performance routes: their worker is closed with the gateway. */
    public PerformanceRoutes performance()
    {
        return performance;
    }

    /** What a killed gateway left in the artifacts directory: swept once replayed. */
    public ArtifactSweep artifactSweep()
    {
        return artifactSweep;
    }

    /** EA artifacts' files and workers: closed with the gateway. */
    public ArtifactStore artifacts()
    {
        return artifacts;
    }

    /** Seed 004's routes: their waits' timer is closed with the gateway. */
    public Mt5AccountRoutes mt5Accounts()
    {
        return mt5Accounts;
    }

    /** The users feature's services: closed with the gateway. */
    public UserServices users()
    {
        return users;
    }

    public Router router()
    {
        return router;
    }

    /** Stage 3 of the pipeline. */
    public GatewayReplies replies()
    {
        return replies;
    }

    public ApiKeyRegistry keys()
    {
        return keys;
    }

    /** Exchange accounts: the connector's I/O, closed with the gateway. */
    public ExchangeFeature exchange()
    {
        return exchange;
    }

    public ExecutorKeys executorKeys()
    {
        return executorKeys;
    }
}
