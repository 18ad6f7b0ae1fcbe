package io.ordergate.gateway.executors;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

import io.ordergate.config.AccountSpec;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.DemoCredentialsFile;
import io.ordergate.gateway.core.StartupCommands;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.keys.KeyRequests;
import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * The executor steps of start-up, after replay and seeding, before the gateway is ready:
 * <pre>
 *   1. RECOVER_ROUTED   orders still routed at the venue become unknown; their commands stay pending and are
 *                       re-delivered with the same ids (journaled, so a replay reaches the same state)
 *   2. demo executor    in demo mode, the executor of the demo mt5 account and a read key for its prices, made
 *                       once; their credentials kept in data_dir/demo-terminal.properties (owner-only)
 *   3. demo terminal    (after ready) a simulated MT5 terminal connected over loopback, its memory in
 *                       data_dir/demo-terminal-results.log and demo-terminal-positions.json, so a kill -9 of the
 *                       gateway (and the terminal with it) never makes it trade a re-delivered command again
 * </pre>
 * Start-up thread only; the reply thread counts the answers down.
 */
public final class ExecutorBootstrap implements AutoCloseable
{
    static final String DEMO_EXECUTOR_ID = "demo-executor";
    static final String DEMO_FILE = "demo-terminal.properties";
    /** The demo terminal's first results, one line per command id: it answers a re-delivered id from here. */
    static final String DEMO_RESULTS_FILE = "demo-terminal-results.log";
    /** The demo terminal's open positions (tickets), rewritten atomically after each change. */
    static final String DEMO_POSITIONS_FILE = "demo-terminal-positions.json";
    /**
     * Test hook: with this system property {@code true}, the demo terminal computes and saves its results but does
     * not send them, so a test can kill the gateway between a trade and its result.
     */
    static final String HOLD_RESULTS_PROPERTY = "ordergate.demo.terminal.hold_results";
    /** The demo terminal's account as seed 004 connects to it (docs/mt5-jobs.md): a simulator's, not a secret. */
    static final long DEMO_MT5_LOGIN = 5_000_001L;
    static final String DEMO_INVESTOR_PASSWORD = "demo-investor";
    static final String DEMO_MT5_SERVER = "Ordergate-Demo";
    static final int DEMO_HISTORY_TRADES = 20;
    /** The demo terminal also plays seed 002's agent (demo-executor), polling its EA jobs this often. */
    static final long DEMO_AGENT_POLL_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(ExecutorBootstrap.class.getName());

    /**
     * The demo account's configured balance: the simulated terminal starts from it the first time (later from its
     * saved state), and reports it in its heartbeats as a real terminal would.
     */
    private java.math.BigDecimal demoBalance;
    private Properties demo;
    private Path dataDir;
    private SimulatedTerminal terminal;

    /** Publishes the start-up commands and waits, bounded, for their answers. */
    public void run(final GatewayConfig config, final CommandPublisher publisher, final ExecutorKeys keys, final long timeoutMillis)
        throws InterruptedException
    {
        final StartupCommands commands = new StartupCommands("executor start-up commands");
        commands.publish(publisher, CommandType.RECOVER_ROUTED, new ExecutorRequests.Empty());

        if (demoAccount(config))
        {
            demoBalance = config.accounts().stream()
                .filter(account -> account.accountId().equals(config.demo().mt5AccountId()))
                .map(account -> java.math.BigDecimal.valueOf(account.balance(), io.ordergate.fixed.Money.DIGITS))
                .findFirst().orElse(null);
            dataDir = config.dataDir();
            final Path file = config.dataDir().resolve(DEMO_FILE);
            if (keys.byExecutorId(DEMO_EXECUTOR_ID) == null)
            {
                final String executorSecret = Secrets.newSecret();
                final ExecutorRequests.CreateExecutor executor = new ExecutorRequests.CreateExecutor(DEMO_EXECUTOR_ID, "Simulated MT5 terminal",
                    "MT5", config.demo().mt5AccountId(), ExecutorRequests.EXECUTOR_KEY_PREFIX + Secrets.newKey().substring(3),
                    executorSecret, Secrets.hash(executorSecret));
                final String quoteSecret = Secrets.newSecret();
                final KeyRequests.CreateKey quoteKey = new KeyRequests.CreateKey(Secrets.newKey(), quoteSecret, Secrets.hash(quoteSecret),
                    Scope.READ, List.of(config.demo().mt5AccountId()));
                demo = new Properties();
                demo.setProperty("executor_id", DEMO_EXECUTOR_ID);
                demo.setProperty("api_key", executor.apiKey());
                demo.setProperty("api_secret", executor.apiSecret());
                demo.setProperty("quote_key", quoteKey.apiKey());
                demo.setProperty("quote_secret", quoteSecret);
                // saved before the executor is made: a start that cannot keep its credentials makes nothing
                DemoCredentialsFile.save(file, demo, "credentials of the demo's simulated MT5 terminal (demo mode only)");
                commands.publish(publisher, CommandType.CREATE_EXECUTOR, executor);
                commands.publish(publisher, CommandType.CREATE_KEY, quoteKey);
            }
            else
            {
                demo = DemoCredentialsFile.load(file);
                if (demo == null)
                {
                    LOG.warning(() -> "the demo executor exists but " + file + " is missing: the simulated terminal does not start");
                }
            }
        }
        commands.await(timeoutMillis);
    }

    /** Starts the demo terminal, once the gateway answers. */
    public void startTerminal(final String host, final int port)
    {
        if (demo == null)
        {
            return;
        }
        final URI base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
        terminal = new SimulatedTerminal(
            new SimulatedTerminal.Settings(base, demo.getProperty("executor_id"), demo.getProperty("api_key"), demo.getProperty("api_secret"), 30),
            PriceSource.withBrokerNames(PriceSource.gatewayQuotes(base, demo.getProperty("quote_key"), demo.getProperty("quote_secret"))))
            .balance(demoBalance)
            .investorAccount(DEMO_MT5_LOGIN, DEMO_INVESTOR_PASSWORD, DEMO_MT5_SERVER)
            .persistTo(dataDir.resolve(DEMO_RESULTS_FILE), dataDir.resolve(DEMO_POSITIONS_FILE));
        if (Boolean.getBoolean(HOLD_RESULTS_PROPERTY))
        {
            terminal.holdResults(true);
        }
        terminal.start().playAgent(DEMO_AGENT_POLL_MILLIS);
        if (terminal.historySize() == 0)
        {
            // a first start: some closed trades from before, so a history sync of the demo account has deals to bring in
            terminal.historicalTrades(DEMO_HISTORY_TRADES, java.time.Instant.now().minus(java.time.Duration.ofDays(DEMO_HISTORY_TRADES)),
                java.time.Duration.ofDays(1), "EURUSD", new java.math.BigDecimal("0.10"));
        }
    }

    public SimulatedTerminal terminal()
    {
        return terminal;
    }

    @Override
    public void close()
    {
        if (terminal != null)
        {
            terminal.close();
        }
    }

    private static boolean demoAccount(final GatewayConfig config)
    {
        if (!config.demo().simulatedTerminal())
        {
            return false;
        }
        for (final AccountSpec account : config.accounts())
        {
            if (account.accountId().equals(config.demo().mt5AccountId()) && account.venue() == VenueKind.MT5)
            {
                return true;
            }
        }
        return false;
    }
}
