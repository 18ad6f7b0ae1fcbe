package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.position.PositionCloser;
import io.ordergate.engine.venue.Venue;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing per child.
 * Closes a target's positions as children of a fan-out (close signals, bot terminate): one market order per
 * engine-booked position, made by {@link PositionCloser} as a close by id or close-all is, and the venue's own closing
 * orders for positions it holds. Not the single-order path: its quantity, notional and throttle limits and the
 * instrument's max_quantity bound what an order may open, and a close held back by them would leave open a position
 * the signal or terminate promised to close.
 */
public final class FanOutCloser
{
    private final EngineContext context;
    private final PositionCloser closer;
    private final FanOuts fanOuts;
    /** Where a venue reports the orders closing its own positions; made once so closing allocates nothing. */
    private final Venue.ClosingOrders venueClosing = this::recordVenueClosing;
    /** The fan-out {@link #venueClosing} records into, set only while a venue closes. */
    private FanOut closingFanOut;

    public FanOutCloser(final EngineContext context, final PositionCloser closer, final FanOuts fanOuts)
    {
        this.context = context;
        this.closer = closer;
        this.fanOuts = fanOuts;
    }

    /** Closes positions of one account: the instrument's ({@code instrument} non-null) or all, filtered by direction. */
    public void close(final CommandEvent event, final FanOut fanOut, final Member member, final Instrument only, final int action, final String origin)
    {
        final Account account = member.account;
        for (int i = 0; i < context.instruments().count(); i++)
        {
            if (only != null && only.index != i)
            {
                continue;
            }
            closeOne(event, fanOut, member, account.positions[i], action, origin);
        }
        Position hedge = account.firstHedge;
        while (hedge != null)
        {
            final Position next = hedge.nextHedge();
            if (only == null || only.index == hedge.instrumentIndex)
            {
                closeOne(event, fanOut, member, hedge, action, origin);
            }
            hedge = next;
        }
        // Positions a venue holds itself (MT5 tickets) are closed by that venue, one closing order per ticket.
        final Venue holder = context.positionHolder(account);
        if (holder != null)
        {
            final int direction = action == GroupBodies.ACTION_CLOSE_LONG ? 1 : action == GroupBodies.ACTION_CLOSE_SHORT ? -1 : 0;
            closingFanOut = fanOut;
            holder.closePositions(account, only == null ? -1 : only.index, direction, origin, event, venueClosing);
            closingFanOut = null;
        }
    }

    /** One market order closing one engine-booked position (net, or a hedging account's own), if the action covers it. */
    private void closeOne(final CommandEvent event, final FanOut fanOut, final Member member, final Position position, final int action,
        final String origin)
    {
        if (!position.isOpen()
            || (action == GroupBodies.ACTION_CLOSE_LONG && position.quantity < 0)
            || (action == GroupBodies.ACTION_CLOSE_SHORT && position.quantity > 0))
        {
            return;
        }
        final Account account = member.account;
        final int i = position.instrumentIndex;
        final Instrument instrument = context.instruments().get(i);
        final FanOutChild child = fanOuts.addChild(fanOut);
        child.accountIndex = account.index;
        child.instrumentIndex = i;
        child.venueSymbol = member.venueSymbol(i);
        child.quantity = Math.abs(position.quantity);
        final Order order = closer.close(account, instrument, position, child.quantity, origin, child.venueSymbol, fanOut.id, event);
        fanOut.record(child, order, order == null ? ResultCode.RISK_MAX_OPEN_ORDERS : null);
    }

    private void recordVenueClosing(final Order order, final ResultCode code)
    {
        if (order == null)
        {
            closingFanOut.errorCount++;  // no order, so no child to name it: counted, so the fan-out does not report success
            return;
        }
        final FanOutChild child = fanOuts.addChild(closingFanOut);
        child.accountIndex = order.accountIndex;
        child.instrumentIndex = order.instrumentIndex;
        child.venueSymbol = null;
        child.quantity = order.quantity;
        closingFanOut.record(child, order, code);
    }
}
