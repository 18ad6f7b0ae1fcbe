package io.ordergate.exchange.client;

/**
 * The exchange's limits as this client sees them: request weight per minute and orders per short window, counted
 * locally as requests leave and corrected from the exchange's own headers as answers come. A request that would
 * pass {@link #HEADROOM} of a limit is held back until its window turns, so the exchange never has to refuse it; a
 * 429 holds everything back for its {@code Retry-After}; a 418 makes the venue unavailable until the ban ends.
 * Thread safe: every method holds the object's lock.
 */
public final class RateGovernor
{
    /** The share of a limit this client uses before it holds requests back. */
    static final double HEADROOM = 0.9;
    private static final long MINUTE = 60_000;

    private int weightLimit;
    private int orderLimit;
    private long heldBack;
    private final long orderWindow;
    private long weightWindow = -1;
    private int usedWeight;
    private long orderWindowIndex = -1;
    private int orders;
    private long backoffUntil;
    private long bannedUntil;

    public RateGovernor(final int weightLimit, final int orderLimit, final long orderWindowMillis)
    {
        this.weightLimit = weightLimit;
        this.orderLimit = orderLimit;
        this.orderWindow = orderWindowMillis;
    }

    /**
     * How long a request must wait before it may leave: 0 to send now (and it is counted), a positive delay to hold
     * it back, or -1 when a ban is in force (the request must not be sent at all).
     */
    public synchronized long admit(final int weight, final boolean placesOrder, final long now)
    {
        roll(now);
        if (now < bannedUntil)
        {
            return -1;
        }
        if (now < backoffUntil)
        {
            return backoffUntil - now;
        }
        if (usedWeight + weight > weightLimit * HEADROOM)
        {
            heldBack++;
            return (weightWindow + 1) * MINUTE - now;
        }
        if (placesOrder && orders + 1 > orderLimit * HEADROOM)
        {
            heldBack++;
            return (orderWindowIndex + 1) * orderWindow - now;
        }
        usedWeight += weight;
        if (placesOrder)
        {
            orders++;
        }
        return 0;
    }

    /**
     * The exchange's own counts from an answer's headers (-1 when a header was absent). They raise the local counts
     * (another client on the same key), never lower them: an answer tells what the exchange had counted when it took
     * that request, not the requests that left after it and are still on their way, which an overwrite would forget
     * (the answer to the first of six orders, arriving before the fifth left, let the fifth and sixth through). A count
     * is the window's its request was sent in: the answer to a request sent before a window turned tells the last
     * window's count, which would hold every request of the new window back for the whole window, so it is not taken.
     *
     * @param sentMillis when the answered request left (the {@code now} it was admitted at)
     */
    public synchronized void observed(final int weightHeader, final int orderHeader, final long sentMillis, final long now)
    {
        roll(now);
        if (weightHeader >= 0 && sentMillis / MINUTE == weightWindow)
        {
            usedWeight = Math.max(usedWeight, weightHeader);
        }
        if (orderHeader >= 0 && sentMillis / orderWindow == orderWindowIndex)
        {
            orders = Math.max(orders, orderHeader);
        }
    }

    /** The exchange's own published limits replace the dialect's defaults. */
    public synchronized void limits(final int weightPerMinute, final int ordersPerWindow)
    {
        weightLimit = weightPerMinute;
        orderLimit = ordersPerWindow;
    }

    /** How many times a request was held back to stay under a limit. */
    public synchronized long heldBack()
    {
        return heldBack;
    }

    public synchronized void rateLimited(final long retryAfterMillis, final long now)
    {
        backoffUntil = Math.max(backoffUntil, now + retryAfterMillis);
    }

    public synchronized void banned(final long retryAfterMillis, final long now)
    {
        bannedUntil = Math.max(bannedUntil, now + retryAfterMillis);
    }

    /** When the ban in force ends (epoch millis), or 0 when there is none. */
    public synchronized long bannedUntil(final long now)
    {
        return now < bannedUntil ? bannedUntil : 0;
    }

    public synchronized int usedWeight()
    {
        return usedWeight;
    }

    private void roll(final long now)
    {
        if (now / MINUTE != weightWindow)
        {
            weightWindow = now / MINUTE;
            usedWeight = 0;
        }
        if (now / orderWindow != orderWindowIndex)
        {
            orderWindowIndex = now / orderWindow;
            orders = 0;
        }
    }
}
