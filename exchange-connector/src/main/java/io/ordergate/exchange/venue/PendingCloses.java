package io.ordergate.exchange.venue;

import java.util.Arrays;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.position.HedgePositions;
import io.ordergate.engine.position.Position;

/**
 * What closing orders still working at the exchange already close of a position. The exchange answers later, so until
 * a close's fill comes back through the ring the engine still books the whole position: a second close (a close sent
 * twice, a stop reached meanwhile, a bot's closing signal) would ask for the same quantity again, and the exchange would
 * sell it twice and the engine book the excess as a new position the other way (ExchangeCloseTwiceTest).
 *
 * <p>Each account keeps the closes it routed; a close looks at those alone, not at every order the engine remembers
 * (an account with an old open order made that a walk over the whole order table per close), and drops the ones that
 * ended since. Every working close of an exchange account was routed here (the venue is the account's for life, and
 * the one that counts {@code Account.openOrders}), so the decisions are the ones the walk made. The lists are state (in
 * snapshots, rebuilt by replay), never in the digest. An account's list grows only when more of its closes are working at
 * once than ever before. <b>Not thread safe</b>: engine thread; allocates nothing in the steady state.
 */
final class PendingCloses
{
    /** Room for an account's first closes; doubled when more of them are working at once. */
    private static final int FIRST_ROOM = 4;

    /** Per account index, the closes routed (oldest first) and not yet seen ended; null before its first. */
    private final Order[][] routed;
    /** The id each of {@link #routed} had when routed: an ended order's object is reused for another once forgotten. */
    private final long[][] routedIds;
    private final int[] routedCount;
    /** The working order the last {@link #exceeded} found closing the position, for the refusal's message; 0 when none. */
    private transient long workingCloseId;  // scratch of one route, not state
    /** How many orders the closes asked so far looked at: what a close costs the engine thread, for tests. */
    private transient long ordersLookedAt;  // a measure, not state

    PendingCloses(final int maxAccounts)
    {
        routed = new Order[maxAccounts][];
        routedIds = new long[maxAccounts][];
        routedCount = new int[maxAccounts];
    }

    /**
     * Whether {@code close} (an order naming the position it closes, not yet routed) and the account's closing orders of
     * that position still working would together close more than the position holds.
     */
    boolean exceeded(final Account account, final Instrument instrument, final Order close)
    {
        workingCloseId = 0;
        final Position position = position(account, instrument, close.closesPositionId);
        if (position == null)
        {
            return false;
        }
        final Order[] closes = routed[account.index];
        final long[] ids = routedIds[account.index];
        final int count = routedCount[account.index];
        long closing = 0;
        int working = 0;
        for (int i = 0; i < count; i++)
        {
            final Order order = closes[i];
            ordersLookedAt++;
            if (order.orderId != ids[i] || order.status == null || order.status.isTerminal())
            {
                continue;  // ended: dropped from the list
            }
            closes[working] = order;
            ids[working++] = order.orderId;
            if (order.closesPositionId == close.closesPositionId)
            {
                closing += order.quantity - order.filledQuantity;
                workingCloseId = Math.max(workingCloseId, order.orderId);
            }
        }
        for (int i = working; i < count; i++)
        {
            closes[i] = null;
        }
        routedCount[account.index] = working;
        return closing > 0 && closing + close.quantity > Math.abs(position.quantity);
    }

    /** Notes {@code close}, just routed after {@link #exceeded} let it go, among the account's working closes. */
    void routed(final Account account, final Order close)
    {
        final int index = account.index;
        final int count = routedCount[index];
        if (routed[index] == null || count == routed[index].length)
        {
            // a new high of the account's closes working at once: not the steady state
            final int room = count == 0 ? FIRST_ROOM : count * 2;
            routed[index] = routed[index] == null ? new Order[room] : Arrays.copyOf(routed[index], room);
            routedIds[index] = routedIds[index] == null ? new long[room] : Arrays.copyOf(routedIds[index], room);
        }
        routed[index][count] = close;
        routedIds[index][count] = close.orderId;
        routedCount[index] = count + 1;
    }

    /** The newest working order closing the position, as the last {@link #exceeded} found it. */
    long workingCloseId()
    {
        return workingCloseId;
    }

    long ordersLookedAt()
    {
        return ordersLookedAt;
    }

    /** The position {@code positionId} names: a hedging account's own, or the net one in the instrument. */
    private static Position position(final Account account, final Instrument instrument, final long positionId)
    {
        final Position hedge = account.hedging ? HedgePositions.find(account, positionId) : null;
        if (hedge != null)
        {
            return hedge;
        }
        final Position net = account.positions[instrument.index];
        return net.positionId == positionId ? net : null;
    }
}
