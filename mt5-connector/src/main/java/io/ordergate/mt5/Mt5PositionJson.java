package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.engine.view.OrderJson;
import io.ordergate.fixed.Money;

/**
 * An open MT5 ticket as API.md's position object ({@code GET /api/v1/positions}, a stop change's answer), with its
 * ticket and its unrealized PnL at the gateway's quote. <b>Not thread safe</b>: engine thread.
 */
final class Mt5PositionJson
{
    private final EngineContext context;

    Mt5PositionJson(final EngineContext context)
    {
        this.context = context;
    }

    /** Writes one open position as API.md's position object, with its MT5 ticket. */
    void write(final TicketPosition position, final JsonWriter json)
    {
        final Account account = context.accounts().get(position.accountIndex);
        final Instrument instrument = position.instrumentIndex >= 0 ? context.instruments().get(position.instrumentIndex) : null;
        final boolean isLong = position.side == Side.BUY;
        json.startObject();
        json.name("position_id").idString(position.positionId);
        json.name("account_id").string(account.id);
        json.name("symbol").string(position.symbol);
        json.name("side").string(position.side == null ? null : position.side.wireName());
        json.name("quantity").decimal(position.lots, position.quantityDigits);
        json.name("open_price").decimal(position.openPrice, position.priceDigits);
        json.name("current_price");
        if (instrument != null && instrument.hasQuote())
        {
            json.decimal(isLong ? instrument.bid : instrument.ask, instrument.priceDigits);
        }
        else
        {
            json.nullValue();
        }
        json.name("stop_loss").decimalOrNull(position.stopLoss, position.priceDigits, TicketPosition.NONE);
        json.name("take_profit").decimalOrNull(position.takeProfit, position.priceDigits, TicketPosition.NONE);
        json.name("trailing_stop");
        OrderJson.writeTrailingStop(json, position.trailingPct, position.trailingDistance, position.priceDigits);
        json.name("unrealized_pnl").decimal(unrealized(account, instrument, position), Money.DIGITS);
        json.name("opened_at").time(position.openedAtMicros);
        json.name("ticket").idString(position.ticket);
        json.endObject();
    }

    /** A ticket's unrealized PnL in the account currency at the gateway's quote; 0 unpriced or unconvertible. */
    static long unrealized(final Account account, final Instrument instrument, final TicketPosition position)
    {
        if (instrument == null || !instrument.hasQuote() || !Valuation.canValue(account, instrument) || position.side == null)
        {
            return 0;
        }
        final boolean isLong = position.side == Side.BUY;
        final long pnl = Valuation.pnl(account, instrument, isLong ? 1 : -1, position.lots, position.openPrice,
            isLong ? instrument.bid : instrument.ask);
        return pnl == Valuation.NO_CONVERSION ? 0 : pnl;
    }
}
