package io.ordergate.config;

/**
 * The stream sockets ({@code /ws/prices/{symbol}}, {@code /ws/{user_id}}): their bounds and timers. The number of
 * sockets a user or key may hold is {@code auth.max_websockets_per_user}. Immutable: safe from any thread.
 */
public final class StreamsConfig
{
    public static final int MAX_QUEUED_MESSAGES_DEFAULT = 1024;
    public static final int MAX_FRAME_BYTES_DEFAULT = 4096;
    public static final int MESSAGES_PER_SECOND_DEFAULT = 20;
    public static final int MAX_SUBSCRIPTIONS_PER_SOCKET_DEFAULT = 100;
    public static final int PING_SECONDS_DEFAULT = 20;
    public static final int ACCOUNT_REFRESH_MILLIS_DEFAULT = 1000;
    public static final int QUOTE_TURN_MICROS_DEFAULT = 200;
    public static final int QUOTE_PAUSE_MICROS_DEFAULT = 1000;
    public static final int EVENT_LOOP_THREADS_DEFAULT = 1;
    public static final int MAX_PENDING_REQUESTS_DEFAULT = 65_536;

    private final int maxQueuedMessages;
    private final int maxFrameBytes;
    private final int messagesPerSecond;
    private final int maxSubscriptionsPerSocket;
    private final int pingSeconds;
    private final int accountRefreshMillis;
    private final int quoteTurnMicros;
    private final int quotePauseMicros;
    private final int eventLoopThreads;
    private final int maxPendingRequests;

    StreamsConfig(final int maxQueuedMessages, final int maxFrameBytes, final int messagesPerSecond, final int maxSubscriptionsPerSocket,
        final int pingSeconds, final int accountRefreshMillis, final int quoteTurnMicros, final int quotePauseMicros,
        final int eventLoopThreads, final int maxPendingRequests)
    {
        this.maxQueuedMessages = maxQueuedMessages;
        this.maxFrameBytes = maxFrameBytes;
        this.messagesPerSecond = messagesPerSecond;
        this.maxSubscriptionsPerSocket = maxSubscriptionsPerSocket;
        this.pingSeconds = pingSeconds;
        this.accountRefreshMillis = accountRefreshMillis;
        this.quoteTurnMicros = quoteTurnMicros;
        this.quotePauseMicros = quotePauseMicros;
        this.eventLoopThreads = eventLoopThreads;
        this.maxPendingRequests = maxPendingRequests;
    }

    static StreamsConfig read(final YamlSection s)
    {
        final StreamsConfig config = new StreamsConfig(
            s.intValue("max_queued_messages", MAX_QUEUED_MESSAGES_DEFAULT, 16, 1_000_000),
            s.intValue("max_frame_bytes", MAX_FRAME_BYTES_DEFAULT, 256, 1 << 20),
            s.intValue("messages_per_second", MESSAGES_PER_SECOND_DEFAULT, 1, 10_000),
            s.intValue("max_subscriptions_per_socket", MAX_SUBSCRIPTIONS_PER_SOCKET_DEFAULT, 1, 10_000),
            s.intValue("ping_seconds", PING_SECONDS_DEFAULT, 1, 3600),
            s.intValue("account_refresh_millis", ACCOUNT_REFRESH_MILLIS_DEFAULT, 100, 60_000),
            s.intValue("quote_turn_micros", QUOTE_TURN_MICROS_DEFAULT, 0, 1_000_000),
            s.intValue("quote_pause_micros", QUOTE_PAUSE_MICROS_DEFAULT, 0, 1_000_000),
            s.intValue("event_loop_threads", EVENT_LOOP_THREADS_DEFAULT, 0, 64),
            s.intValue("max_pending_requests", MAX_PENDING_REQUESTS_DEFAULT, 16, 10_000_000));
        s.finish();
        return config;
    }

    /** Order, position and account messages a socket may have unwritten; one more closes it with 1008. */
    public int maxQueuedMessages()
    {
        return maxQueuedMessages;
    }

    /** The largest frame a client may send; a larger one closes the socket with 1009. */
    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    /** Messages a client may send per second on one socket (bursts of twice that). */
    public int messagesPerSecond()
    {
        return messagesPerSecond;
    }

    public int maxSubscriptionsPerSocket()
    {
        return maxSubscriptionsPerSocket;
    }

    /** A ping after this long without writing; a socket that sends nothing for three times this is closed. */
    public int pingSeconds()
    {
        return pingSeconds;
    }

    /** How often a subscribed account is valued again while quotes move its equity. */
    public int accountRefreshMillis()
    {
        return accountRefreshMillis;
    }

    /**
     * How long an event loop may spend writing quotes to its sockets in one turn before it pauses for
     * {@link #quotePauseMicros} to read and answer everything else (orders too, when the sockets stay on the HTTP loop:
     * {@link #eventLoopThreads} 0) and to leave the cores to the order path; 0 writes every socket as soon as its quotes
     * arrive, in one go.
     */
    public int quoteTurnMicros()
    {
        return quoteTurnMicros;
    }

    /** The pause between two turns of quote writing on an event loop (see {@link #quoteTurnMicros}). */
    public int quotePauseMicros()
    {
        return quotePauseMicros;
    }

    /**
     * Event loops of their own for the stream sockets ({@code og-stream-N}): a socket moves there before its handshake,
     * so writing quotes to many sockets never holds a loop that reads orders. 0: each socket stays on the HTTP loop
     * that accepted it.
     */
    public int eventLoopThreads()
    {
        return eventLoopThreads;
    }

    /**
     * Work the stream sockets may have handed the fan-out thread, all sockets together, before it has run it (subscribes
     * to quotes, unsubscribes, replies owed in turn): past it a socket's request is refused, so a fan-out that falls
     * behind holds a bounded queue, not the heap.
     */
    public int maxPendingRequests()
    {
        return maxPendingRequests;
    }

    @Override
    public String toString()
    {
        return "StreamsConfig{maxQueuedMessages=" + maxQueuedMessages + ", maxFrameBytes=" + maxFrameBytes + ", messagesPerSecond=" +
            messagesPerSecond + ", maxSubscriptionsPerSocket=" + maxSubscriptionsPerSocket + ", pingSeconds=" + pingSeconds +
            ", accountRefreshMillis=" + accountRefreshMillis + ", quoteTurnMicros=" + quoteTurnMicros + ", quotePauseMicros=" +
            quotePauseMicros + ", eventLoopThreads=" + eventLoopThreads +
            ", maxPendingRequests=" + maxPendingRequests + '}';
    }
}
