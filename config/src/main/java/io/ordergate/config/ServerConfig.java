package io.ordergate.config;

import java.util.regex.Pattern;

/**
 * The HTTP/WebSocket listener: address, port and the limits that keep a flood from collapsing the gateway.
 * Immutable: safe from any thread.
 */
public final class ServerConfig
{
    public static final String HOST_DEFAULT = "127.0.0.1";
    public static final int PORT_DEFAULT = 8080;
    public static final int MAX_BODY_BYTES_DEFAULT = 65536;
    public static final int MAX_CONNECTIONS_DEFAULT = 1024;
    public static final int IDLE_TIMEOUT_SECONDS_DEFAULT = 60;
    public static final int MAX_UNAUTHENTICATED_CONNECTIONS_DEFAULT = 512;
    public static final int REQUEST_READ_TIMEOUT_SECONDS_DEFAULT = 10;
    /** Longer than every wait an answer has a bound of its own for, at their defaults (the longest: 30 s). */
    public static final int ANSWER_TIMEOUT_SECONDS_DEFAULT = 120;
    public static final int MAX_UNAUTHENTICATED_PER_ADDRESS_DEFAULT = 256;
    public static final int EVENT_LOOP_THREADS_DEFAULT = 1;
    public static final int READ_ROWS_PER_SECOND_DEFAULT = 1000;
    public static final int READ_ROWS_PER_SECOND_TOTAL_DEFAULT = 4000;
    /** A quarter of one core: an eighth of a 2-vCPU machine for whoever reads performance in a loop. */
    public static final int PERFORMANCE_READS_CPU_PCT_DEFAULT = 25;
    /** About 55 MB of heap for an account with this many fills; older ones are kept as sums per day. */
    public static final int PERFORMANCE_FILLS_KEPT_PER_ACCOUNT_DEFAULT = 1_048_576;
    /** Below 2^30 rows with the engine's last trades on top: a performance read numbers a row in 30 bits. */
    public static final int PERFORMANCE_FILLS_KEPT_PER_ACCOUNT_MAX = 64 * 1_048_576;
    /** Off: a start-up warm-up costs start-up time, which tests and small deployments do not want to pay. */
    public static final int WARMUP_ORDERS_DEFAULT = 0;
    public static final int WARMUP_ORDERS_MAX = 1_000_000;
    /**
     * {@code auto}: NIO while {@link #directReplies()} is on (the reply thread writes to NIO sockets itself, measured
     * faster than native epoll through the event loop), Netty's native epoll transport where it loads when it is off.
     */
    public static final String TRANSPORT_AUTO = "auto";
    /** {@code nio}: the JDK's selector on every platform, even where epoll would load. */
    public static final String TRANSPORT_NIO = "nio";
    /** {@code epoll}: Netty's native epoll transport, or no start where its native library does not load. */
    public static final String TRANSPORT_EPOLL = "epoll";
    private static final Pattern TRANSPORTS = Pattern.compile(TRANSPORT_AUTO + "|" + TRANSPORT_NIO + "|" + TRANSPORT_EPOLL);
    private static final Pattern BACKGROUND_THREADS = Pattern.compile("idle|normal");

    private final String host;
    private final int port;
    private final int maxBodyBytes;
    private final int maxConnections;
    private final int idleTimeoutSeconds;
    private final int eventLoopThreads;
    private final String transport;
    private final int maxUnauthenticatedConnections;
    private final int requestReadTimeoutSeconds;
    private final int maxUnauthenticatedPerAddress;
    private final int readRowsPerSecond;
    private final int readRowsPerSecondTotal;
    private final int warmupOrders;
    private final boolean directReplies;
    private final int performanceReadsCpuPct;
    private final int answerTimeoutSeconds;
    private final int performanceFillsKeptPerAccount;
    private final boolean backgroundThreadsIdle;

    ServerConfig(
        final String host, final int port, final int maxBodyBytes, final int maxConnections,
        final int idleTimeoutSeconds, final int eventLoopThreads, final String transport, final int maxUnauthenticatedConnections,
        final int requestReadTimeoutSeconds, final int maxUnauthenticatedPerAddress, final int readRowsPerSecond,
        final int readRowsPerSecondTotal, final int warmupOrders, final boolean directReplies, final int performanceReadsCpuPct,
        final int answerTimeoutSeconds, final int performanceFillsKeptPerAccount, final boolean backgroundThreadsIdle)
    {
        this.backgroundThreadsIdle = backgroundThreadsIdle;
        this.answerTimeoutSeconds = answerTimeoutSeconds;
        this.performanceFillsKeptPerAccount = performanceFillsKeptPerAccount;
        this.performanceReadsCpuPct = performanceReadsCpuPct;
        this.warmupOrders = warmupOrders;
        this.directReplies = directReplies;
        this.readRowsPerSecond = readRowsPerSecond;
        this.readRowsPerSecondTotal = readRowsPerSecondTotal;
        this.maxUnauthenticatedPerAddress = maxUnauthenticatedPerAddress;
        this.maxUnauthenticatedConnections = maxUnauthenticatedConnections;
        this.requestReadTimeoutSeconds = requestReadTimeoutSeconds;
        this.host = host;
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.maxConnections = maxConnections;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.eventLoopThreads = eventLoopThreads;
        this.transport = transport;
    }

