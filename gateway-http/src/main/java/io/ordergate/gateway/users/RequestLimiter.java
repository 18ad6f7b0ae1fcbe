package io.ordergate.gateway.users;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Requests per signed-in user per clock minute ({@code auth.requests_per_minute}, 100 by default). Each user's
 * minute and count share one {@link AtomicLong} ({@code minute << 32 | count}) moved by compare-and-set, so the
 * event loops never lock. Thread safe.
 */
public final class RequestLimiter
{
    private static final long MINUTE_MILLIS = 60_000;

    private final Map<String, AtomicLong> windows = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final int perMinute;

    public RequestLimiter(final LongSupplier clockMillis, final int perMinute)
    {
        this.clockMillis = clockMillis;
        this.perMinute = perMinute;
    }

    /** Counts one request; @return 0 when allowed, else the seconds until the next minute (Retry-After). */
    public long acquire(final String userId)
    {
        final long now = clockMillis.getAsLong();
        final long minute = now / MINUTE_MILLIS;
        final AtomicLong window = windows.computeIfAbsent(userId, id -> new AtomicLong());
        while (true)
        {
            final long packed = window.get();
            final long packedMinute = packed >>> 32;
            final int count = (int)packed;
            final long next;
            if (packedMinute != minute)
            {
                next = minute << 32 | 1;
            }
            else if (count >= perMinute)
            {
                return Math.max(1, ((minute + 1) * MINUTE_MILLIS - now + 999) / 1000);
            }
            else
            {
                next = packed + 1;
            }
            if (window.compareAndSet(packed, next))
            {
                return 0;
            }
        }
    }

    public int perMinute()
    {
        return perMinute;
    }
}
