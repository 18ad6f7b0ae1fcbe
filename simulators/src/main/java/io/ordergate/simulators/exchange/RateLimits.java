package io.ordergate.simulators.exchange;

/**
 * The exchange's own limits, counted the way it publishes them: request weight per minute, orders per 10 seconds
 * and per day, in fixed windows. A request over a limit is refused with 429 and {@code Retry-After} (the seconds
 * to the window's end); a client that keeps sending through its 429s is banned with 418, as the real exchange
 * does. Thread safe: every method holds the object's lock (a simulator, not a hot path).
 */
final class RateLimits
{
    static final int DEFAULT_WEIGHT_PER_MINUTE = 6_000;
    static final int DEFAULT_ORDERS_PER_10S = 100;
    static final int DEFAULT_ORDERS_PER_DAY = 200_000;
    /** Requests refused with 429 in one window before the client is banned. */
    static final int REFUSALS_BEFORE_BAN = 20;
    static final int BAN_SECONDS = 120;

    private final int weightPerMinute;
    private final int ordersPer10s;
    private final int ordersPerDay;
    private long minute = -1;
    private int weight;
    private long tenSeconds = -1;
    private int orders10s;
    private long day = -1;
    private int ordersDay;
    private int refusals;
    private long bannedUntil;

    RateLimits(final int weightPerMinute, final int ordersPer10s, final int ordersPerDay)
    {
        this.weightPerMinute = weightPerMinute;
        this.ordersPer10s = ordersPer10s;
        this.ordersPerDay = ordersPerDay;
    }

    int weightPerMinute()
    {
        return weightPerMinute;
    }

    int ordersPer10s()
    {
        return ordersPer10s;
    }

    int ordersPerDay()
    {
        return ordersPerDay;
    }

    /** Counts a request's weight; throws 429 (or 418 once banned) when over the limit. */
    synchronized void weigh(final int requestWeight, final long now)
    {
        roll(now);
        if (now < bannedUntil)
        {
            throw banned(bannedUntil, now);
        }
        weight += requestWeight;
        if (weight > weightPerMinute)
        {
            refuse(now);
            throw new ExchangeError(429, -1003, "Too much request weight used; current limit is " + weightPerMinute
                + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.",
                secondsUntil((minute + 1) * 60_000L, now));
        }
    }

    /** Counts a new order; throws 429 {@code -1015} when over the 10-second or daily order limit. */
    synchronized void countOrder(final long now)
    {
        roll(now);
        orders10s++;
        ordersDay++;
        if (orders10s > ordersPer10s)
        {
            refuse(now);
            throw new ExchangeError(429, -1015, "Too many new orders; current limit is " + ordersPer10s + " orders per 10 SECOND.",
                secondsUntil((tenSeconds + 1) * 10_000L, now));
        }
        if (ordersDay > ordersPerDay)
        {
            throw new ExchangeError(429, -1015, "Too many new orders; current limit is " + ordersPerDay + " orders per 1 DAY.",
                secondsUntil((day + 1) * 86_400_000L, now));
        }
    }

    synchronized int usedWeight(final long now)
    {
        roll(now);
        return weight;
    }

    synchronized int orders10s(final long now)
    {
        roll(now);
        return orders10s;
    }

    synchronized int ordersDay(final long now)
    {
        roll(now);
        return ordersDay;
    }

    static ExchangeError banned(final long until, final long now)
    {
        return new ExchangeError(418, -1003, "Way too much request weight used; IP banned until " + until
            + ". Please use WebSocket Streams for live updates to avoid bans.", secondsUntil(until, now));
    }

    private void refuse(final long now)
    {
        if (++refusals > REFUSALS_BEFORE_BAN)
        {
            bannedUntil = now + BAN_SECONDS * 1_000L;
        }
    }

    private void roll(final long now)
    {
        if (now / 60_000L != minute)
        {
            minute = now / 60_000L;
            weight = 0;
            refusals = 0;
        }
        if (now / 10_000L != tenSeconds)
        {
            tenSeconds = now / 10_000L;
            orders10s = 0;
        }
        if (now / 86_400_000L != day)
        {
            day = now / 86_400_000L;
            ordersDay = 0;
        }
    }

    private static long secondsUntil(final long end, final long now)
    {
        return Math.max(1, (end - now + 999) / 1_000);
    }
}
