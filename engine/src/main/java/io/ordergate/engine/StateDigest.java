package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.bot.Bot;
import io.ordergate.engine.group.FanOut;
import io.ordergate.engine.group.FanOutChild;
import io.ordergate.engine.group.FanOuts;
import io.ordergate.engine.group.Group;
import io.ordergate.engine.group.Member;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.ClosedPosition;
import io.ordergate.engine.position.ClosedPositions;
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
            mix(state.accounts.isRemoved(a) ? 1 : 0);
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
            mix(account.hedging ? 1 : 0);
            mix(account.feeRate);
            for (final Position position : account.positions)
            {
                position(position);
            }
            for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
            {
                mix(hedge.instrumentIndex);
                position(hedge);
            }
        }
        mix(state.orders.nextOrderId());
        // Not the current start epoch: every start raises it, and equal state across a restart must digest equal. The
        // epochs orders were made in are state (their outside names); only when set, so that a journal from before
        // start epochs keeps its checkpoints' digests.
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
            mix(order.trailingStopPct);
            mix(order.trailingStopDistance);
            mix(order.closesPositionId);
            mix(order.closedLegQuantity);
            mix(order.closedLegStopLoss);
            mix(order.closedLegTakeProfit);
            mix(order.closedLegTrailingPct);
            mix(order.closedLegTrailingDistance);
            mix(order.closedLegOrderId);
            mix(order.feeBooked);
            mix(order.feeCoveredQuantity);
            mix(order.termsFingerprint);
            mix(order.filledQuantity);
            mix(order.averagePrice);
            mix(order.venueOrderId);
            mix(order.realizedPnl);
            if (order.startEpoch != 0)
            {
                mix(order.startEpoch);  // see above
            }
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
            mix(trade.instrumentIndex < 0 ? text(trade.symbol) : 0);
            mix(trade.side.code());
            mix(trade.quantity);
            mix(trade.price);
            mix(trade.realizedPnl);
            mix(trade.fee);
            mix(trade.positionId);
            mix(trade.timeMicros);
        }
        closedPositions(state.closedPositions);
        mix(state.ledger.nextPositionId());
        mix(state.principals.count());
        groups(state);
        state.candles.digest(this::mix);
        return hash;
    }

    private void position(final Position position)
    {
        mix(position.positionId);
        mix(position.quantity);
        mix(position.openPrice);
        mix(position.openCost);
        mix(position.openedAtMicros);
        mix(position.openFee);
        mix(position.stops.digest(position.positionId));
    }

    private void closedPositions(final ClosedPositions closed)
    {
        mix(closed.count());
        for (int i = 0; i < closed.capacity(); i++)
        {
            final ClosedPosition close = closed.slot(i);
            if (close.seq == 0)
            {
                continue;
            }
            mix(close.seq);
            mix(close.source);
            mix(close.accountIndex);
            mix(close.positionId);
            mix(text(close.symbol));
            mix(close.side == null ? 0 : close.side.code());
            mix(close.size);
            mix(close.entryPrice);
            mix(close.exitPrice);
            mix(close.pnl);
            mix(close.grossPnl);
            mix(close.fee);
            mix(close.swap);
            mix(close.openedAtMicros);
            mix(close.closedAtMicros);
            mix(close.venuePositionId);
            mix(close.dealTicket);
            mix(close.finalClose ? 1 : 0);
        }
    }

    private void groups(final EngineState state)
    {
        mix(state.groups.count());
        for (int g = 0; g < state.groups.count(); g++)
        {
            final Group group = state.groups.get(g);
            mix(text(group.id));
            mix(text(group.name));
            mix(group.paused ? 1 : 0);
            mix(group.maxDrawdownPct);
            mix(group.riskLimitPct);
            mix(group.peakEquity);
            mix(group.updatedAtMicros);
            mix(group.memberCount());
            for (int m = 0; m < group.memberCount(); m++)
            {
                final Member member = group.member(m);
                mix(member.account.index);
                mix(member.mode);
                mix(member.value);
                for (int i = 0; i < state.instruments.count(); i++)
                {
                    mix(text(member.venueSymbol(i)));
                }
            }
        }
        mix(state.bots.count());
        for (int b = 0; b < state.bots.count(); b++)
        {
            final Bot bot = state.bots.get(b);
            mix(text(bot.id));
            mix(text(bot.name));
            mix(bot.status);
            mix(text(bot.group == null ? null : bot.group.id));
            mix(bot.updatedAtMicros);
        }
        final FanOuts fanOuts = state.fanOuts;
        mix(fanOuts.nextId());
        mix(fanOuts.nextChildSequence());
        for (long id = fanOuts.nextId() - 1; id > 0; id--)
        {
            final FanOut fanOut = fanOuts.get(id);
            if (fanOut == null)
            {
                break;
            }
            mix(fanOut.kind);
            mix(fanOut.successCount);
            mix(fanOut.errorCount);
            mix(fanOut.bodyHash);
            if (fanOut.ownerRetired())
            {
                mix(1);  // only when set, which no journal before keys were retired can hold: their digests stay as they were
            }
            mix(fanOut.createdAtMicros);
            for (int i = 0; i < fanOut.childCount; i++)
            {
                final FanOutChild child = fanOuts.child(fanOut, i);
                if (child != null)
                {
                    mix(child.accountIndex);
                    mix(child.orderId);
                    mix(child.quantity);
                    mix(child.rawQuantity);
                    mix(child.clampedBy);
                    mix(child.rejectCode == null ? -1 : child.rejectCode.ordinal());
                }
            }
        }
    }

    /** A stable hash of a string (String.hashCode is specified, so equal on every run); 0 for null. */
    private static long text(final String value)
    {
        return value == null ? 0 : value.hashCode();
    }

    private void mix(final long value)
    {
        hash = Long.rotateLeft(hash ^ (value * 0x9E3779B97F4A7C15L), 31) * 0xbf58476d1ce4e5b9L;
    }
}
