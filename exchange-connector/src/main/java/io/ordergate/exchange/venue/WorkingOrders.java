package io.ordergate.exchange.venue;

import io.ordergate.engine.order.Order;

/**
 * How many orders each exchange account has working (routed, not yet ended) per instrument, kept as orders change
 * state, so EXCHANGE_POSITIONS asks per symbol instead of walking every order the engine remembers (tens of thousands,
 * of every account, at each user-data stream reconnect).
 *
 * <p>The counts are exactly what that walk found, because an exchange account's order lives one way only: it is made,
 * then either refused before it leaves (terminal at once, never counted) or marked routed in
 * {@link ExchangeVenue#route} ({@link #routed}); from there it stays working (routed, accepted, partially filled,
 * unknown after a restart) until an EXCHANGE_REPORT ends it, which goes through {@code ExchangeFlow.finish} once
 * ({@link #ended}: a report for an ended order changes nothing). A working order is never forgotten by the order table,
 * and an account's index is never given to another account. The counts are state (in snapshots, rebuilt by replay),
 * never in the digest. An account's row is made at its first routed order. <b>Not thread safe</b>: engine thread;
 * allocates nothing in the steady state.
 */
final class WorkingOrders
{
    /** Per account index, per instrument index, its orders working; null before the account's first routed order. */
    private final int[][] byAccount;
    private final int instrumentCount;

    WorkingOrders(final int maxAccounts, final int instrumentCount)
    {
        byAccount = new int[maxAccounts][];
        this.instrumentCount = instrumentCount;
    }

    /** {@code order} was just marked routed: it works until its report ends it. */
    void routed(final Order order)
    {
        if (byAccount[order.accountIndex] == null)
        {
            byAccount[order.accountIndex] = new int[instrumentCount];  // the account's first order: not the steady state
        }
        byAccount[order.accountIndex][order.instrumentIndex]++;
    }

    /** {@code order}, routed and working until now, has just ended (filled, cancelled, expired, refused by the exchange). */
    void ended(final Order order)
    {
        final int[] counts = byAccount[order.accountIndex];
        if (counts != null && counts[order.instrumentIndex] > 0)
        {
            counts[order.instrumentIndex]--;
        }
    }

    /** How many orders of the account in the instrument are still working (their reports will bring their fills). */
    int count(final int accountIndex, final int instrumentIndex)
    {
        final int[] counts = byAccount[accountIndex];
        return counts == null ? 0 : counts[instrumentIndex];
    }

    /** The account is removed: nothing is kept of it. */
    void accountRemoved(final int accountIndex)
    {
        byAccount[accountIndex] = null;
    }
}
