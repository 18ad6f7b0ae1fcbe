package io.ordergate.simulators.mt5;

import java.net.URI;
import java.nio.file.Path;

/**
 * Runs a {@link SimulatedTerminal} standalone: {@code --url URL --executor-id ID [--state-dir DIR]}, with
 * {@code ORDERGATE_EXECUTOR_KEY}/{@code ORDERGATE_EXECUTOR_SECRET} and, for prices, {@code ORDERGATE_QUOTE_KEY}/
 * {@code ORDERGATE_QUOTE_SECRET} (a read-scoped API key of the account). {@link SimulatedTerminal#main} calls it.
 */
final class SimulatedTerminalMain
{
    private SimulatedTerminalMain()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        String url = "http://127.0.0.1:8080";
        String executorId = null;
        String stateDir = null;
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            switch (args[i])
            {
                case "--url": url = args[i + 1]; break;
                case "--executor-id": executorId = args[i + 1]; break;
                case "--state-dir": stateDir = args[i + 1]; break;
                default: throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        final String key = System.getenv("ORDERGATE_EXECUTOR_KEY");
        final String secret = System.getenv("ORDERGATE_EXECUTOR_SECRET");
        if (executorId == null || key == null || secret == null)
        {
            System.err.println("usage: SimulatedTerminal --url URL --executor-id ID [--state-dir DIR], with ORDERGATE_EXECUTOR_KEY/ORDERGATE_EXECUTOR_SECRET"
                + " (and ORDERGATE_QUOTE_KEY/ORDERGATE_QUOTE_SECRET for prices) set");
            System.exit(2);
            return;
        }
        final URI base = URI.create(url);
        final String quoteKey = System.getenv("ORDERGATE_QUOTE_KEY");
        final String quoteSecret = System.getenv("ORDERGATE_QUOTE_SECRET");
        final PriceSource prices = quoteKey != null && quoteSecret != null
            ? PriceSource.withBrokerNames(PriceSource.gatewayQuotes(base, quoteKey, quoteSecret)) : symbol -> null;
        final SimulatedTerminal terminal = new SimulatedTerminal(new SimulatedTerminal.Settings(base, executorId, key, secret, 30), prices);
        if (stateDir != null)
        {
            terminal.persistIn(Path.of(stateDir));  // results.log and positions.json: remembered across restarts
        }
        terminal.start();
        Thread.currentThread().join();
    }
}
