package io.ordergate.gateway.streams;

/**
 * Messages a client may send on one socket: {@code perSecond} a second, in bursts of up to twice that (a token
 * bucket on the caller's clock). Each subscribe costs a read through the ring, so a flood is refused, not published.
 * <b>Not thread safe</b>: one socket's event loop.
 */
final class InboundLimit
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int perSecond;
    private final long burst;
    private double tokens;
    private long lastNanos = Long.MIN_VALUE;

    InboundLimit(final int perSecond)
    {
        this.perSecond = perSecond;
        this.burst = 2L * perSecond;
        this.tokens = burst;
    }

    boolean tryAcquire(final long nowNanos)
    {
        if (lastNanos != Long.MIN_VALUE)
        {
            tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * (double)perSecond / NANOS_PER_SECOND);
        }
        lastNanos = nowNanos;
        if (tokens < 1)
        {
            return false;
        }
        tokens--;
        return true;
    }

    int perSecond()
    {
        return perSecond;
    }
}
