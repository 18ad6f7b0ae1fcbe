package io.ordergate.engine.position;

import io.ordergate.engine.command.Side;

/**
 * One close of a position, whole or partial: what performance is computed from. Prices at {@link #priceDigits},
 * the size at {@link #quantityDigits}, money at {@code Money.DIGITS}, all exact. A preallocated slot of
 * {@link ClosedPositions}. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class ClosedPosition
{
    /** Where a close was learned: the paper venue's fills, an MT5 terminal's reports, an MT5 history sync. */
    public static final int SOURCE_PAPER = 1;
    public static final int SOURCE_MT5_REPORT = 2;
    public static final int SOURCE_MT5_SYNC = 3;
    public static final int SOURCE_VENUE = 4;

    public static final long NONE = Long.MIN_VALUE;

    /** 1, 2, 3... in the order the engine learned of the closes; 0 for a slot never used. */
    public long seq;
    public int source;
    public int accountIndex;
    /** The gateway's position id (its position sequence), or 0 for a synced deal of a position it never held. */
    public long positionId;
    /** The instrument, or -1 for a symbol the gateway does not know (then {@link #symbol} is the venue's text). */
    public int instrumentIndex;
    public String symbol;
    public int priceDigits;
    public int quantityDigits;
    /** The direction of the position that was closed (a long is closed by a sell). */
    public Side side;
    public long size;
    public long entryPrice = NONE;
    public long exitPrice = NONE;
    /** Money the close moved the balance by: gross plus commission plus swap. */
    public long pnl;
    /** Profit before commission and swap. */
    public long grossPnl;
    /** Commission paid, as a positive number (a rebate is negative). */
    public long fee;
    /** Swap, as the venue books it (negative is a charge). */
    public long swap;
    public long openedAtMicros;
    public long closedAtMicros;
    /** The venue's own ids: the MT5 position ticket and the closing deal's ticket (0 when not known). */
    public long venuePositionId;
    public long dealTicket;
    /** True when this close left the position flat. */
    public boolean finalClose;

    void reset(final long seq)
    {
        this.seq = seq;
        source = 0;
        accountIndex = -1;
        positionId = 0;
        instrumentIndex = -1;
        symbol = null;
        priceDigits = 0;
        quantityDigits = 0;
        side = null;
        size = 0;
        entryPrice = NONE;
        exitPrice = NONE;
        pnl = 0;
        grossPnl = 0;
        fee = 0;
        swap = 0;
        openedAtMicros = 0;
        closedAtMicros = 0;
        venuePositionId = 0;
        dealTicket = 0;
        finalClose = false;
    }

    /** Sets the money of the close: pnl is their sum. */
    public void money(final long gross, final long commission, final long swapMoney)
    {
        this.grossPnl = gross;
        this.fee = -commission;
        this.swap = swapMoney;
        this.pnl = gross + commission + swapMoney;
    }
}
