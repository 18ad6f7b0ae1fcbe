package io.ordergate.gateway.orders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * List rows each caller (API key or signed-in user) may read per second ({@code server.read_rows_per_second}), and all
 * callers together ({@code server.read_rows_per_second_total}): the order, trade and position lists and the CSV
 * exports are the gateway's heaviest answers, and clients looping on them take the CPU that other clients' orders
 * need (issue 9 item 7). The ceiling over all callers bounds that CPU however many keys read; each caller's own share
 * keeps one looper from taking all of it. A read past either is answered 429 {@code RATE_LIMIT_EXCEEDED} with
 * {@code Retry-After} before anything is published.
 *
 * <p>A cell-rate (GCRA) bucket per caller, and one for the gateway, each held in one {@link AtomicLong}: the time at
 * which the bucket is full again. A read may start while that time is at most the burst ahead of now; the rows each
 * slice returns are paid when the slice is gathered (the cost is known only then, so a small list is cheap and a full
 * one is not). Event loops and the reply thread move them by compare-and-set, never a lock. Thread safe.
 */
public final class ReadBudget
{
    /** A burst of this many seconds' worth, and never less than one full page. */
    private static final long BURST_SECONDS = 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<Integer, AtomicLong> callers = new ConcurrentHashMap<>();
    private final LongSupplier clockNanos;
    private final Rate perCaller;
    private final Rate total;
    private final AtomicLong gateway;

    /**
     * @param rowsPerSecond      rows per caller per second; 0 = no budget per caller
     * @param rowsPerSecondTotal rows per second over all callers together; 0 = no ceiling
     */
    public ReadBudget(final int rowsPerSecond, final int rowsPerSecondTotal, final LongSupplier clockNanos)
    {
        this.clockNanos = clockNanos;
        this.perCaller = new Rate(rowsPerSecond);
        this.total = new Rate(rowsPerSecondTotal);
        this.gateway = new AtomicLong(clockNanos.getAsLong());  // full now
    }

    /** @return 0 when {@code principal} may start a list read now, else the whole seconds to wait (Retry-After) */
    long callerWaitSeconds(final int principal)
    {
        final AtomicLong caller = perCaller.isOff() ? null : callers.get(principal);
        return caller == null ? 0 : perCaller.waitSeconds(caller.get(), clockNanos.getAsLong());
    }

    /** @return 0 when the gateway has list-read capacity left now, else the whole seconds to wait (Retry-After) */
    long gatewayWaitSeconds()
    {
        return total.isOff() ? 0 : total.waitSeconds(gateway.get(), clockNanos.getAsLong());
    }

    /** Pays for {@code rows} read by {@code principal} (a slice also pays one for itself: an empty one still cost a look). */
    void spend(final int principal, final int rows)
    {
        if (!perCaller.isOff())
        {
            perCaller.pay(callers.computeIfAbsent(principal, p -> new AtomicLong(clockNanos.getAsLong())), rows, clockNanos);
        }
        if (!total.isOff())
        {
            total.pay(gateway, rows, clockNanos);
        }
    }

    public int rowsPerSecond()
    {
        return perCaller.rowsPerSecond;
    }

    public int rowsPerSecondTotal()
    {
        return total.rowsPerSecond;
    }

    /** One bucket's rate and burst; the bucket itself is the {@link AtomicLong} passed in. */
    private static final class Rate
    {
        final int rowsPerSecond;
        final long nanosPerRow;
        final long burstNanos;

        Rate(final int rowsPerSecond)
        {
            this.rowsPerSecond = rowsPerSecond;
            this.nanosPerRow = rowsPerSecond == 0 ? 0 : NANOS_PER_SECOND / rowsPerSecond;
            this.burstNanos = Math.max(BURST_SECONDS * NANOS_PER_SECOND, ListQuery.MAX_LIMIT * nanosPerRow);
        }

        boolean isOff()
        {
            return rowsPerSecond == 0;
        }

        long waitSeconds(final long fullAtNanos, final long nowNanos)
        {
            final long overdrawnNanos = fullAtNanos - burstNanos - nowNanos;
            return overdrawnNanos <= 0 ? 0 : Math.max(1, (overdrawnNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
        }

        void pay(final AtomicLong fullAt, final int rows, final LongSupplier clockNanos)
        {
            final long cost = (rows + 1L) * nanosPerRow;
            while (true)
            {
                final long now = clockNanos.getAsLong();
                final long was = fullAt.get();
                final long next = Math.max(was, now) + cost;
                if (fullAt.compareAndSet(was, next))
                {
                    return;
                }
            }
        }
    }
}
