package io.ordergate.simulators.exchange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a {@link SimulatedExchange} by hand until Ctrl-C:
 * {@code java -cp ordergate.jar io.ordergate.simulators.exchange.SimulatedExchangeMain --port 9090
 * --api-key demo-key --api-secret demo-secret --balance USDT=10000 --quote BTCUSDT=65000.00/65001.00}.
 */
@Command(name = "simulated-exchange", mixinStandardHelpOptions = true,
    description = "A simulated exchange speaking the Binance spot dialect (REST on /api/v3, futures settings on /fapi/v1, user data on /ws/<listenKey>),"
        + " with an admin API on /admin for quotes, accounts and faults.")
public final class SimulatedExchangeMain implements Callable<Integer>
{
    @Option(names = "--host", description = "address to listen on (default ${DEFAULT-VALUE})")
    private String host = "127.0.0.1";

    @Option(names = "--port", description = "port, 0 for any free one (default ${DEFAULT-VALUE})")
    private int port = 9090;

    @Option(names = "--api-key", description = "an account's API key (default ${DEFAULT-VALUE})")
    private String apiKey = "demo-key";

    @Option(names = "--api-secret", description = "that account's secret (default: $ORDERGATE_SIM_EXCHANGE_SECRET, else ${DEFAULT-VALUE})")
    private String apiSecret = System.getenv().getOrDefault("ORDERGATE_SIM_EXCHANGE_SECRET", "demo-secret");

    @Option(names = "--balance", description = "starting balance ASSET=AMOUNT, repeatable (default USDT=10000)")
    private Map<String, String> balances = new LinkedHashMap<>(Map.of("USDT", "10000"));

    @Option(names = "--quote", description = "a quote SYMBOL=BID/ASK, repeatable (default BTCUSDT=65000.00/65001.00, ETHUSDT=3500.00/3500.10)")
    private Map<String, String> quotes = new LinkedHashMap<>(Map.of("BTCUSDT", "65000.00/65001.00", "ETHUSDT", "3500.00/3500.10"));

    @Option(names = "--weight-limit", description = "request weight per minute (default ${DEFAULT-VALUE})")
    private int weightLimit = RateLimits.DEFAULT_WEIGHT_PER_MINUTE;

    @Option(names = "--order-limit", description = "orders per 10 seconds (default ${DEFAULT-VALUE})")
    private int orderLimit = RateLimits.DEFAULT_ORDERS_PER_10S;

    @Override
    public Integer call() throws InterruptedException
    {
        final CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatedExchange exchange = SimulatedExchange.start(host, port, weightLimit, orderLimit))
        {
            exchange.addAccount(apiKey, apiSecret, balances);
            for (final Map.Entry<String, String> quote : quotes.entrySet())
            {
                final String[] bidAsk = quote.getValue().split("/", 2);
                if (bidAsk.length != 2)
                {
                    throw new CommandLine.ParameterException(new CommandLine(this), "--quote " + quote.getKey() + " must be BID/ASK");
                }
                exchange.quote(quote.getKey(), bidAsk[0], bidAsk[1]);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "og-sim-exchange-stop"));
            System.out.println("Simulated exchange on " + exchange.restUrl() + " (user data: " + exchange.streamUrl() + "/ws/<listenKey>, admin: "
                + exchange.restUrl() + "/admin/...), API key " + apiKey);
            stopped.await();
        }
        return 0;
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new SimulatedExchangeMain()).execute(args));
    }
}
