package io.ordergate.engine.change;

import io.ordergate.engine.command.OrderView;

/**
 * A position as a command left it: open (changed or new), or {@link #closed} (its last id, quantity 0). Covers the
 * engine's net positions and those a venue holds itself (MT5 tickets).
 * <b>Not thread safe</b>: written by the engine stage, read by the stages after it (see {@link ChangeSet}).
 */
public final class PositionChange
{
    public long positionId;
    public String accountId;
    public String symbol;
    public int priceDigits;
    public int quantityDigits;
    /** True when the command closed the position (a flip closes one and opens another: two changes). */
    public boolean closed;
    /** True when the command opened it (from flat, or by a flip). */
    public boolean opened;
    public boolean isLong;
    /** Absolute, in the instrument's quantity units; 0 once closed. */
    public long quantity;
    public long openPrice;
    /** The price it is valued at (bid for a long, ask for a short), or {@link OrderView#NONE}. */
    public long currentPrice = OrderView.NONE;
    public long stopLoss = OrderView.NONE;
    public long takeProfit = OrderView.NONE;
    public long unrealizedPnl;
    public long openedAtMicros;
    /** The command's time. */
    public long timeMicros;
}
