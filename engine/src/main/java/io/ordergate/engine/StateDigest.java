package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.Position;

/**
 * A 64-bit fingerprint of everything the engine holds, walked in index order (never hash order), so two engines
 * fed the same journal have the same digest. Used to prove replay rebuilds the same state.
 * <b>Not thread safe</b>: engine thread.
 */
final class StateDigest
{
    private long hash;

    long compute(final EngineState state)
    {
        hash = 0x6a09e667f3bcc908L;
        for (int i = 0; i < state.instruments.count(); i++)
        {
            final Instrument instrument = state.instruments.get(i);
            mix(instrument.bid);
            mix(instrument.ask);
            mix(instrument.quoteMicros);
        }
        mix(state.accounts.count());
        for (int a = 0; a < state.accounts.count(); a++)
        {
            final Account account = state.accounts.get(a);
            mix(account.id.hashCode());
            mix(account.status.ordinal());
            mix(account.balance);
            mix(account.realizedPnl);
            mix(account.openOrders);
            mix(account.openPositions);
            mix(account.throttleSecond);
            mix(account.throttleCount);
            mix(account.lossDay);
            mix(account.dailyRealizedPnl);
            mix(account.venue);
            mix(account.leverage);
            mix(account.currency.hashCode());
            mix(account.risk.maxOrderQuantity);
            mix(account.risk.maxPositionQuantity);
            mix(account.risk.maxOpenOrders);
            mix(account.risk.maxOrdersPerSecond);
            mix(account.risk.maxNotional);
            mix(account.risk.priceCollarPct);
            mix(account.risk.maxDailyLoss);
            for (final Position position : account.positions)
            {
                mix(position.positionId);
                mix(position.quantity);
                mix(position.openPrice);
                mix(position.stopLoss);
                mix(position.takeProfit);
                mix(position.openedAtMicros);
            }
        }
        mix(state.orders.nextOrderId());
        mix(state.orders.overflowCount());
        for (int back = 0; back < state.orders.rememberedSpan(); back++)
        {
            final Order order = state.orders.newest(back);
            if (order == null)
            {
                continue;
            }
            mix(order.orderId);
            mix(order.accountIndex);
            mix(order.instrumentIndex);
            mix(order.status.ordinal());
            mix(order.side == null ? -1 : order.side.code());
            mix(order.type == null ? -1 : order.type.code());
            mix(order.timeInForce == null ? -1 : order.timeInForce.code());
            mix(order.origin == null ? 0 : order.origin.hashCode());
            mix(order.isResting() ? 1 : 0);
            mix(order.quantity);
            mix(order.price);
            mix(order.stopLoss);
            mix(order.takeProfit);
            mix(order.filledQuantity);
            mix(order.averagePrice);
            mix(order.venueOrderId);
            mix(order.rejectCode == null ? -1 : order.rejectCode.ordinal());
            mix(order.positionId);
            mix(order.createdAtMicros);
            mix(order.updatedAtMicros);
            for (int i = 0; i < order.clientOrderIdLength; i++)
            {
                mix(order.clientOrderId[i]);
            }
        }
        mix(state.trades.count());
        for (int back = 0; ; back++)
        {
            final Trade trade = state.trades.newest(back);
            if (trade == null)
            {
                break;
            }
            mix(trade.tradeId);
            mix(trade.orderId);
            mix(trade.accountIndex);
            mix(trade.instrumentIndex);
            mix(trade.side.code());
            mix(trade.quantity);
            mix(trade.price);
            mix(trade.realizedPnl);
            mix(trade.positionId);
            mix(trade.timeMicros);
        }
        mix(state.ledger.nextPositionId());
        mix(state.principals.count());
        return hash;
    }

    private void mix(final long value)
    {
        hash = Long.rotateLeft(hash ^ (value * 0x9E3779B97F4A7C15L), 31) * 0xbf58476d1ce4e5b9L;
    }
}
