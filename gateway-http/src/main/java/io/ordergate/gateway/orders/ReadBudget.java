package io.ordergate.gateway.orders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * List rows each caller (API key or signed-in user) may read per second ({@code server.read_rows_per_second}): the
 * order, trade and position lists and the CSV exports are the gateway's heaviest answers, and clients looping on them
 * take the CPU that other clients' orders need (issue 9 item 7). A caller past its budget is answered 429
 * {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After} before anything is published.
 *
 * <p>A cell-rate (GCRA) bucket per caller held in one {@link AtomicLong}: the time at which the caller's bucket is full
 * again. A read may start while that time is at most the burst ahead of now; the rows each slice returns are paid when
 * the slice is gathered (the cost is known only then, so a small list is cheap and a full one is not). Event loops
 * and the reply thread move it by compare-and-set, never a lock. Thread safe.
 */
public final class ReadBudget
{
    /** A burst of this many seconds' worth, and never less than one full page. */
    private static final long BURST_SECONDS = 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<Integer, AtomicLong> fullAt = new ConcurrentHashMap<>();
    private final LongSupplier clockNanos;
    private final int rowsPerSecond;
    private final long nanosPerRow;
    private final long burstNanos;

    /** @param rowsPerSecond rows per caller per second; 0 = no budget */
    public ReadBudget(final int rowsPerSecond, final LongSupplier clockNanos)
    {
        this.rowsPerSecond = rowsPerSecond;
        this.clockNanos = clockNanos;
        this.nanosPerRow = rowsPerSecond == 0 ? 0 : NANOS_PER_SECOND / rowsPerSecond;
        this.burstNanos = Math.max(BURST_SECONDS * NANOS_PER_SECOND, ListQuery.MAX_LIMIT * nanosPerRow);
    }

    /** @return 0 when {@code principal} may start a list read now, else the whole seconds to wait (Retry-After) */
    long admit(final int principal)
    {
        final AtomicLong caller = rowsPerSecond == 0 ? null : fullAt.get(principal);
        if (caller == null)
        {
            return 0;
        }
        final long overdrawnNanos = caller.get() - burstNanos - clockNanos.getAsLong();
        return overdrawnNanos <= 0 ? 0 : Math.max(1, (overdrawnNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    /** Pays for {@code rows} read by {@code principal} (a slice also pays one for itself: an empty one still cost a look). */
    void spend(final int principal, final int rows)
    {
        if (rowsPerSecond == 0)
        {
            return;
        }
        final AtomicLong caller = fullAt.computeIfAbsent(principal, p -> new AtomicLong(clockNanos.getAsLong()));  // full now
        final long cost = (rows + 1L) * nanosPerRow;
        while (true)
        {
            final long now = clockNanos.getAsLong();
            final long was = caller.get();
            final long next = Math.max(was, now) + cost;
            if (caller.compareAndSet(was, next))
            {
                return;
            }
        }
    }

    public int rowsPerSecond()
    {
        return rowsPerSecond;
    }
}
