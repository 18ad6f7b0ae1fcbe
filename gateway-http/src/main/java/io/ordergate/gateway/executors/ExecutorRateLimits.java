package io.ordergate.gateway.executors;

import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.config.ExecutorConfig;

/**
 * Seed 000's rate limits per executor: heartbeats, command results and trade reports, each so many per fixed window
 * (60 s by default). Thread safe: one small lock per executor and kind, taken by the event loops.
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
    private final long windowNanos;
    private final ConcurrentHashMap<String, Window[]> windows = new ConcurrentHashMap<>();

    public ExecutorRateLimits(final ExecutorConfig config)
    {
        this.config = config;
        this.windowNanos = config.rateWindowSeconds() * 1_000_000_000L;
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
