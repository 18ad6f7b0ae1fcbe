package io.ordergate.gateway.executors;

import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.config.ExecutorConfig;

/**
 * Seed 000's rate limits per executor: heartbeats, command results and trade reports, each so many per fixed window
 * (60 s by default), for what an executor sends on its own. A result for a command the gateway sent, or a trade report
 * about its own trading ({@link SentCommands}), is never counted or refused: the gateway asked for it, and refusing it
 * would leave the order routed. A repeat of a result the engine already took is counted ({@link SentCommands#recordAnswer}).
 * Thread safe: one small lock per executor and kind, taken by the event loops.
 */
public final class ExecutorRateLimits
{
    /** What is counted. */
    public enum Kind
    {
        HEARTBEAT,
        COMMAND,
        TRADE
    }

    /** Returned by {@link #acquire} when the call is allowed. */
    public static final int ALLOWED = 0;

    private final ExecutorConfig config;
    private final SentCommands sent;
    private final long windowNanos;
    private final ConcurrentHashMap<String, Window[]> windows = new ConcurrentHashMap<>();

    public ExecutorRateLimits(final ExecutorConfig config, final SentCommands sent)
    {
        this.config = config;
        this.sent = sent;
        this.windowNanos = config.rateWindowSeconds() * 1_000_000_000L;
    }

    /** A command result: {@link #ALLOWED} at once when it answers a command the gateway sent (its ticket is then the gateway's). */
    int acquireResult(final ExecutorKeys.Entry executor, final CommandResult result, final long nowNanos)
    {
        if (sent.wasSent(executor.executorIndex(), result.commandId()))
        {
            if ((result.flags() & io.ordergate.mt5.ExecutorBodies.RESULT_TICKET) != 0)
            {
                sent.ticketOpened(executor.executorIndex(), result.ticket());
            }
            return ALLOWED;
        }
        return acquire(executor.executorId(), Kind.COMMAND, nowNanos);
    }

    /** A trade report: {@link #ALLOWED} at once when it is about the gateway's own trading. */
    int acquireTrade(final ExecutorKeys.Entry executor, final TradeReport trade, final long nowNanos)
    {
        if (sent.isGatewayTrade(executor.executorIndex(), trade))
        {
            if (trade.kind() == io.ordergate.mt5.ExecutorBodies.TRADE_OPEN)
            {
                sent.ticketOpened(executor.executorIndex(), trade.ticket());
            }
            return ALLOWED;
        }
        return acquire(executor.executorId(), Kind.TRADE, nowNanos);
    }

    /**
     * Counts one call.
     *
     * @return {@link #ALLOWED}, or the whole seconds until the window ends (at least 1): the 429's {@code retryAfter}
     */
    public int acquire(final String executorId, final Kind kind, final long nowNanos)
    {
        final Window[] perKind = windows.computeIfAbsent(executorId, id -> new Window[] {new Window(), new Window(), new Window()});
        final int limit = kind == Kind.HEARTBEAT ? config.heartbeatLimit() : kind == Kind.COMMAND ? config.commandLimit() : config.tradeLimit();
        final Window window = perKind[kind.ordinal()];
        synchronized (window)
        {
            if (window.count == 0 || nowNanos - window.startNanos >= windowNanos)
            {
                window.startNanos = nowNanos;
                window.count = 0;
            }
            if (window.count < limit)
            {
                window.count++;
                return ALLOWED;
            }
            final long remaining = window.startNanos + windowNanos - nowNanos;
            return (int)Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
        }
    }

    private static final class Window
    {
        long startNanos;
        int count;
    }
}
