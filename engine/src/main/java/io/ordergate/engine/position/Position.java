package io.ordergate.engine.position;

import io.ordergate.engine.command.OrderView;

/**
 * The net position of one account in one instrument (paper venue netting). Flat when {@link #quantity} is 0.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Position
{
    public final int accountIndex;
    public final int instrumentIndex;

    /** 0 while flat; a new id from the engine's sequence each time the position opens from flat. */
    public long positionId;
    /** Signed, in the instrument's quantity units: positive long, negative short. */
    public long quantity;
    /** Volume-weighted open price in price units, rounded half-even to the instrument's digits. */
    public long openPrice;
    public long stopLoss = OrderView.NONE;
    public long takeProfit = OrderView.NONE;
    public long openedAtMicros;

    public Position(final int accountIndex, final int instrumentIndex)
    {
        this.accountIndex = accountIndex;
        this.instrumentIndex = instrumentIndex;
    }

    public boolean isOpen()
    {
        return quantity != 0;
    }

    public boolean hasProtection()
    {
        return stopLoss != OrderView.NONE || takeProfit != OrderView.NONE;
    }

    void flatten()
    {
        positionId = 0;
        quantity = 0;
        openPrice = 0;
        stopLoss = OrderView.NONE;
        takeProfit = OrderView.NONE;
        openedAtMicros = 0;
    }
}
