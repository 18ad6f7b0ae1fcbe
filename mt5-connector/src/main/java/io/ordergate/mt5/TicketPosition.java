package io.ordergate.mt5;

import io.ordergate.engine.Wire;
import io.ordergate.engine.change.HeldPosition;
import io.ordergate.engine.change.PositionChange;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.Side;

/**
 * One position an MT5 terminal holds, by its ticket, in a reusable slot of {@link Tickets}. Quantities and prices
 * are at the instrument's digits when the symbol is one of the gateway's, else at wire digits (8), the symbol then
 * kept as the terminal sent it. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class TicketPosition implements HeldPosition
{
    public static final long NONE = Long.MIN_VALUE;

    final int slot;

    public long ticket;
    /** From the engine's position sequence: the {@code position_id} clients close and modify it by. */
    public long positionId;
    public int accountIndex;
    /** -1 for a symbol the gateway does not know (opened by hand in the terminal). */
    public int instrumentIndex;
    public String symbol;
    public int priceDigits;
    public int quantityDigits;
    public Side side;
    public long lots;
    public long openPrice;
    public long stopLoss = NONE;
    public long takeProfit = NONE;
    /** A trailing stop the gateway moves with MODIFY_POSITION ({@link Mt5Trailing}): a percent (wire digits) or a price
     *  distance; both 0 for none. */
    public long trailingPct;
    public long trailingDistance;
    /** Where the trailing stop stands at the best price seen (NONE before a quote); sent when the throttle allows. */
    long trailingTarget = NONE;
    /** The stop the trailing last asked for (NONE before), and when: the throttle counts from there. */
    long trailedStop = NONE;
    long trailedAtMicros;
    /**
     * The sequence of the last CLOSE_POSITION sent for the whole ticket (0 for none). While that command waits for the
     * executor's answer the ticket is closing: a retried close or terminate answers with its closing order instead of
     * sending a second close the terminal would also act on. Its answer (executed or failed) ends the wait.
     */
    long wholeCloseSeq;
    /**
     * The sequence of the last MODIFY_POSITION the user gave by PATCH (0 for none). While it is pending the trailing
     * sends nothing (a trailed move would race the user's levels: it carries the ones confirmed so far); executed with a
     * stop loss, it ends the trailing; failed, the trailing goes on from the stop the terminal kept.
     */
    long stopChangeSeq;
    /**
     * The sequence of the last MODIFY_POSITION whose executed result set the levels (0 for none): the terminal runs a
     * ticket's modifies in order, so an earlier one's result that comes later sets nothing (it holds the last's). Not in
     * the venue's state digest: the levels it guards are, and a new term there would change the digest of every journal
     * with a modify in it, so the first start after an upgrade would find each clean-stop checkpoint diverged.
     */
    long modifiedSeq;
    public long magic;
    public long orderId;
    public long openedAtMicros;
    public boolean open;
    public long closePrice = NONE;
    public long closedAtMicros;
    /**
     * The money of the final close, by part (2 digits), and what of it is booked into the balance: the close's result
     * knows the profit only, the trade report the profit, commission and swap; whichever comes first, the balance ends
     * at the report's total, and a repeat books only the difference.
     */
    public long closeProfit;
    public long closeCommission;
    public long closeSwap;
    public boolean closeReported;
    public long booked;
    /** The closed-positions record of the final close, to correct its money when a later report tells more; 0 for none. */
    public long closeRecord;
    /**
     * The fills of the gateway's trade history for this ticket (0 for none yet): its opening, and its final close,
     * which carries the close's money as known now (a later report's commission and swap correct it).
     */
    public long openTradeId;
    public long closeTradeId;
    /** The trade of the last partial close, for the closing order's fill to be put on. */
    public long partTradeId;
    /**
     * Deal tickets of the last four partial closes applied (by result or report): a repeat of one changes nothing.
     * Four fields, not an array: the slots are made at start-up and marked by every collection.
     */
    long partialDeal0;
    long partialDeal1;
    long partialDeal2;
    long partialDeal3;
    int partialDealCount;
    /**
     * Partial closes of {@link #dealLessPartLots} each that CLOSE_POSITION results booked without a deal and no trade
     * report has named yet ({@link DealLessParts}). Not in the state digest (old checkpoints); it follows from the journal.
     */
    int dealLessParts;
    long dealLessPartLots;
    /** The next slot holding the same ticket number for another account, or -1. */
    int sameTicketNext = -1;
    /** Links in the account's list of open tickets, kept by {@link Tickets}. */
    TicketPosition nextOpen;
    TicketPosition prevOpen;

    /** True when the partial close of this deal was applied already. */
    boolean appliedPartial(final long deal)
    {
        return deal != 0 && (partialDeal0 == deal || partialDeal1 == deal || partialDeal2 == deal || partialDeal3 == deal);
    }

    void rememberPartial(final long deal)
    {
        if (deal == 0)
        {
            return;
        }
        switch (partialDealCount++ & 3)
        {
            case 0:
                partialDeal0 = deal;
                break;
            case 1:
                partialDeal1 = deal;
                break;
            case 2:
                partialDeal2 = deal;
                break;
            default:
                partialDeal3 = deal;
                break;
        }
    }

    TicketPosition(final int slot)
    {
        this.slot = slot;
    }

    @Override
    public void describe(final PositionChange change, final long commandMicros)
    {
        change.positionId = positionId;
        change.symbol = symbol;
        change.priceDigits = priceDigits;
        change.quantityDigits = quantityDigits;
        change.isLong = side != Side.SELL;
        change.quantity = open ? lots : 0;
        change.openPrice = openPrice;
        change.stopLoss = stopLoss == NONE ? OrderView.NONE : stopLoss;
        change.takeProfit = takeProfit == NONE ? OrderView.NONE : takeProfit;
        change.openedAtMicros = openedAtMicros;
        change.opened = open && openedAtMicros == commandMicros;
        change.closed = !open;
    }

    void reset()
    {
        ticket = 0;
        positionId = 0;
        accountIndex = -1;
        instrumentIndex = -1;
        symbol = null;
        priceDigits = 0;
        quantityDigits = 0;
        side = null;
        lots = 0;
        openPrice = 0;
        stopLoss = NONE;
        takeProfit = NONE;
        trailingPct = 0;
        trailingDistance = 0;
        trailingTarget = NONE;
        trailedStop = NONE;
        trailedAtMicros = 0;
        wholeCloseSeq = 0;
        stopChangeSeq = 0;
        modifiedSeq = 0;
        magic = 0;
        orderId = 0;
        openedAtMicros = 0;
        open = false;
        closePrice = NONE;
        closedAtMicros = 0;
        closeProfit = 0;
        closeCommission = 0;
        closeSwap = 0;
        closeReported = false;
        booked = 0;
        closeRecord = 0;
        openTradeId = 0;
        closeTradeId = 0;
        partTradeId = 0;
        partialDeal0 = 0;
        partialDeal1 = 0;
        partialDeal2 = 0;
        partialDeal3 = 0;
        partialDealCount = 0;
        dealLessParts = 0;
        dealLessPartLots = 0;
        sameTicketNext = -1;
        nextOpen = null;
        prevOpen = null;
    }

    /**
     * The executor failed a MODIFY_POSITION to {@code stopLoss}: when that was the trailing's last ask, the terminal
     * still holds the stop it had, so the trailing forgets the ask and the first quote the throttle lets through sends
     * the best price's stop again (a failed move taken as made would leave the ticket on its old stop until the price
     * went further). Applied from the journaled result, so replay does the same.
     */
    void trailRefused(final long stopLoss)
    {
        if (trailedStop != NONE && trailedStop == stopLoss)
        {
            trailedStop = NONE;
        }
    }

    /** A stop loss the user gave is in the terminal: the gateway moves it no more (API-REFERENCE, PATCH of a position). */
    void endTrailing()
    {
        trailingPct = 0;
        trailingDistance = 0;
        trailingTarget = NONE;
        trailedStop = NONE;
    }

    /** What {@link #level} answers for a stop that is not a valid price. */
    static final long INVALID = Long.MIN_VALUE + 1;

    /** A MODIFY_POSITION's stop: unchanged without its bit, NONE when removed, INVALID when not an exact positive price. */
    static long level(final int flags, final int bit, final long wireValue, final long current, final int digits)
    {
        if ((flags & bit) == 0)
        {
            return current;
        }
        if (wireValue == io.ordergate.engine.command.OrderView.NONE)
        {
            return TicketPosition.NONE;
        }
        final long value = Wire.exact(wireValue, digits);
        return value == Wire.INEXACT || value <= 0 ? INVALID : value;
    }
}
