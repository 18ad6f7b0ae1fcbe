package io.ordergate.engine.order;

import io.ordergate.engine.command.Side;

/** One fill. <b>Not thread safe</b>: a preallocated slot of {@link Trades}, owned by the engine thread. */
public final class Trade
{
    public long tradeId;
    public long orderId;
    public int accountIndex;
    /** The instrument, or -1 for a venue's symbol the gateway does not know (a synced MT5 deal): then the three below. */
    public int instrumentIndex;
    public String symbol;
    public int priceDigits;
    public int quantityDigits;
    public Side side;
    public long quantity;
    public long price;
    /** PnL this fill realized, in money units (0 when it only opened or added), before its fee. */
    public long realizedPnl;
    /**
     * What the fill cost, in money units (the account's currency): the paper venue's fee rate on its notional, an
     * exchange's commission, an MT5 deal's commission. Positive is paid (a rebate is negative). The balance moved by
     * {@code realizedPnl - fee}.
     */
    public long fee;
    public long positionId;
    public long timeMicros;
    /** The sequence of the close record ({@code ClosedPositions}) this fill wrote, 0 when it closed nothing. */
    public long closeSeq;
}
