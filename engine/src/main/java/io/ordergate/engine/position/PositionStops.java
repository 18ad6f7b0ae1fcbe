package io.ordergate.engine.position;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.fixed.FixedPoint;

/**
 * Stop losses, take profits and trailing stops of the positions the engine books (net or hedging; venue-held MT5
 * tickets are the venue's): an order's stops are put on what its fill opened or added ({@link Stops} states the
 * netting rule), and each quote first moves trailing stops with the price (never back), then closes, leg by leg,
 * what a stop or target reached (by {@link PositionCloser}, through the account's venue). A leg whose closing order
 * could not be made or was rejected at once stays, and the next quote past its level tries again; one the venue refuses
 * later goes back on the position when that answer is applied ({@link #closeEnded}).
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 */
public final class PositionStops
{
    /** The refusal of a stop {@link #tooFar}, on a new order's field or a position's. */
    public static final String TOO_FAR = "the stop is further from the price than the instrument can value";
    private static final long HUNDRED_PERCENT = 100 * FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    private final Accounts accounts;
    private final PositionCloser closer;

    public PositionStops(final EngineContext context, final PositionCloser closer)
    {
        this.accounts = context.accounts();
        this.closer = closer;
    }

    /**
     * After a fill of {@code order} moved a net position from {@code quantityBefore}: the order's stops protect the
     * quantity it opened or added (a leg); a reducing fill takes its quantity out of the legs that no longer fit.
     */
    public static void protect(final Position position, final long quantityBefore, final Order order)
    {
        final long after = position.quantity;
        if (after == 0)
        {
            return;
        }
        final long held = Math.abs(after);
        final long heldBefore = Math.abs(quantityBefore);
        final boolean opened = quantityBefore == 0 || Long.signum(after) != Long.signum(quantityBefore);
        if (opened)
        {
            position.stops.clear();
            addLeg(position, held, order);
        }
        else if (held > heldBefore)
        {
            addLeg(position, held - heldBefore, order);
        }
        else
        {
            position.stops.trimTo(held);
        }
    }

    /** True when the order carries a stop loss, take profit or trailing stop. */
    public static boolean hasStops(final OrderView order)
    {
        return order.stopLoss != OrderView.NONE || order.takeProfit != OrderView.NONE || order.trailingStopPct != 0
            || order.trailingStopDistance != 0;
    }

    static void addLeg(final Position position, final long quantity, final Order order)
    {
        if (hasStops(order))
        {
            position.stops.add(quantity, order.stopLoss, order.takeProfit, order.trailingStopPct, order.trailingStopDistance,
                order.orderId);
        }
    }

    /**
     * Where a trailing stop stands for the price {@code mark}: {@code mark} less (long) or plus (short) the distance, a
     * percent of the mark or a fixed price distance, rounded half-even to the price's units. A short's stop past a long
     * is Long.MAX_VALUE, never a wrapped negative price: past {@link #maxStop}, it is never tighter than the stop its leg
     * has (one within it), so the stop stops trailing there. A long's is below zero at worst (the mark is positive).
     */
    public static long trailed(final boolean isLong, final long mark, final long pct, final long distance)
    {
        final long away = away(mark, pct, distance);
        if (isLong)
        {
            return mark - away;
        }
        return away > Long.MAX_VALUE - mark ? Long.MAX_VALUE : mark + away;
    }

    /** How far from {@code mark} a trailing stop stands: a percent of the mark or the fixed price distance. */
    public static long away(final long mark, final long pct, final long distance)
    {
        return pct != 0 ? FixedPoint.mulDiv(mark, pct, HUNDRED_PERCENT) : distance;
    }

    /**
     * The highest stop price, and the furthest a stop may be from its entry, that can be valued: the loss to a stop is
     * (stop - entry) x contract size, scaled to money (up to 100 times, {@code Valuation}); a stop past this would
     * overflow a long there (sizing a fan-out, risk) instead of being refused where it is given. EURUSD (5 digits,
     * 100,000 per lot) allows stops up to about 9,000,000.00000.
     */
    public static long maxStop(final Instrument instrument)
    {
        return Long.MAX_VALUE / Math.max(1, instrument.contractSize) / 100;
    }

    /**
     * Whether the stop or target {@code value} (positive) is past what {@code instrument} can value ({@link #maxStop}),
     * or as far from {@code entry} (NONE when there is no entry price yet).
     */
    public static boolean tooFar(final Instrument instrument, final long entry, final long value)
    {
        final long max = maxStop(instrument);
        return value > max || (entry != OrderView.NONE && Math.abs(entry - value) > max);
    }

    /** Whether {@code candidate} is a tighter stop than {@code current} (NONE counts as none). */
    public static boolean tighter(final boolean isLong, final long candidate, final long current)
    {
        if (candidate <= 0)
        {
            return false;
        }
        return current == OrderView.NONE || (isLong ? candidate > current : candidate < current);
    }

