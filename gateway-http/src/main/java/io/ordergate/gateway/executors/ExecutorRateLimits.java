package io.ordergate.gateway.executors;

import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.config.ExecutorConfig;

/**
 * Seed 000's rate limits per executor: heartbeats, command results and trade reports, each so many per fixed window
 * (60 s by default), for what an executor sends on its own. A result for a command the gateway sent is never counted
 * or refused: the gateway asked for it, and refusing it would leave the order routed. A trade report about its own
 * trading ({@link SentCommands}) counts against a generous limit of its own ({@link Kind#GATEWAY_TRADE}). A repeat of a
 * result the engine already took is counted, and so is every result for a command after one the engine refused for
 * its numbers ({@link SentCommands#recordAnswer}).
 * Thread safe: one small lock per executor and kind, taken by the event loops.
 */
public final class ExecutorRateLimits
{
    /** What is counted. */
    public enum Kind
    {
        HEARTBEAT,
        COMMAND,
        TRADE,
        /** A trade report about the gateway's own trading: its own, generous limit ({@code executors.gateway_trade_limit}). */
        GATEWAY_TRADE
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

    /**
     * A trade report: one about the gateway's own trading counts against {@code executors.gateway_trade_limit}, not
     * seed 000's trade limit. Exempt, a report that merely carries the gateway's magic number let an executor flood the
     * engine and the journal without bound; under seed 000's limit, a burst of the gateway's own orders would be refused.
     */
    int acquireTrade(final ExecutorKeys.Entry executor, final TradeReport trade, final long nowNanos)
    {
        if (sent.isGatewayTrade(executor.executorIndex(), trade))
        {
            final int wait = acquire(executor.executorId(), Kind.GATEWAY_TRADE, nowNanos);
            if (wait == ALLOWED && trade.kind() == io.ordergate.mt5.ExecutorBodies.TRADE_OPEN)
            {
                sent.ticketOpened(executor.executorIndex(), trade.ticket());
            }
            return wait;
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
        final Window[] perKind = windows.computeIfAbsent(executorId, id -> new Window[] {new Window(), new Window(), new Window(), new Window()});
        final int limit = switch (kind)
        {
            case HEARTBEAT -> config.heartbeatLimit();
            case COMMAND -> config.commandLimit();
            case TRADE -> config.tradeLimit();
            case GATEWAY_TRADE -> config.gatewayTradeLimit();
        };
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
