package io.ordergate.benchmarks.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The load generator's command line (API.md, "Benchmarks"), parsed and checked once. Immutable after
 * {@link #parse}: safe from any thread.
 */
final class LoadOptions
{
    static final String USAGE = String.join("\n",
        "usage: java -jar benchmarks/target/loadgen.jar --url http://127.0.0.1:8080 --rate 5000 --duration 30",
        "           --connections 8 --json FILE [--account paper-1] [--symbol EURUSD] [--quantity 0.01]",
        "           [--executors N] [--baseline] [--warmup SECONDS] [--flat-warmup] [--hgrm FILE] [--plot FILE.svg]",
        "           [--pipeline DEPTH] [--drain-timeout SECONDS]",
        "",
        "Open-loop HTTP load: request i is planned at start + i/rate and its latency is counted from that planned",
        "time (no coordinated omission), into an HdrHistogram. Orders are POST /api/v1/orders market orders of",
        "--quantity on --account/--symbol, alternating buy and sell. 2xx = ok, 422 = rejected, anything else",
        "(other statuses, connection errors, timeouts) = errors. Loopback addresses only.",
        "",
        "  --url URL            gateway base URL (http, loopback host)                     required",
        "  --rate N             planned requests per second                                required",
        "  --duration S         measured seconds                                           required",
        "  --connections N      keep-alive connections                                     required",
        "  --json FILE          summary JSON                                               required",
        "  --account ID         account of the orders                                      default paper-1",
        "  --symbol SYMBOL      symbol of the orders                                       default EURUSD",
        "  --quantity Q         order quantity (the instrument's minimum lot)              default 0.01",
        "  --warmup S           seconds before measuring, discarded; the rate rises evenly from 0 to --rate",
        "                       over them, so a cold server and generator are not handed the full rate at once",
        "                       (half the requests of a flat warm-up)                     default 5",
        "  --flat-warmup        warm up at the full rate from the first second instead",
        "  --baseline           also run Netty's HttpHelloWorldServer (own process, GET /) the same way",
        "                       and write {\"gateway\", \"baseline\", \"ratios\"}",
        "  --hgrm FILE          percentile distribution in microseconds                    default FILE.hgrm",
        "  --plot FILE.svg      latency-by-percentile plot                                 default FILE.svg",
        "  --pipeline D         requests in flight per connection (HTTP/1.1 pipelining)   default 1",
        "  --drain-timeout S    wait for answers after the last request, then count the rest as errors  default 5",
        "  --quote-subscribers N  N user WebSockets subscribed to the quotes of every --subscribe symbol, open",
        "                       through warm-up and measurement, read as fast as quotes come (the gateway must",
        "                       allow N sockets per key: auth.max_websockets_per_user)",
        "  --subscribe SYMBOLS  comma-separated symbols of the subscribers   default EURUSD,GBPUSD,USDJPY,XAUUSD,BTCUSD",
        "  --executors N        N simulated MT5 executors over WebSocket: sets up mt5 accounts bench-mt5-1..N",
        "                       (admin key), one executor each, sends the orders round-robin to them instead of",
        "                       --account, answers every command at once, and also records planned send time ->",
        "                       OPEN_POSITION frame on the executor's socket (frame_* fields, FILE.frames.hgrm)",
        "",
        "Credentials: ORDERGATE_API_KEY and ORDERGATE_API_SECRET.",
        "Exit codes: 0 done, 1 the run failed, 2 bad usage.");

    final URI url;
    final String host;
    final int port;
    final int rate;
    final int durationSeconds;
    final int connections;
    final String account;
    final String symbol;
    final String quantity;
    final Integer executors;
    final int quoteSubscribers;
    final java.util.List<String> subscribeSymbols;
    final boolean baseline;
    final int warmupSeconds;
    /** The warm-up at the full rate from its start, not ramped up to it. */
    final boolean flatWarmup;
    final Path json;
    final Path hgrm;
    final Path plot;
    final int pipelineDepth;
    final int drainTimeoutSeconds;
    final String apiKey;
    final String apiSecret;

    private LoadOptions(final Builder b)
    {
        this.url = b.url;
        this.host = b.url.getHost();
        this.port = b.url.getPort() == -1 ? 80 : b.url.getPort();
        this.rate = b.rate;
        this.durationSeconds = b.duration;
        this.connections = b.connections;
        this.account = b.account;
        this.symbol = b.symbol;
        this.quantity = b.quantity;
        this.executors = b.executors;
        this.quoteSubscribers = b.quoteSubscribers;
        this.subscribeSymbols = java.util.List.of(b.subscribe.split(","));
        this.baseline = b.baseline;
        this.warmupSeconds = b.warmup;
        this.flatWarmup = b.flatWarmup;
        this.json = b.json;
        this.hgrm = b.hgrm != null ? b.hgrm : sibling(b.json, ".hgrm");
        this.plot = b.plot != null ? b.plot : sibling(b.json, ".svg");
        this.pipelineDepth = b.pipeline;
        this.drainTimeoutSeconds = b.drainTimeout;
        this.apiKey = b.apiKey;
        this.apiSecret = b.apiSecret;
    }

    /** {@code FILE.json} → {@code FILE<suffix>}; any other name gets the suffix appended. */
    static Path sibling(final Path file, final String suffix)
    {
        final String name = file.getFileName().toString();
        final String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return file.resolveSibling(stem + suffix);
    }

    /** {@code a/b.hgrm} → {@code a/b.baseline.hgrm}: where the baseline's file goes beside the gateway's. */
    static Path baselineSibling(final Path file)
    {
        return infix(file, ".baseline");
    }

    /** {@code a/b.hgrm} → {@code a/b.frames.hgrm}: the executor frame distribution beside the HTTP one. */
    static Path framesSibling(final Path file)
    {
        return infix(file, ".frames");
    }

    private static Path infix(final Path file, final String infix)
    {
        final String name = file.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        return dot <= 0 ? file.resolveSibling(name + infix) : file.resolveSibling(name.substring(0, dot) + infix + name.substring(dot));
    }

    /** @throws UsageException naming the bad or missing option */
    static LoadOptions parse(final String[] args, final Map<String, String> env)
    {
        final Builder b = new Builder();
        for (int i = 0; i < args.length; i++)
        {
            final String arg = args[i];
            switch (arg)
            {
                case "--url": b.url = uri(value(args, ++i, arg)); break;
                case "--rate": b.rate = positive(value(args, ++i, arg), arg, 10_000_000); break;
                case "--duration": b.duration = positive(value(args, ++i, arg), arg, 86_400); break;
                case "--connections": b.connections = positive(value(args, ++i, arg), arg, 1_024); break;
                case "--account": b.account = nonBlank(value(args, ++i, arg), arg); break;
                case "--symbol": b.symbol = nonBlank(value(args, ++i, arg), arg); break;
                case "--quantity": b.quantity = decimal(value(args, ++i, arg), arg); break;
                case "--executors": b.executors = positive(value(args, ++i, arg), arg, 10_000); break;
                case "--quote-subscribers": b.quoteSubscribers = positive(value(args, ++i, arg), arg, 100_000); break;
                case "--subscribe": b.subscribe = nonBlank(value(args, ++i, arg), arg); break;
                case "--baseline": b.baseline = true; break;
                case "--warmup": b.warmup = nonNegative(value(args, ++i, arg), arg, 3_600); break;
                case "--flat-warmup": b.flatWarmup = true; break;
                case "--json": b.json = Path.of(value(args, ++i, arg)); break;
                case "--hgrm": b.hgrm = Path.of(value(args, ++i, arg)); break;
                case "--plot": b.plot = Path.of(value(args, ++i, arg)); break;
                case "--pipeline": b.pipeline = positive(value(args, ++i, arg), arg, 1_024); break;
                case "--drain-timeout": b.drainTimeout = positive(value(args, ++i, arg), arg, 3_600); break;
                default: throw new UsageException("unknown option " + arg);
            }
        }
        require(b.url != null, "--url");
        require(b.rate > 0, "--rate");
        require(b.duration > 0, "--duration");
        require(b.connections > 0, "--connections");
        require(b.json != null, "--json");
        if (b.rate > Integer.MAX_VALUE / b.duration)
        {
            throw new UsageException("--rate × --duration is too many requests");
        }
        b.apiKey = env.getOrDefault("ORDERGATE_API_KEY", "");
        b.apiSecret = env.getOrDefault("ORDERGATE_API_SECRET", "");
        return new LoadOptions(b);
    }

    private static void require(final boolean present, final String option)
    {
        if (!present)
        {
            throw new UsageException("missing " + option);
        }
    }

    private static String value(final String[] args, final int index, final String option)
    {
        if (index >= args.length || args[index].startsWith("--"))
        {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int positive(final String text, final String option, final int max)
    {
        final int value = integer(text, option);
        if (value < 1 || value > max)
        {
            throw new UsageException(option + " must be between 1 and " + max + ", was " + text);
        }
        return value;
    }

    private static int nonNegative(final String text, final String option, final int max)
    {
        final int value = integer(text, option);
        if (value < 0 || value > max)
        {
            throw new UsageException(option + " must be between 0 and " + max + ", was " + text);
        }
        return value;
    }

    private static int integer(final String text, final String option)
    {
        try
        {
            return Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new UsageException(option + " must be a whole number, was " + text);
        }
    }

    private static String nonBlank(final String text, final String option)
    {
        if (text.isBlank() || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != '\\'))
        {
            throw new UsageException(option + " must be printable ASCII without quotes, was \"" + text + "\"");
        }
        return text;
    }

    private static String decimal(final String text, final String option)
    {
        if (!text.matches("[0-9]+(\\.[0-9]+)?"))
        {
            throw new UsageException(option + " must be a positive decimal like 0.01, was " + text);
        }
        return text;
    }

    /** Only http on a loopback host: the generator must never be pointed at someone else's server. */
    static URI uri(final String text)
    {
        final URI uri;
        try
        {
            uri = URI.create(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--url is not a URL: " + text);
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null)
        {
            throw new UsageException("--url must be http://HOST:PORT, was " + text);
        }
        if (!isLoopback(uri.getHost()))
        {
            throw new UsageException("--url host " + uri.getHost() + " is not a loopback address: the load generator only "
                + "drives servers on this machine (127.0.0.1, ::1, localhost)");
        }
        return uri;
    }

    static boolean isLoopback(final String host)
    {
        try
        {
            final InetAddress[] addresses = InetAddress.getAllByName(host);
            for (final InetAddress address : addresses)
            {
                if (!address.isLoopbackAddress())
                {
                    return false;
                }
            }
            return addresses.length > 0;
        }
        catch (final UnknownHostException ex)
        {
            return false;
        }
    }

    /** A command line the generator refuses; the message names the option. */
    static final class UsageException extends RuntimeException
    {
        UsageException(final String message)
        {
            super(message);
        }
    }

    private static final class Builder
    {
        URI url;
        int rate;
        int duration;
        int connections;
        String account = "paper-1";
        String symbol = "EURUSD";
        String quantity = "0.01";
        Integer executors;
        int quoteSubscribers;
        String subscribe = "EURUSD,GBPUSD,USDJPY,XAUUSD,BTCUSD";
        boolean baseline;
        int warmup = 5;
        boolean flatWarmup;
        Path json;
        Path hgrm;
        Path plot;
        int pipeline = 1;
        int drainTimeout = 5;
        String apiKey;
        String apiSecret;
    }
}
