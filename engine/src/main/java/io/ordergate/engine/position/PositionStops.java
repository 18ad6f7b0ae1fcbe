package io.ordergate.engine.position;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;

/**
 * Stop losses and take profits of the engine's net positions: an order's stops are put on the position its fill
 * opened or added to, and each quote closes the positions whose stop or target it reached (by
 * {@link PositionCloser}, through the account's venue). Venue-held positions (MT5 tickets) are protected by their
 * venue. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class PositionStops
{
    private final Accounts accounts;
    private final PositionCloser closer;

    public PositionStops(final EngineContext context, final PositionCloser closer)
    {
        this.accounts = context.accounts();
        this.closer = closer;
    }

    /**
     * After a fill of {@code order} moved the position from {@code quantityBefore}: the order's stops protect the
     * position it opened or added to; a reducing fill leaves them as they were.
     */
    public static void protect(final Position position, final long quantityBefore, final Order order)
    {
        final long after = position.quantity;
        final boolean opened = quantityBefore == 0 || Long.signum(after) != Long.signum(quantityBefore);
        final boolean opensOrAdds = after != 0 && (opened || Math.abs(after) > Math.abs(quantityBefore));
        if (opensOrAdds)
        {
            if (order.stopLoss != OrderView.NONE)
            {
                position.stopLoss = order.stopLoss;
            }
            if (order.takeProfit != OrderView.NONE)
            {
                position.takeProfit = order.takeProfit;
            }
        }
    }

    /** Closes, account by account, every position in the instrument whose stop or target the current quote reached. */
    public void trigger(final Instrument instrument, final CommandEvent event)
    {
        for (int a = 0; a < accounts.count(); a++)
        {
            final Account account = accounts.get(a);
            final Position position = account.positions[instrument.index];
            if (!position.isOpen() || !position.hasProtection())
            {
                continue;
            }
            final boolean isLong = position.quantity > 0;
            final long mark = isLong ? instrument.bid : instrument.ask;
            final boolean stopHit = position.stopLoss != OrderView.NONE && (isLong ? mark <= position.stopLoss : mark >= position.stopLoss);
            final boolean targetHit = position.takeProfit != OrderView.NONE && (isLong ? mark >= position.takeProfit : mark <= position.takeProfit);
            if (stopHit || targetHit)
            {
                closer.close(account, instrument, Math.abs(position.quantity),
                    stopHit ? PositionCloser.ORIGIN_STOP_LOSS : PositionCloser.ORIGIN_TAKE_PROFIT, event);
            }
        }
    }
}