    /**
     * A venue's answer ended {@code order} (a journaled report, so replay does the same): when it was a stop's or
     * target's close that did not close all of its leg (rejected, expired or cancelled, in whole or in part), the leg
     * goes back on the position it came off, less what the order filled, and the next quote past its level closes it
     * again. A position closed or replaced meanwhile gets nothing back. Allocates nothing.
     */
    public static void closeEnded(final Account account, final Order order)
    {
        if (order.closedLegQuantity == 0 || !order.status.isTerminal())
        {
            return;
        }
        final long leg = order.closedLegQuantity;
        final long unclosed = leg == Stops.WHOLE ? Stops.WHOLE : leg - order.filledQuantity;
        final Position position = closedPosition(account, order);
        if (order.status != OrderStatus.FILLED && unclosed > 0 && position != null)
        {
            position.stops.add(unclosed, order.closedLegStopLoss, order.closedLegTakeProfit, order.closedLegTrailingPct,
                order.closedLegTrailingDistance, order.closedLegOrderId);
            position.stops.trimTo(Math.abs(position.quantity));
        }
        order.holdClosedLeg(0, 0, 0, 0, 0, 0);
    }

    /** The open position a closing order names: the account's net one in its instrument, or one of its hedges; else null. */
    private static Position closedPosition(final Account account, final Order order)
    {
        if (order.instrumentIndex >= 0)
        {
            final Position net = account.positions[order.instrumentIndex];
            if (net.positionId == order.closesPositionId && net.isOpen())
            {
                return net;
            }
        }
        final Position hedge = HedgePositions.find(account, order.closesPositionId);
        return hedge != null && hedge.isOpen() ? hedge : null;
    }

    /** For every account, every position in the instrument: trailing stops follow the quote, reached legs close. */
    public void trigger(final Instrument instrument, final CommandEvent event)
    {
        if (!instrument.hasQuote())
        {
            return;
        }
        for (int a = 0; a < accounts.count(); a++)
        {
            final Account account = accounts.get(a);
            final Position net = account.positions[instrument.index];
            if (net.isOpen() && net.hasProtection())
            {
                check(account, instrument, net, event);
            }
            Position position = account.firstHedge;
            while (position != null)
            {
                final Position next = position.nextHedge;
                if (position.instrumentIndex == instrument.index && position.hasProtection())
                {
                    check(account, instrument, position, event);
                }
                position = next;
            }
        }
    }

    private void check(final Account account, final Instrument instrument, final Position position, final CommandEvent event)
    {
        final long positionId = position.positionId;
        while (position.positionId == positionId && position.isOpen())
        {
            final Stops stops = position.stops;
            final boolean isLong = position.quantity > 0;
            final long mark = isLong ? instrument.bid : instrument.ask;
            // Every trailing leg follows the quote before any leg is closed: a close refused below ends this quote's
            // work on the position, and the legs after it must not miss the ratchet for it.
            for (int leg = 0; leg < stops.count(); leg++)
            {
                if (stops.isTrailing(leg))
                {
                    final long candidate = trailed(isLong, mark, stops.trailingPct(leg), stops.trailingDistance(leg));
                    if (tighter(isLong, candidate, stops.stopLoss(leg)))
                    {
                        stops.stopLoss(leg, candidate);
                    }
                }
            }
            int reached = -1;
            boolean stopLoss = false;
            for (int leg = 0; leg < stops.count() && reached < 0; leg++)
            {
                final long stop = stops.stopLoss(leg);
                final long target = stops.takeProfit(leg);
                if (stop != OrderView.NONE && (isLong ? mark <= stop : mark >= stop))
                {
                    reached = leg;
                    stopLoss = true;
                }
                else if (target != OrderView.NONE && (isLong ? mark >= target : mark <= target))
                {
                    reached = leg;
                }
            }
            if (reached < 0)
            {
                return;
            }
            final long held = Math.abs(position.quantity);
            final long legQuantity = stops.quantity(reached);
            final long legStopLoss = stops.stopLoss(reached);
            final long legTakeProfit = stops.takeProfit(reached);
            final long legTrailingPct = stops.trailingPct(reached);
            final long legTrailingDistance = stops.trailingDistance(reached);
            final long legOrderId = stops.orderId(reached);
            // Out before the close is made: a synchronous venue fills inside close(), and that fill's reduction must
            // not be taken out of the other legs. A routed close keeps it out, so the next quote does not send another.
            stops.remove(reached);
            final Order order = closer.close(account, instrument, position, legQuantity == Stops.WHOLE ? held : Math.min(legQuantity, held),
                stopLoss ? PositionCloser.ORIGIN_STOP_LOSS : PositionCloser.ORIGIN_TAKE_PROFIT, event);
            if (order == null || order.status == OrderStatus.REJECTED)
            {
                // Nothing was sent (the order table is full) or the venue refused it at once: the position keeps its
                // protection and the next quote past the level tries again. One try per position and quote, so a venue
                // that keeps refusing costs a rejected order per quote, never a loop within one.
                stops.insert(reached, legQuantity, legStopLoss, legTakeProfit, legTrailingPct, legTrailingDistance, legOrderId);
                return;
            }
            if (!order.status.isTerminal())
            {
                // Routed to a venue that answers later: the order keeps the leg, for closeEnded to put back if refused.
                order.holdClosedLeg(legQuantity, legStopLoss, legTakeProfit, legTrailingPct, legTrailingDistance, legOrderId);
            }
        }
    }
}
