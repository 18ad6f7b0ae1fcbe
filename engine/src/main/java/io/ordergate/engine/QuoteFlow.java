package io.ordergate.engine;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.position.Position;

/**
 * Applies quotes and what they trigger: resting limit/stop orders that become marketable, then stop losses and
 * take profits of open positions. A batch is validated whole before any quote in it is applied.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class QuoteFlow
{
    private final EngineState state;
    private final PaperMatching matching;
    private final BodyReader reader = new BodyReader();
    private final AsciiView symbol = new AsciiView();

    QuoteFlow(final EngineState state, final PaperMatching matching)
    {
        this.state = state;
        this.matching = matching;
    }

    void quotes(final CommandEvent event)
    {
        if (!validate(event))
        {
            return;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int count = reader.readInt();
        final long now = event.wallMicros();
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = state.instruments.find(reader.readString(symbol));
            instrument.bid = Wire.exact(reader.readLong(), instrument.priceDigits);
            instrument.ask = Wire.exact(reader.readLong(), instrument.priceDigits);
            instrument.quoteMicros = now;
            triggerResting(instrument, now);
            triggerStops(instrument, now);
        }
        event.result = ResultCode.ACCEPTED;
    }

    private boolean validate(final CommandEvent event)
    {
        if (!state.principals.requireAdmin(event))  // quotes are reference data (API.md)
        {
            return false;
        }
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final int count = reader.readInt();
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = state.instruments.find(reader.readString(symbol));
            final long bid = reader.readLong();
            final long ask = reader.readLong();
            if (instrument == null)
            {
                event.reject(ResultCode.UNKNOWN_SYMBOL, "unknown symbol", "symbol");
                return false;
            }
            final long exactBid = Wire.exact(bid, instrument.priceDigits);
            final long exactAsk = Wire.exact(ask, instrument.priceDigits);
            if (exactBid == Wire.INEXACT || exactBid <= 0)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "bid must be positive with at most the instrument's digits", "bid");
                return false;
            }
            if (exactAsk == Wire.INEXACT || exactAsk < exactBid)
            {
                event.reject(ResultCode.VALIDATION_ERROR, "ask must be at least the bid with at most the instrument's digits", "ask");
                return false;
            }
        }
        return true;
    }

    private void triggerResting(final Instrument instrument, final long now)
    {
        Order order = state.orders.firstResting(instrument.index);
        while (order != null)
        {
            final Order next = state.orders.nextResting(order);
            if (PaperMatching.isMarketable(order, instrument))
            {
                matching.fillResting(order, state.accounts.get(order.accountIndex), instrument, now);
            }
            order = next;
        }
    }

    private void triggerStops(final Instrument instrument, final long now)
    {
        for (int a = 0; a < state.accounts.count(); a++)
        {
            final Account account = state.accounts.get(a);
            final Position position = account.positions[instrument.index];
            if (!position.isOpen() || !position.hasProtection())
            {
                continue;
            }
            final boolean isLong = position.quantity > 0;
            final long mark = isLong ? instrument.bid : instrument.ask;
            final boolean stopHit = position.stopLoss != io.ordergate.engine.command.OrderView.NONE
                && (isLong ? mark <= position.stopLoss : mark >= position.stopLoss);
            final boolean targetHit = position.takeProfit != io.ordergate.engine.command.OrderView.NONE
                && (isLong ? mark >= position.takeProfit : mark <= position.takeProfit);
            if (stopHit || targetHit)
            {
                matching.close(account, instrument, Math.abs(position.quantity),
                    stopHit ? PaperMatching.ORIGIN_STOP_LOSS : PaperMatching.ORIGIN_TAKE_PROFIT, now);
            }
        }
    }
}
