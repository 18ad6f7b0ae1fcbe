package io.ordergate.benchmarks.loadgen;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The quote subscribers as a process of their own (issue 12's 1,000-subscriber target): N user WebSockets subscribed
 * to the quotes of every symbol given, held open until the process is stopped (SIGTERM) or {@code --max-seconds}
 * pass, so the load generator in another process measures only the order path. Prints {@code ready: ...} once every
 * subscription has its snapshot, and on the way out what was received. {@code benchmarks/stream-fanout.sh} runs it:
 *
 * <pre>
 *   java -cp benchmarks/target/loadgen.jar io.ordergate.benchmarks.loadgen.StreamSubscribers \
 *     --url http://127.0.0.1:18090 --subscribers 1000          (ORDERGATE_API_KEY / ORDERGATE_API_SECRET)
 * </pre>
 */
@Command(name = "stream-subscribers", mixinStandardHelpOptions = true,
    description = "Hold N quote-subscribed user WebSockets open against a gateway until stopped; report what they received.")
public final class StreamSubscribers implements Callable<Integer>
{
    @Option(names = "--url", required = true, description = "gateway base URL (http, loopback)")
    URI url;

    @Option(names = "--subscribers", defaultValue = "1000", description = "WebSockets to open (default ${DEFAULT-VALUE})")
    int subscribers;

    @Option(names = "--subscribe", defaultValue = "EURUSD,GBPUSD,USDJPY,XAUUSD,BTCUSD", split = ",",
        description = "symbols each socket subscribes to (default ${DEFAULT-VALUE})")
    List<String> symbols;

    @Option(names = "--max-seconds", defaultValue = "3600", description = "stop by itself after this long (default ${DEFAULT-VALUE})")
    int maxSeconds;

    private final CountDownLatch stop = new CountDownLatch(1);

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new StreamSubscribers()).execute(args));
    }

    @Override
    public Integer call() throws Exception
    {
        final String key = System.getenv().getOrDefault("ORDERGATE_API_KEY", "");
        final String secret = System.getenv().getOrDefault("ORDERGATE_API_SECRET", "");
        final String host = url.getHost();
        if (key.isEmpty() || secret.isEmpty() || !("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host)))
        {
            System.err.println("stream-subscribers: a loopback --url and ORDERGATE_API_KEY / ORDERGATE_API_SECRET are needed");
            return 2;
        }
        final PrintWriter out = new PrintWriter(System.out, true);
        try (QuoteSubscribers sockets = new QuoteSubscribers())
        {
            sockets.open(host, url.getPort(), key, secret, subscribers, symbols);
            final long start = System.nanoTime();
            sockets.resetQuotes();
            out.printf("ready: %d WebSockets open, each subscribed to the quotes of %s%n", subscribers, String.join(",", symbols));
            final Thread hook = new Thread(() ->
            {
                // counted before the main thread is let go to close the sockets itself
                final double seconds = (System.nanoTime() - start) / 1e9;
                final long quotes = sockets.quotes();
                final long closed = sockets.closed();
                stop.countDown();
                out.printf("subscribers: %d quote messages received in %.1f s (%.0f/s), %d sockets closed by the gateway%n",
                    quotes, seconds, quotes / seconds, closed);
            }, "stream-subscribers-report");
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await(maxSeconds, TimeUnit.SECONDS);
        }
        return 0;
    }
}
