package io.ordergate.simulators.mt5;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs a {@link SimulatedTerminal} standalone: {@code --url URL --executor-id ID [--state-dir DIR]}, with
 * {@code ORDERGATE_EXECUTOR_KEY}/{@code ORDERGATE_EXECUTOR_SECRET} and, for prices, {@code ORDERGATE_QUOTE_KEY}/
 * {@code ORDERGATE_QUOTE_SECRET} (a read-scoped API key of the account). {@link SimulatedTerminal#main} calls it.
 * The credentials stay in the environment, never options, so they do not show in {@code ps}.
 */
@Command(name = "simulated-terminal", mixinStandardHelpOptions = true,
    description = "A simulated MT5 terminal and its executor, connected to an Ordergate gateway until killed.",
    footer = {"", "Environment:",
        "  " + SimulatedTerminalMain.EXECUTOR_KEY + ", " + SimulatedTerminalMain.EXECUTOR_SECRET,
        "      the executor's credentials (required)",
        "  " + SimulatedTerminalMain.QUOTE_KEY + ", " + SimulatedTerminalMain.QUOTE_SECRET,
        "      a read-scoped API key of the account, for prices (without both, no prices)"})
final class SimulatedTerminalMain implements Callable<Integer>
{
    static final String EXECUTOR_KEY = "ORDERGATE_EXECUTOR_KEY";
    static final String EXECUTOR_SECRET = "ORDERGATE_EXECUTOR_SECRET";
    static final String QUOTE_KEY = "ORDERGATE_QUOTE_KEY";
    static final String QUOTE_SECRET = "ORDERGATE_QUOTE_SECRET";
    static final int HEARTBEAT_SECONDS = 30;

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", description = "the gateway's base URL (default ${DEFAULT-VALUE})")
    URI url = URI.create("http://127.0.0.1:8080");

    @Option(names = "--executor-id", paramLabel = "ID", required = true, description = "the executor this terminal answers for")
    String executorId;

    @Option(names = "--state-dir", paramLabel = "DIR",
        description = "keep results.log and positions.json here, so a restarted terminal never trades a command twice (default: only while it runs)")
    Path stateDir;

    private final Map<String, String> env;

    /** {@code env}: where the credentials are read (the process environment in {@link #main}; a map in tests). */
    SimulatedTerminalMain(final Map<String, String> env)
    {
        this.env = env;
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new SimulatedTerminalMain(System.getenv())).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException
    {
        final SimulatedTerminal.Settings settings = settings();
        final SimulatedTerminal terminal = new SimulatedTerminal(settings, prices(settings.baseUrl()));
        if (stateDir != null)
        {
            terminal.persistIn(stateDir);  // results.log and positions.json: remembered across restarts
        }
        terminal.start();
        Thread.currentThread().join();
        return 0;
    }

    /** The parsed options with the executor's credentials; a usage error (exit 2) that names what is missing. */
    SimulatedTerminal.Settings settings()
    {
        final String key = env.get(EXECUTOR_KEY);
        final String secret = env.get(EXECUTOR_SECRET);
        if (key == null || secret == null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), (key == null ? EXECUTOR_KEY : EXECUTOR_SECRET)
                + " is not set: the terminal needs the executor's API key and secret in " + EXECUTOR_KEY + " and " + EXECUTOR_SECRET);
        }
        return new SimulatedTerminal.Settings(url, executorId, key, secret, HEARTBEAT_SECONDS);
    }

    /** Whether the terminal can price orders: both quote variables set (read-scoped, so a leaked one cannot trade). */
    boolean hasQuoteKey()
    {
        return env.get(QUOTE_KEY) != null && env.get(QUOTE_SECRET) != null;
    }

    private PriceSource prices(final URI base)
    {
        return hasQuoteKey() ? PriceSource.withBrokerNames(PriceSource.gatewayQuotes(base, env.get(QUOTE_KEY), env.get(QUOTE_SECRET))) : symbol -> null;
    }
}
