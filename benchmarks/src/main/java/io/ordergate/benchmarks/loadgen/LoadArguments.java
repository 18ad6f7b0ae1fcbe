package io.ordergate.benchmarks.loadgen;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The load generator's options as picocli fills them in, before {@link LoadOptions#parse} checks them. */
@Command(name = "loadgen", sortOptions = false, usageHelpWidth = 120, synopsisHeading = "",
    customSynopsis = {
        "usage: java -jar benchmarks/target/loadgen.jar --url http://127.0.0.1:8080 --rate 5000 --duration 30",
        "           --connections 8 --json FILE [--account paper-1] [--symbol EURUSD] [--quantity 0.01]",
        "           [--executors N] [--baseline] [--warmup SECONDS] [--flat-warmup] [--hgrm FILE] [--plot FILE.svg]",
        "           [--pipeline DEPTH] [--drain-timeout SECONDS] [--quote-subscribers N [--subscribe SYMBOLS]]",
        "           [--pacer loop|thread]",
        ""},
    description = {
        "Open-loop HTTP load: request i is planned at start + i/rate and its latency is counted from that planned",
        "time (no coordinated omission), into an HdrHistogram. Orders are POST /api/v1/orders market orders of",
        "--quantity on --account/--symbol, alternating buy and sell. 2xx = ok, 422 = rejected, anything else",
        "(other statuses, connection errors, timeouts) = errors. Loopback addresses only.",
        ""},
    footerHeading = "%n",
    footer = {"Credentials: ORDERGATE_API_KEY and ORDERGATE_API_SECRET.", "Exit codes: 0 done, 1 the run failed, 2 bad usage."})
final class LoadArguments
{
    @Option(names = "--url", paramLabel = "URL", description = "gateway base URL (http, loopback host); required")
    String url;

    @Option(names = "--rate", paramLabel = "N", description = "planned requests per second; required")
    Integer rate;

    @Option(names = "--duration", paramLabel = "S", description = "measured seconds; required")
    Integer duration;

    @Option(names = "--connections", paramLabel = "N", description = "keep-alive connections; required")
    Integer connections;

    @Option(names = "--json", paramLabel = "FILE", description = "summary JSON; required")
    Path json;

    @Option(names = "--account", paramLabel = "ID", defaultValue = "paper-1", description = "account of the orders; default ${DEFAULT-VALUE}")
    String account;

    @Option(names = "--symbol", paramLabel = "SYMBOL", defaultValue = "EURUSD", description = "symbol of the orders; default ${DEFAULT-VALUE}")
    String symbol;

    @Option(names = "--quantity", paramLabel = "Q", defaultValue = "0.01",
        description = "order quantity (the instrument's minimum lot); default ${DEFAULT-VALUE}")
    String quantity;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "seconds before measuring, discarded; the rate rises "
        + "evenly from 0 to --rate over the first four fifths, so a cold server and generator are not handed the full rate at once, "
        + "and is held over the last fifth, so the measured phase starts on code compiled for the full rate; before the first target "
        + "the generator also warms itself up on a hello-world server of its own (6 s; none with 0); default ${DEFAULT-VALUE}")
    int warmup;

    @Option(names = "--flat-warmup", description = "warm up at the full rate from the first second instead")
    boolean flatWarmup;

    @Option(names = "--baseline", description = "also run Netty's HttpHelloWorldServer (own process, GET /) the same way "
        + "and write {\"gateway\", \"baseline\", \"ratios\"}")
    boolean baseline;

    @Option(names = "--hgrm", paramLabel = "FILE", description = "percentile distribution in microseconds; default FILE.hgrm")
    Path hgrm;

    @Option(names = "--plot", paramLabel = "FILE.svg", description = "latency-by-percentile plot; default FILE.svg")
    Path plot;

    @Option(names = "--pipeline", paramLabel = "D", defaultValue = "1",
        description = "requests in flight per connection (HTTP/1.1 pipelining); default ${DEFAULT-VALUE}")
    int pipeline;

    @Option(names = "--drain-timeout", paramLabel = "S", defaultValue = "5",
        description = "wait for answers after the last request, then count the rest as errors; default ${DEFAULT-VALUE}")
    int drainTimeout;

    @Option(names = "--quote-subscribers", paramLabel = "N", description = "N user WebSockets subscribed to the quotes of every "
        + "--subscribe symbol, open through warm-up and measurement, read as fast as quotes come (the gateway must allow N "
        + "sockets per key: auth.max_websockets_per_user)")
    Integer quoteSubscribers;

    @Option(names = "--subscribe", paramLabel = "SYMBOLS", defaultValue = "EURUSD,GBPUSD,USDJPY,XAUUSD,BTCUSD",
        description = "comma-separated symbols of the subscribers; default ${DEFAULT-VALUE}")
    String subscribe;

    @Option(names = "--executors", paramLabel = "N", description = "N simulated MT5 executors over WebSocket: sets up mt5 "
        + "accounts bench-mt5-1..N (admin key), one executor each, sends the orders round-robin to them instead of --account, "
        + "answers every command at once, and also records planned send time -> OPEN_POSITION frame on the executor's socket "
        + "(frame_* fields, FILE.frames.hgrm)")
    Integer executors;

    @Option(names = "--pacer", paramLabel = "loop|thread", description = "how requests are handed out at their planned "
        + "times: loop = the event loop's own timer (Netty's native epoll; the default where it loads), thread = a pacing "
        + "thread handing batches to a NIO event loop (the generator before 2026-12-06; the default elsewhere)")
    String pacer;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
    boolean help;
}
