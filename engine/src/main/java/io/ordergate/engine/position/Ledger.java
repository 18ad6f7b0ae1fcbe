package io.ordergate.engine.position;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.order.Trades;
import io.ordergate.fixed.FixedPoint;

/**
 * Books fills into net positions, balances and the trade history.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Ledger
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Trades trades;
    private long nextPositionId = 1;

    public Ledger(final Trades trades)
    {
        this.trades = trades;
    }

    public long nextPositionId()
    {
        return nextPositionId;
    }

    /**
     * Applies one fill of {@code quantity} (positive) at {@code price}. Opening from flat or flipping through zero
     * starts a new position id; reducing realizes PnL into the balance.
     *
     * @return the trade recorded for the fill
     */
    public Trade fill(
        final Account account, final Instrument instrument, final Side side, final long quantity, final long price,
        final long orderId, final long timeMicros)
    {
        final Position position = account.positions[instrument.index];
        final long signed = side == Side.BUY ? quantity : -quantity;
        final long positionIdBefore = position.positionId;
        long realized = 0;

        if (position.quantity == 0)
        {
            open(account, position, signed, price, timeMicros);
        }
        else if ((position.quantity > 0) == (signed > 0))
        {
            final long held = Math.abs(position.quantity);
            position.openPrice = FixedPoint.mulDiv(1,
                Math.addExact(Math.multiplyExact(held, position.openPrice), Math.multiplyExact(quantity, price)), held + quantity);
            position.quantity += signed;
        }
        else
        {
            final long held = Math.abs(position.quantity);
            final long closing = Math.min(held, quantity);
            final int sign = position.quantity > 0 ? 1 : -1;
            realized = Valuation.pnl(account, instrument, sign, closing, position.openPrice, price);
            if (realized == Valuation.NO_CONVERSION)
            {
                realized = 0;
            }
            book(account, realized, timeMicros);
            final long remaining = position.quantity + signed;
            if (remaining == 0)
            {
                position.flatten();
                account.openPositions--;
            }
            else if ((remaining > 0) != (position.quantity > 0))
            {
                // Flipped through zero: the old position closed, the rest opens a new one at the fill price.
                position.flatten();
                account.openPositions--;
                open(account, position, remaining, price, timeMicros);
            }
            else
            {
                position.quantity = remaining;
            }
        }

        final Trade trade = trades.next();
        trade.orderId = orderId;
        trade.accountIndex = account.index;
        trade.instrumentIndex = instrument.index;
        trade.side = side;
        trade.quantity = quantity;
        trade.price = price;
        trade.realizedPnl = realized;
        // A fill that closes the position belongs to it, not to "no position" (flatten cleared the id).
        trade.positionId = position.isOpen() ? position.positionId : positionIdBefore;
        trade.timeMicros = timeMicros;
        return trade;
    }

    /** Books realized PnL into the balance and the day's loss counter. */
    public void book(final Account account, final long realized, final long timeMicros)
    {
        final long day = timeMicros / MICROS_PER_DAY;
        if (day != account.lossDay)
        {
            account.lossDay = day;
            account.dailyRealizedPnl = 0;
        }
        account.balance += realized;
        account.realizedPnl += realized;
        account.dailyRealizedPnl += realized;
    }

    private void open(final Account account, final Position position, final long signed, final long price, final long timeMicros)
    {
        position.positionId = nextPositionId++;
        position.quantity = signed;
        position.openPrice = price;
        position.openedAtMicros = timeMicros;
        account.openPositions++;
    }
}
