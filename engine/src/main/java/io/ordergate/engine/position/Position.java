package io.ordergate.engine.position;

import io.ordergate.engine.command.OrderView;

/**
 * One position the engine books: the net position of an account in an instrument (netting, one slot each), or one
 * fill's own position on a hedging account (a slot of {@link HedgePositions}, linked into its account's list).
 * Flat when {@link #quantity} is 0. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Position
{
    /** Legs a net position keeps apart (orders adding with their own stops); a hedging position needs one. */
    static final int NETTING_LEGS = 8;

    public int accountIndex;
    public int instrumentIndex;

    /** 0 while flat; a new id from the engine's sequence each time the position opens from flat. */
    public long positionId;
    /** Signed, in the instrument's quantity units: positive long, negative short. */
    public long quantity;
    /** Volume-weighted open price in price units, rounded half-even to the instrument's digits: for display. */
    public long openPrice;
    /**
     * The exact cost of what is held (quantity units × price units): the fills that opened or added to it, less each
     * close's share. PnL is computed from it, so adding at several prices and closing rounds nothing but the money.
     */
    public long openCost;
    public long openedAtMicros;
    /** Fees paid by the fills that opened what is held (money units), not yet charged to a close; shared out as it closes. */
    public long openFee;
    /**
     * The sequence of the newest close record ({@link ClosedPositions}) written for this slot, kept when it goes flat:
     * a commission told after the position closed finds the record its fill's fee would have been shared into.
     */
    public long lastCloseSeq;
    /** Stop losses, take profits and trailing stops, each over the quantity it protects. */
    public final Stops stops;

    /** The next open position of the same hedging account (its list is in opening order), or null. */
    Position nextHedge;
    Position prevHedge;
    /** Owned by {@code change.Changes}: the command in which the position was last noted as changed. */
    public long changeStamp;

    public Position(final int accountIndex, final int instrumentIndex)
    {
        this(accountIndex, instrumentIndex, NETTING_LEGS);
    }

    Position(final int accountIndex, final int instrumentIndex, final int legs)
    {
        this.accountIndex = accountIndex;
        this.instrumentIndex = instrumentIndex;
        this.stops = new Stops(legs);
    }

    public boolean isOpen()
    {
        return quantity != 0;
    }

    public boolean hasProtection()
    {
        return stops.count() > 0;
    }

    /** The next open position of the same hedging account, or null after the last. */
    public Position nextHedge()
    {
        return nextHedge;
    }

    /** The stop loss a single-leg position shows (its only leg's), else NONE. */
    public long stopLoss()
    {
        final int leg = stops.shown();
        return leg < 0 ? OrderView.NONE : stops.stopLoss(leg);
    }

    public long takeProfit()
    {
        final int leg = stops.shown();
        return leg < 0 ? OrderView.NONE : stops.takeProfit(leg);
    }

    void flatten()
    {
        positionId = 0;
        quantity = 0;
        openPrice = 0;
        openCost = 0;
        openedAtMicros = 0;
        openFee = 0;
        stops.clear();
    }
}
