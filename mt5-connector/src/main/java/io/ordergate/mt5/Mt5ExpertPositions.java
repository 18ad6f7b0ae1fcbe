package io.ordergate.mt5;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/**
 * An MT5 ticket as seed 001's expert position ({@code GET /experts/{id}/positions} of an expert on an MT5 account): the
 * fields of the engine's expert positions, measured as the engine measures the ticket: at the account's own leverage
 * (the margin of an MT5 ticket, {@link Valuation#margin(Account, Instrument, long, long)}), valued at the gateway's
 * quote. <b>Not thread safe</b>: engine thread.
 */
final class Mt5ExpertPositions
{
    private final EngineContext context;

    Mt5ExpertPositions(final EngineContext context)
    {
        this.context = context;
    }

    void write(final TicketPosition position, final JsonWriter json)
    {
        final Account account = context.accounts().get(position.accountIndex);
        final Instrument instrument = position.instrumentIndex >= 0 ? context.instruments().get(position.instrumentIndex) : null;
        final boolean isLong = position.side == Side.BUY;
        final boolean priced = instrument != null && instrument.hasQuote();
        final long mark = priced ? (isLong ? instrument.bid : instrument.ask) : position.openPrice;
        json.startObject();
        json.name("position_id").idString(position.positionId);
        json.name("symbol").string(position.symbol);
        json.name("side").string(position.side == null ? null : isLong ? "long" : "short");
        json.name("size").decimal(position.lots, position.quantityDigits);
        json.name("entry_price").decimal(position.openPrice, position.priceDigits);
        json.name("current_price");
        if (priced)
        {
            json.decimal(mark, position.priceDigits);
        }
        else
        {
            json.nullValue();
        }
        json.name("unrealized_pnl").decimal(Mt5PositionJson.unrealized(account, instrument, position), Money.DIGITS);
        json.name("leverage").number(account.leverage);
        json.name("margin_used").decimal(instrument == null ? 0 : Valuation.margin(account, instrument, position.lots, mark), Money.DIGITS);
        json.name("liquidation_price").decimal(Valuation.liquidationPrice(position.openPrice, isLong, account.leverage), position.priceDigits);
        json.name("stop_loss").decimalOrNull(position.stopLoss, position.priceDigits, TicketPosition.NONE);
        json.name("take_profit").decimalOrNull(position.takeProfit, position.priceDigits, TicketPosition.NONE);
        json.name("created_at").time(position.openedAtMicros);
        json.name("ticket").idString(position.ticket);
        json.endObject();
    }
}