    static ServerConfig read(final YamlSection s)
    {
        final String host = s.string("host", HOST_DEFAULT);
        final ServerConfig config = new ServerConfig(
            checkHost(s.pathOf("host"), host),
            s.intValue("port", PORT_DEFAULT, 0, 65535),
            s.intValue("max_body_bytes", MAX_BODY_BYTES_DEFAULT, 256, 64 * 1024 * 1024),
            s.intValue("max_connections", MAX_CONNECTIONS_DEFAULT, 1, 1_000_000),
            s.intValue("idle_timeout_seconds", IDLE_TIMEOUT_SECONDS_DEFAULT, 1, 86_400),
            s.intValue("event_loop_threads", EVENT_LOOP_THREADS_DEFAULT, 1, 256),
            s.matching("transport", TRANSPORT_AUTO, TRANSPORTS, "one of auto, nio, epoll"),
            s.intValue("max_unauthenticated_connections", MAX_UNAUTHENTICATED_CONNECTIONS_DEFAULT, 1, 1_000_000),
            s.intValue("request_read_timeout_seconds", REQUEST_READ_TIMEOUT_SECONDS_DEFAULT, 1, 3600),
            s.intValue("max_unauthenticated_per_address", MAX_UNAUTHENTICATED_PER_ADDRESS_DEFAULT, 1, 1_000_000),
            s.intValue("read_rows_per_second", READ_ROWS_PER_SECOND_DEFAULT, 0, 100_000_000),
            s.intValue("read_rows_per_second_total", READ_ROWS_PER_SECOND_TOTAL_DEFAULT, 0, 100_000_000),
            s.intValue("warmup_orders", WARMUP_ORDERS_DEFAULT, 0, WARMUP_ORDERS_MAX),
            s.bool("direct_replies", true),
            s.intValue("performance_reads_cpu_pct", PERFORMANCE_READS_CPU_PCT_DEFAULT, 1, 100),
            s.intValue("answer_timeout_seconds", ANSWER_TIMEOUT_SECONDS_DEFAULT, 1, 86_400),
            s.intValue("performance_fills_kept_per_account", PERFORMANCE_FILLS_KEPT_PER_ACCOUNT_DEFAULT, 1_024,
                PERFORMANCE_FILLS_KEPT_PER_ACCOUNT_MAX),
            "idle".equals(s.matching("background_threads", "idle", BACKGROUND_THREADS, "one of idle, normal")));
        s.finish();
        return config;
    }

    static String checkHost(final String key, final String host)
    {
        if (host == null || host.isEmpty() || host.chars().anyMatch(c -> c <= ' '))
        {
            throw new ConfigException(key, "must be a host name or address without spaces, was \"" + host + "\"");
        }
        return host;
    }

    /** Listen address; 127.0.0.1 (loopback only) unless configured. */
    public String host()
    {
        return host;
    }

    /** Listen port; 0 asks the OS for an ephemeral port. */
    public int port()
    {
        return port;
    }

    /** Largest accepted request body; larger bodies are refused with 413. */
    public int maxBodyBytes()
    {
        return maxBodyBytes;
    }

    public int maxConnections()
    {
        return maxConnections;
    }

    /** Connections idle this long are closed. */
    public int idleTimeoutSeconds()
    {
        return idleTimeoutSeconds;
    }

    public int eventLoopThreads()
    {
        return eventLoopThreads;
    }

    /** {@link #TRANSPORT_AUTO}, {@link #TRANSPORT_NIO} or {@link #TRANSPORT_EPOLL}. */
    public String transport()
    {
        return transport;
    }

    /**
     * Connections that have not yet made an authenticated request, counted apart from (and within)
     * {@link #maxConnections()}: when they are this many, a new one takes the place of the oldest, which is answered
     * 503 and closed, so idle or trickling sockets cannot lock clients out.
     */
    public int maxUnauthenticatedConnections()
    {
        return Math.min(maxUnauthenticatedConnections, maxConnections);
    }

    /** Of the unauthenticated connections, how many one remote address may hold (past it: 503). */
    public int maxUnauthenticatedPerAddress()
    {
        return maxUnauthenticatedPerAddress;
    }

    /**
     * A request's headers and body must be read within this many seconds of its first byte (of the connection's
     * opening, for the first): a trickle does not reset it. Past it: 408 and the connection closed.
     */
    public int requestReadTimeoutSeconds()
    {
        return requestReadTimeoutSeconds;
    }

