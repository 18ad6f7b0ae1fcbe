package io.ordergate.exchange.venue;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.position.HedgePositions;
import io.ordergate.engine.position.Position;

/**
 * What closing orders still working at the exchange already close of a position. The exchange answers later, so until
 * a close's fill comes back through the ring the engine still books the whole position: a second close (a close sent
 * twice, a stop reached meanwhile, a bot's closing signal) would ask for the same quantity again, and the exchange would
 * sell it twice and the engine book the excess as a new position the other way (ExchangeCloseTwiceTest). Only closes
 * ask: the account's working orders are looked at newest first, and the walk ends once every one of them was seen.
 * <b>Not thread safe</b>: engine thread; allocates nothing.
 */
final class PendingCloses
{
    private final Orders orders;
    /** The working order the last {@link #exceeded} found closing the position, for the refusal's message; 0 when none. */
    private transient long workingCloseId;  // scratch of one route, not state

    PendingCloses(final Orders orders)
    {
        this.orders = orders;
    }

    /**
     * Whether {@code close} (an order naming the position it closes, not yet routed) and the account's closing orders of
     * that position still working would together close more than the position holds.
     */
    boolean exceeded(final Account account, final Instrument instrument, final Order close)
    {
        workingCloseId = 0;
        final Position position = position(account, instrument, close.closesPositionId);
        if (position == null || account.openOrders == 0)
        {
            return false;
        }
        long closing = 0;
        int seen = 0;
        for (int back = 0; back < orders.rememberedSpan() && seen < account.openOrders; back++)
        {
            final Order order = orders.newest(back);
            if (order == null || order == close || order.accountIndex != account.index || order.status.isTerminal())
            {
                continue;
            }
            seen++;
            if (order.closesPositionId == close.closesPositionId)
            {
                closing += order.quantity - order.filledQuantity;
                workingCloseId = workingCloseId == 0 ? order.orderId : workingCloseId;
            }
        }
        return closing > 0 && closing + close.quantity > Math.abs(position.quantity);
    }

    /** The newest working order closing the position, as the last {@link #exceeded} found it. */
    long workingCloseId()
    {
        return workingCloseId;
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
