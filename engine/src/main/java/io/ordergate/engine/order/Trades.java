package io.ordergate.engine.order;

import io.ordergate.engine.change.Changes;

/**
 * The last {@code capacity} fills, newest overwriting oldest. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Trades
{
    private final Trade[] ring;
    private long nextTradeId = 1;
    private Changes changes;

    public Trades(final int capacity)
    {
        ring = new Trade[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ring[i] = new Trade();
        }
    }

    /** Where each fill is noted as changed (the engine's change set); once, while the engine is assembled. */
    public void changes(final Changes changes)
    {
        this.changes = changes;
    }

    public Trade next()
    {
        final long tradeId = nextTradeId++;
        final Trade trade = ring[(int)(tradeId % ring.length)];
        trade.tradeId = tradeId;
        trade.fee = 0;
        trade.closeSeq = 0;
        if (changes != null)
        {
            changes.trade(trade);
        }
        return trade;
    }

    /** Trades newest first: index 0 is the newest; null past the oldest remembered. */
    public Trade newest(final int back)
    {
        final long tradeId = nextTradeId - 1 - back;
        if (back >= ring.length || tradeId <= 0)
        {
            return null;
        }
        return ring[(int)(tradeId % ring.length)];
    }

    /** The trade with this id while it is still remembered, else null. */
    public Trade byId(final long tradeId)
    {
        if (tradeId <= 0 || tradeId >= nextTradeId || nextTradeId - tradeId > ring.length)
        {
            return null;
        }
        return ring[(int)(tradeId % ring.length)];
    }

    /** Notes a remembered fill changed after its command (an MT5 close's commission known later): streams hear it again. */
    public void changed(final Trade trade)
    {
        if (changes != null)
        {
            changes.trade(trade);
        }
    }

    public long count()
    {
        return nextTradeId - 1;
    }
}
