package io.ordergate.engine.order;

import io.ordergate.engine.command.Side;

/** One fill. <b>Not thread safe</b>: a preallocated slot of {@link Trades}, owned by the engine thread. */
public final class Trade
{
    public long tradeId;
    public long orderId;
    public int accountIndex;
    public int instrumentIndex;
    public Side side;
    public long quantity;
    public long price;
    /** PnL this fill realized, in money units (0 when it only opened or added). */
    public long realizedPnl;
    public long positionId;
    public long timeMicros;
}
