package io.ordergate.config;

/**
 * Limits for executors, the programs beside each MT5 terminal: when one counts as offline, how often it may
 * call, and how its WebSocket is kept alive and bounded. Immutable: safe from any thread.
 */
public final class ExecutorConfig
{
    private static final int DAY_SECONDS = 86_400;

    private final int offlineAfterSeconds;
    private final int heartbeatLimit;
    private final int commandLimit;
    private final int tradeLimit;
    private final int gatewayTradeLimit;
    private final int rateWindowSeconds;
    private final int pingIntervalSeconds;
    private final int socketIdleTimeoutSeconds;
    private final int maxQueuedBytesPerSocket;
    private final int maxPendingCommands;
    private final int investorWaitSeconds;
    private final int maxSyncedDeals;
    private final int maxForgottenTickets;
    private final int trailingModifyIntervalMillis;

    ExecutorConfig(
        final int offlineAfterSeconds, final int heartbeatLimit, final int commandLimit, final int tradeLimit,
        final int rateWindowSeconds, final int pingIntervalSeconds, final int socketIdleTimeoutSeconds,
        final int maxQueuedBytesPerSocket, final int maxPendingCommands, final int investorWaitSeconds, final int maxSyncedDeals,
        final int maxForgottenTickets, final int trailingModifyIntervalMillis, final int gatewayTradeLimit)
    {
        this.investorWaitSeconds = investorWaitSeconds;
        this.maxSyncedDeals = maxSyncedDeals;
        this.maxForgottenTickets = maxForgottenTickets;
        this.trailingModifyIntervalMillis = trailingModifyIntervalMillis;
        this.offlineAfterSeconds = offlineAfterSeconds;
        this.heartbeatLimit = heartbeatLimit;
        this.commandLimit = commandLimit;
        this.tradeLimit = tradeLimit;
        this.gatewayTradeLimit = gatewayTradeLimit;
        this.rateWindowSeconds = rateWindowSeconds;
        this.pingIntervalSeconds = pingIntervalSeconds;
        this.socketIdleTimeoutSeconds = socketIdleTimeoutSeconds;
        this.maxQueuedBytesPerSocket = maxQueuedBytesPerSocket;
        this.maxPendingCommands = maxPendingCommands;
    }

    /**
     * Trade reports about the gateway's own trading (its magic number, or a ticket one of its commands opened) per
     * executor per window: a limit of their own, generous so an executor answering a burst of orders is never refused,
     * yet a bound on one that floods the engine with reports carrying the gateway's magic.
     */
    public int gatewayTradeLimit()
    {
        return gatewayTradeLimit;
    }

    static ExecutorConfig read(final YamlSection s)
    {
        final ExecutorConfig config = new ExecutorConfig(
            s.intValue("offline_after_seconds", 300, 1, DAY_SECONDS),
            s.intValue("heartbeat_limit", 120, 1, 1_000_000),
            s.intValue("command_limit", 60, 1, 1_000_000),
            s.intValue("trade_limit", 300, 1, 1_000_000),
            s.intValue("rate_window_seconds", 60, 1, DAY_SECONDS),
            s.intValue("ping_interval_seconds", 20, 1, DAY_SECONDS),
            s.intValue("socket_idle_timeout_seconds", 60, 1, DAY_SECONDS),
            s.intValue("max_queued_bytes_per_socket", 4 * 1024 * 1024, 64 * 1024, 1 << 30),
            s.intValue("max_pending_commands", 1000, 1, 10_000_000),
            s.intValue("investor_wait_seconds", 30, 1, 3600),
            s.intValue("max_synced_deals", 65_536, 16, 16_777_216),
            s.intValue("max_forgotten_tickets", 65_536, 16, 16_777_216),
            s.intValue("trailing_modify_interval_millis", 1000, 0, 3_600_000),
            s.intValue("gateway_trade_limit", 30_000, 1, 10_000_000));
        s.finish();
        return config;
    }

    /**
     * How long seed 004's connect, test and sync wait for the terminal's answer before answering 202 (the operation
     * goes on; its outcome shows in the connection's status).
     */
    public int investorWaitSeconds()
    {
        return investorWaitSeconds;
    }

    /**
     * The least time between two {@code MODIFY_POSITION} commands a trailing stop sends for one MT5 ticket (0: every
     * ratchet is sent), so a fast market does not flood the executor.
     */
    public int trailingModifyIntervalMillis()
    {
        return trailingModifyIntervalMillis;
    }

    /** How many closed deals history syncs may store across all accounts (each key remembered, a table sized once). */
    public int maxSyncedDeals()
    {
        return maxSyncedDeals;
    }

    /**
     * How many closed tickets booked through the gateway stay marked as booked once their {@code engine.max_tickets} slot
     * is reused (so a history sync does not book their deals again): a bound of their own, apart from the synced deals.
     */
    public int maxForgottenTickets()
    {
        return maxForgottenTickets;
    }

    /** An executor silent this long is shown offline and gets no new commands. */
    public int offlineAfterSeconds()
    {
        return offlineAfterSeconds;
    }

    /** Heartbeats allowed per executor per rate window. */
    public int heartbeatLimit()
    {
        return heartbeatLimit;
    }

    /** Command polls/results allowed per executor per rate window. */
    public int commandLimit()
    {
        return commandLimit;
    }

    /** Trade reports allowed per executor per rate window. */
    public int tradeLimit()
    {
        return tradeLimit;
    }

    public int rateWindowSeconds()
    {
        return rateWindowSeconds;
    }

    /** WebSocket ping interval towards executors. */
    public int pingIntervalSeconds()
    {
        return pingIntervalSeconds;
    }

    /** An executor WebSocket silent this long is closed. */
    public int socketIdleTimeoutSeconds()
    {
        return socketIdleTimeoutSeconds;
    }

    /**
     * Bytes written to one executor's socket and not yet taken by the peer (Netty's outbound buffer, as the channel's
     * writability counts them) past which the socket is cut off (1008): a reader that stopped reading.
     */
    public int maxQueuedBytesPerSocket()
    {
        return maxQueuedBytesPerSocket;
    }

    /**
     * Commands an executor has not answered yet past which new orders for its account are refused
     * {@code EXECUTOR_BUSY} (422): intake slows to the pace the executor keeps, instead of orders waiting routed.
     */
    public int maxPendingCommands()
    {
        return maxPendingCommands;
    }

    @Override
    public String toString()
    {
        return "ExecutorConfig{offlineAfterSeconds=" + offlineAfterSeconds + ", heartbeatLimit=" + heartbeatLimit +
            ", commandLimit=" + commandLimit + ", tradeLimit=" + tradeLimit +
            ", rateWindowSeconds=" + rateWindowSeconds + ", pingIntervalSeconds=" + pingIntervalSeconds +
            ", socketIdleTimeoutSeconds=" + socketIdleTimeoutSeconds +
            ", maxQueuedBytesPerSocket=" + maxQueuedBytesPerSocket + ", maxPendingCommands=" + maxPendingCommands + '}';
    }
}
