package io.ordergate.engine.position;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.change.Changes;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.order.Trades;
import io.ordergate.fixed.FixedPoint;

/**
 * Books fills into positions (net or hedging), balances and the trade history.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Ledger
{
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final Trades trades;
    private final HedgePositions hedges;
    private final ClosedPositions closed;
    private long nextPositionId = 1;
    /** The close record the fill being booked wrote (its {@link Trade#closeSeq}), 0 when it closed nothing. */
    private long closeOfFill;
    private Changes changes;

    public Ledger(final Trades trades, final HedgePositions hedges, final ClosedPositions closed)
    {
        this.trades = trades;
        this.hedges = hedges;
        this.closed = closed;
    }

    /** Where each booking is noted as changed (the engine's change set); once, while the engine is assembled. */
    public void changes(final Changes changes)
    {
        this.changes = changes;
    }

    public long nextPositionId()
    {
        return nextPositionId;
    }

    /** Takes a position id from the engine's sequence, for positions a venue holds itself (MT5 tickets). */
    public long newPositionId()
    {
        return nextPositionId++;
    }

    public HedgePositions hedges()
    {
        return hedges;
    }

    /** Every close, whole or partial, kept for performance ({@code GET /api/v1/positions/closed}). */
    public ClosedPositions closedPositions()
    {
        return closed;
    }

    /**
     * Books {@code quantity} (positive) of {@code order} filled at {@code price}, in the account's position mode, and
     * puts the order's stops on what the fill opened or added ({@link Stops}: the netting rule).
     *
     * @return the trade recorded for the fill
     */
    public Trade fill(final Account account, final Instrument instrument, final Order order, final long quantity, final long price,
        final long timeMicros)
    {
        final long fee = paperFee(account, instrument, quantity, price);
        if (account.hedging)
        {
            final Position target = order.closesPositionId == 0 ? null : HedgePositions.find(account, order.closesPositionId);
            if (target != null)
            {
                noteChange(account, target);
                return reduceHedge(account, instrument, target, order, quantity, price, fee, timeMicros);
            }
            final Position opened = hedges.take(account, instrument.index);
            if (opened != null)
            {
                noteChange(account, opened);
                open(account, opened, order.side == Side.BUY ? quantity : -quantity, price, timeMicros);
                opened.openFee = fee;
                PositionStops.addLeg(opened, Stops.WHOLE, order);
                return charge(account, record(account, instrument, order.side, quantity, price, order.orderId, 0, opened.positionId, timeMicros),
                    fee, timeMicros);
            }
            // The pool is exhausted: the fill still happened, so it is booked on the instrument's slot (as netting); a
            // close naming that slot's id finds it (HedgePositions.find) and reduces it like any hedging position.
        }
        final Position position = account.positions[instrument.index];
        final long before = position.quantity;
        final Trade trade = fill(account, instrument, order.side, quantity, price, order.orderId, fee, timeMicros);
        PositionStops.protect(position, before, order);
        return trade;
    }

    /**
     * The paper venue's fee of a fill: the account's fee rate ({@code fee_rate}, a fraction at wire digits) of the
     * fill's notional in the account's currency, rounded half-even to the cent; 0 without a rate or a conversion.
     */
    public static long paperFee(final Account account, final Instrument instrument, final long quantity, final long price)
    {
        if (account.feeRate == 0)
        {
            return 0;
        }
        final long notional = Valuation.notional(account, instrument, quantity, price);
        return notional == Valuation.NO_CONVERSION ? 0 : FixedPoint.mulDiv(notional, account.feeRate, FixedPoint.pow10(NewOrderBody.WIRE_DIGITS));
    }

    /** A fill without a fee: see {@link #fill(Account, Instrument, Side, long, long, long, long, long)}. */
    public Trade fill(
        final Account account, final Instrument instrument, final Side side, final long quantity, final long price,
        final long orderId, final long timeMicros)
    {
        return fill(account, instrument, side, quantity, price, orderId, 0, timeMicros);
    }

    /**
     * Applies one fill of {@code quantity} (positive) at {@code price} to the account's net position in the instrument.
     * Opening from flat or flipping through zero starts a new position id; reducing realizes PnL into the balance.
     * The caller puts the order's stops on ({@link PositionStops#protect}); {@link #fill(Account, Instrument, Order,
     * long, long, long)} does both, in either position mode.
     *
     * The fill's {@code fee} (money units, positive paid) is charged to the balance and shared between what it closed
     * and what it opened (their part of the quantity): a closed position's fee is its share of the fees that opened it
     * plus its share of the closing fill's.
     *
     * @return the trade recorded for the fill
     */
    public Trade fill(
        final Account account, final Instrument instrument, final Side side, final long quantity, final long price,
        final long orderId, final long fee, final long timeMicros)
    {
        final Position position = account.positions[instrument.index];
        noteChange(account, position);
        final long signed = side == Side.BUY ? quantity : -quantity;
        final long positionIdBefore = position.positionId;
        long realized = 0;

        if (position.quantity == 0)
        {
            open(account, position, signed, price, timeMicros);
            position.openFee = fee;
        }
        else if ((position.quantity > 0) == (signed > 0))
        {
            final long held = Math.abs(position.quantity);
            position.openCost = Math.addExact(position.openCost, Math.multiplyExact(quantity, price));
            position.openPrice = FixedPoint.mulDiv(1, position.openCost, held + quantity);
            position.quantity += signed;
            position.openFee += fee;
        }
        else
        {
            final long closing = Math.min(Math.abs(position.quantity), quantity);
            final long closingFee = FixedPoint.mulDiv(fee, closing, quantity);
            realized = realize(account, instrument, position, closing, price, closingFee, timeMicros);
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
                position.openFee = fee - closingFee;
            }
            else
            {
                position.quantity = remaining;
            }
        }
        // A fill that closes the position belongs to it, not to "no position" (flatten cleared the id).
        return charge(account, record(account, instrument, side, quantity, price, orderId, realized,
            position.isOpen() ? position.positionId : positionIdBefore, timeMicros), fee, timeMicros);
    }

    /**
     * A fee the venue told after the fill was booked (an exchange's commission that came after its fill): onto the
     * trade and off the balance, and where the fill's own fee would have gone ({@link #fill(Account, Instrument, Side,
     * long, long, long, long, long)}): the part for what the fill closed onto that close's record (its fee and PnL), the
     * rest into the entry fees of the position the fill opened or added to while it is open, or, when that position has
     * closed since, onto its last close's record. A record forgotten meanwhile leaves the fee on the trade and balance.
     */
    public void chargeLater(final Account account, final Instrument instrument, final Trade trade, final long fee, final long timeMicros)
    {
        if (fee == 0)
        {
            return;
        }
        final ClosedPosition closedByFill = trade.closeSeq == 0 ? null : closed.get(trade.closeSeq);
        final long closingFee = trade.closeSeq == 0 ? 0 : closedByFill == null ? fee : FixedPoint.mulDiv(fee, closedByFill.size, trade.quantity);
        chargeClose(closedByFill, closingFee);
        final long openingFee = fee - closingFee;
        if (openingFee != 0)
        {
            final Position position = openPosition(account, instrument, trade.positionId);
            if (position != null)
            {
                noteChange(account, position);
                position.openFee += openingFee;
            }
            else
            {
                chargeClose(lastClose(account, instrument, trade.positionId), openingFee);
            }
        }
        trade.fee += fee;
        book(account, -fee, timeMicros);
    }

    /** The account's open position with this id: the instrument's net slot, or (hedging) one of its own. */
    private static Position openPosition(final Account account, final Instrument instrument, final long positionId)
    {
        if (account.hedging)
        {
            return HedgePositions.find(account, positionId);
        }
        final Position slot = account.positions[instrument.index];
        return slot.isOpen() && slot.positionId == positionId ? slot : null;
    }

    /** The record of the newest close of the instrument's net slot when it closed the position with this id, else null. */
    private ClosedPosition lastClose(final Account account, final Instrument instrument, final long positionId)
    {
        final ClosedPosition close = closed.get(account.positions[instrument.index].lastCloseSeq);
        return close != null && close.accountIndex == account.index && close.positionId == positionId ? close : null;
    }

    private static void chargeClose(final ClosedPosition close, final long fee)
    {
        if (close != null)
        {
            close.fee += fee;
            close.pnl -= fee;
        }
    }

    /** Puts the fill's fee on its trade and takes it from the balance (a fee counts as a realized loss of the day). */
    private Trade charge(final Account account, final Trade trade, final long fee, final long timeMicros)
    {
        trade.fee = fee;
        if (fee != 0)
        {
            book(account, -fee, timeMicros);
        }
        return trade;
    }

    private void noteChange(final Account account, final Position position)
    {
        if (changes != null)
        {
            changes.position(account, position);
        }
    }

    /** Books realized PnL into the balance and the day's loss counter. */
    public void book(final Account account, final long realized, final long timeMicros)
    {
        if (changes != null)
        {
            changes.account(account);
        }
        final long day = timeMicros / MICROS_PER_DAY;
        // Only forward: a stamp from just before midnight reaching the ring after one from just after it must not
        // take the counter back a day and forget the new day's losses (stamps from several event loops interleave).
        if (day > account.lossDay)
        {
            account.lossDay = day;
            account.dailyRealizedPnl = 0;
        }
        account.balance += realized;
        account.realizedPnl += realized;
        account.dailyRealizedPnl += realized;
    }

    /**
     * A closing fill of one hedging position: at most what it holds; flat, it goes back to the pool (or, the
     * instrument's slot, goes flat).
     */
    private Trade reduceHedge(final Account account, final Instrument instrument, final Position position, final Order order,
        final long quantity, final long price, final long fee, final long timeMicros)
    {
        final long positionId = position.positionId;
        final long closing = Math.min(Math.abs(position.quantity), quantity);
        final long realized = realize(account, instrument, position, closing, price, fee, timeMicros);
        position.quantity += position.quantity > 0 ? -closing : closing;
        if (position.quantity == 0 && HedgePositions.isPooled(account, position))
        {
            hedges.giveBack(account, position);
            account.openPositions--;
        }
        else if (position.quantity == 0)
        {
            position.flatten();  // the instrument's slot, booked on while the pool was exhausted
            account.openPositions--;
        }
        else
        {
            position.stops.trimTo(Math.abs(position.quantity));  // the slot's legs by order lose what it no longer holds
        }
        return charge(account, record(account, instrument, order.side, quantity, price, order.orderId, realized, positionId, timeMicros),
            fee, timeMicros);
    }

    /**
     * The PnL of closing {@code closing} of the position at {@code price}, booked into the balance, and the close kept
     * in the closed-positions history (before the position changes) with its fee: {@code closingFee} (the closing
     * fill's share) plus the position's entry fees in proportion to what closes.
     */
    private long realize(final Account account, final Instrument instrument, final Position position, final long closing,
        final long price, final long closingFee, final long timeMicros)
    {
        final long held = Math.abs(position.quantity);
        final long entryFee = FixedPoint.mulDiv(position.openFee, closing, held);
        position.openFee -= entryFee;
        // The closed part's share of the exact cost (all of it on a full close), so the closes of a position add up to
        // exactly what its fills cost: no rounded average in between.
        final long cost = closing == held ? position.openCost : FixedPoint.mulDiv(position.openCost, closing, held);
        position.openCost -= cost;
        long realized = Valuation.pnlFromCost(account, instrument, position.quantity > 0 ? 1 : -1, closing, cost, price);
        if (realized == Valuation.NO_CONVERSION)
        {
            realized = 0;
        }
        book(account, realized, timeMicros);
        final ClosedPosition close = closed.next();
        close.source = ClosedPosition.SOURCE_PAPER;
        close.accountIndex = account.index;
        close.positionId = position.positionId;
        close.instrumentIndex = instrument.index;
        close.symbol = instrument.symbol;
        close.priceDigits = instrument.priceDigits;
        close.quantityDigits = instrument.quantityDigits;
        close.side = position.quantity > 0 ? Side.BUY : Side.SELL;
        close.size = closing;
        close.entryPrice = position.openPrice;
        close.exitPrice = price;
        close.money(realized, -(entryFee + closingFee), 0);
        close.openedAtMicros = position.openedAtMicros;
        close.closedAtMicros = timeMicros;
        close.finalClose = closing == Math.abs(position.quantity);
        position.lastCloseSeq = close.seq;
        closeOfFill = close.seq;
        return realized;
    }

    private Trade record(final Account account, final Instrument instrument, final Side side, final long quantity, final long price,
        final long orderId, final long realized, final long positionId, final long timeMicros)
    {
        final Trade trade = trades.next();
        trade.orderId = orderId;
        trade.accountIndex = account.index;
        trade.instrumentIndex = instrument.index;
        trade.side = side;
        trade.quantity = quantity;
        trade.price = price;
        trade.realizedPnl = realized;
        trade.positionId = positionId;
        trade.timeMicros = timeMicros;
        trade.closeSeq = closeOfFill;  // realize() ran just before for a fill that closed something
        closeOfFill = 0;
        return trade;
    }

    private void open(final Account account, final Position position, final long signed, final long price, final long timeMicros)
    {
        position.positionId = newPositionId();
        position.quantity = signed;
        position.openPrice = price;
        position.openCost = Math.multiplyExact(Math.abs(signed), price);
        position.openedAtMicros = timeMicros;
        account.openPositions++;
    }
}
