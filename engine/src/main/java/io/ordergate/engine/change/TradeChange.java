package io.ordergate.engine.change;

import io.ordergate.engine.command.Side;

/**
 * A fill a command made, copied out of the engine's trade table with what rendering it needs.
 * <b>Not thread safe</b>: written by the engine stage, read by the stages after it (see {@link ChangeSet}).
 */
public final class TradeChange
{
    public long tradeId;
    public long orderId;
    public String accountId;
    public String symbol;
    public int priceDigits;
    public int quantityDigits;
    public Side side;
    public long quantity;
    public long price;
    public long realizedPnl;
    /** What the fill cost in money units (positive paid); the balance moved by realizedPnl - fee. */
    public long fee;
    /** The position the fill opened, changed or closed, or 0. */
    public long positionId;
    public long timeMicros;
}