    /**
     * List rows (orders, trades, positions, CSV export lines) one API key or signed-in user may read per second, with a
     * burst of two seconds' worth; past it list reads answer 429 with {@code Retry-After}. 0 = no budget.
     */
    public int readRowsPerSecond()
    {
        return readRowsPerSecond;
    }

    /**
     * List rows all callers together may read per second, with a burst of two seconds' worth: the CPU that list reads
     * may take from orders, however many keys read. 0 = no ceiling.
     */
    public int readRowsPerSecondTotal()
    {
        return readRowsPerSecondTotal;
    }

    /**
     * Market orders a scratch gateway takes before this one starts, so the JIT has compiled the order path by the first
     * real order (io.ordergate.gateway.warmup.StartupWarmup); 0 = no warm-up.
     */
    public int warmupOrders()
    {
        return warmupOrders;
    }

    /**
     * Whether the reply thread writes an order's answer to its connection itself when nothing else waits to be written
     * there (true, the default), instead of always handing it to the connection's event loop (NIO transport only: epoll's
     * channels give no safe way to write from another thread while the event loop may close the descriptor).
     */
    public boolean directReplies()
    {
        return directReplies;
    }

    /**
     * The share of one core the performance worker may take, 1..100: after a read that took T it rests T × (100 − pct) ÷ pct
     * before the next, so a client reading performance in a loop cannot take a core from the orders.
     */
    public int performanceReadsCpuPct()
    {
        return performanceReadsCpuPct;
    }

    /**
     * How long a request may wait for its answer before the connection answers it {@code 504 GATEWAY_TIMEOUT} and closes:
     * a bound for an answer that never comes, whatever the reason (the idle timeout spares a connection owed one).
     */
    public int answerTimeoutSeconds()
    {
        return answerTimeoutSeconds;
    }

    /**
     * The fills an account's performance record keeps, 1,024..{@value #PERFORMANCE_FILLS_KEPT_PER_ACCOUNT_MAX}: past it the
     * oldest are folded, 256 at a time, into exact sums per UTC day.
     */
    public int performanceFillsKeptPerAccount()
    {
        return performanceFillsKeptPerAccount;
    }

    /**
     * Whether the gateway's main puts the JVM's JIT compiler and housekeeping threads in the idle scheduling class once it
     * has started ({@code background_threads: idle}, the default; Linux only): a thread that wakes for an order then
     * takes a core from them at once instead of waiting out their time slice.
     */
    public boolean backgroundThreadsIdle()
    {
        return backgroundThreadsIdle;
    }

    ServerConfig withPort(final int newPort)
    {
        if (newPort < 0 || newPort > 65535)
        {
            throw new ConfigException("server.port", "must be between 0 and 65535, was " + newPort);
        }
        return new ServerConfig(host, newPort, maxBodyBytes, maxConnections, idleTimeoutSeconds, eventLoopThreads, transport,
            maxUnauthenticatedConnections, requestReadTimeoutSeconds, maxUnauthenticatedPerAddress, readRowsPerSecond, readRowsPerSecondTotal, warmupOrders,
            directReplies, performanceReadsCpuPct, answerTimeoutSeconds, performanceFillsKeptPerAccount, backgroundThreadsIdle);
    }

    ServerConfig withHost(final String newHost)
    {
        return new ServerConfig(checkHost("server.host", newHost), port, maxBodyBytes, maxConnections,
            idleTimeoutSeconds, eventLoopThreads, transport, maxUnauthenticatedConnections, requestReadTimeoutSeconds,
            maxUnauthenticatedPerAddress, readRowsPerSecond, readRowsPerSecondTotal, warmupOrders,
            directReplies, performanceReadsCpuPct, answerTimeoutSeconds, performanceFillsKeptPerAccount, backgroundThreadsIdle);
    }

    @Override
    public String toString()
    {
        return "ServerConfig{host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes +
            ", maxConnections=" + maxConnections + ", idleTimeoutSeconds=" + idleTimeoutSeconds +
            ", eventLoopThreads=" + eventLoopThreads + ", transport=" + transport +
            ", maxUnauthenticatedConnections=" + maxUnauthenticatedConnections +
            ", requestReadTimeoutSeconds=" + requestReadTimeoutSeconds +
            ", maxUnauthenticatedPerAddress=" + maxUnauthenticatedPerAddress +
            ", readRowsPerSecond=" + readRowsPerSecond + ", readRowsPerSecondTotal=" + readRowsPerSecondTotal +
            ", warmupOrders=" + warmupOrders + ", directReplies=" + directReplies +
            ", performanceReadsCpuPct=" + performanceReadsCpuPct + ", answerTimeoutSeconds=" + answerTimeoutSeconds +
            ", performanceFillsKeptPerAccount=" + performanceFillsKeptPerAccount + ", backgroundThreadsIdle=" + backgroundThreadsIdle + '}';
    }
}
