package io.ordergate.engine.view;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountValues;
import io.ordergate.engine.account.Accounts;
import io.ordergate.engine.account.RiskLimits;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.position.Stops;
import io.ordergate.engine.venue.Venue;
import io.ordergate.fixed.FixedPoint;
import io.ordergate.fixed.Money;

/**
 * Renders engine state as API.md's JSON straight into the event's output buffer, for reads and admin answers.
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 */
public final class EngineJson
{
    private final Accounts accounts;
    private final Instruments instruments;
    private final AccountValues values;
    private static final int PERCENT_DIGITS = 4;
    private static final long PERCENT_ONE = FixedPoint.pow10(PERCENT_DIGITS);

    private final JsonWriter json = new JsonWriter();
    private io.ordergate.engine.venue.Venues venues;

    public EngineJson(final AccountValues values, final Accounts accounts, final Instruments instruments)
    {
        this.accounts = accounts;
        this.instruments = instruments;
        this.values = values;
    }

    /** The venues, so an account's view carries its venue's own fields (an exchange account's balances); before replay. */
    public void venues(final io.ordergate.engine.venue.Venues plugged)
    {
        this.venues = plugged;
    }

    /** Starts a JSON answer in the event's output buffer. Finish with {@link #end}. */
    public JsonWriter begin(final CommandEvent event)
    {
        return json.wrap(event.output, 0);
    }

    public void end(final CommandEvent event)
    {
        event.outputLength = json.length();
        event.outputKind = CommandEvent.OUTPUT_JSON;
    }

    public void account(final CommandEvent event, final Account account)
    {
        begin(event);
        writeAccount(account);
        end(event);
    }

    /**
     * {@code GET /accounts/{id}}, a path seed 003 shares: API.md's account with seed 003's envelope added, {@code "account":
     * {"account_info", "balances", "positions", "settings"}, "performance", "references", "ws_status"}, so both kinds of
     * client read what they expect.
     */
    public void seedAccount(final CommandEvent event, final Account account, final Venue holder)
    {
        begin(event).startObject();
        writeAccountFields(account);
        json.name("account").startObject().name("account_info");
        writeAccount(account);
        writeSeedAccountParts(account, holder);
        json.name("settings").startObject().endObject().endObject();
        writePerformance(account);
        json.name("references").startArray().endArray();
        json.name("ws_status").startObject().endObject();
        json.endObject();
        end(event);
    }

    public void position(final CommandEvent event, final Account account, final Instrument instrument, final Position position)
    {
        begin(event);
        writePosition(account, instrument, position);
        end(event);
    }

    public void writeAccount(final Account account)
    {
        json.startObject();
        writeAccountFields(account);
        json.endObject();
    }

    private void writeAccountFields(final Account account)
    {
        final long unrealized = values.unrealized(account);
        final long equity = values.equity(account);
        final long marginUsed = values.marginUsed(account);
        json.name("account_id").string(account.id);
        json.name("venue").string(account.venueName());
        json.name("status").string(account.status.wireName());
        json.name("currency").string(account.currency);
        json.name("leverage").number(account.leverage);
        json.name("balance").decimal(account.balance, Money.DIGITS);
        json.name("equity").decimal(equity, Money.DIGITS);
        json.name("margin_used").decimal(marginUsed, Money.DIGITS);
        json.name("margin_available").decimal(equity - marginUsed, Money.DIGITS);
        json.name("realized_pnl").decimal(account.realizedPnl, Money.DIGITS);
        json.name("unrealized_pnl").decimal(unrealized, Money.DIGITS);
        json.name("position_mode").string(account.positionModeName());
        json.name("fee_rate").decimal(account.feeRate, NewOrderBody.WIRE_DIGITS);
        json.name("open_positions").number(account.openPositions);
        json.name("open_orders").number(account.openOrders);
        json.name("risk");
        writeRisk(account.risk);
        if (venues != null)
        {
            venues.of(account).writeAccountDetails(account, json);
        }
        json.name("created_at").time(account.createdAtMicros);
    }

    /**
     * The rest of seed 003's account object, after its {@code account_info}: {@code balances} (the account currency's
     * total, available and locked: balance, free margin, margin used), {@code positions} ({@code {"open", "items"}}, the
     * API.md positions, a venue's own included), {@code performance} (realized and unrealized PnL) and {@code
     * references}.
     */
    public void writeSeedAccountParts(final Account account, final Venue holder)
    {
        final long equity = values.equity(account);
        final long marginUsed = values.marginUsed(account);
        json.name("balances").startObject().name(account.currency).startObject()
            .name("total").decimal(account.balance, Money.DIGITS)
            .name("available").decimal(equity - marginUsed, Money.DIGITS)
            .name("locked").decimal(marginUsed, Money.DIGITS)
            .endObject().endObject();
        json.name("positions").startObject().name("open").number(account.openPositions).name("items").startArray();
        if (holder != null)
        {
            holder.writePositions(account, json);
        }
        for (int i = 0; i < instruments.count(); i++)
        {
            if (account.positions[i].isOpen())
            {
                writePosition(account, instruments.get(i), account.positions[i]);
            }
        }
        for (Position hedge = account.firstHedge; hedge != null; hedge = hedge.nextHedge())
        {
            writePosition(account, instruments.get(hedge.instrumentIndex), hedge);
        }
        json.endArray().endObject();
        writePerformance(account);
        json.name("references").startArray().endArray();
    }

    private void writePerformance(final Account account)
    {
        json.name("performance").startObject()
            .name("realized_pnl").decimal(account.realizedPnl, Money.DIGITS)
            .name("unrealized_pnl").decimal(values.unrealized(account), Money.DIGITS)
            .endObject();
    }

    private void writeRisk(final RiskLimits risk)
    {
        json.startObject();
        limit("max_order_quantity", risk.maxOrderQuantity, NewOrderBody.WIRE_DIGITS);
        limit("max_position_quantity", risk.maxPositionQuantity, NewOrderBody.WIRE_DIGITS);
        limit("max_open_orders", risk.maxOpenOrders, 0);
        limit("max_orders_per_second", risk.maxOrdersPerSecond, 0);
        limit("max_notional", risk.maxNotional, Money.DIGITS);
        limit("price_collar_pct", risk.priceCollarPct, NewOrderBody.WIRE_DIGITS);
        limit("max_daily_loss", risk.maxDailyLoss, Money.DIGITS);
        json.endObject();
    }

    /** A limit of 0 means none and is shown as null. */
    private void limit(final String name, final long value, final int digits)
    {
        json.name(name);
        if (value == 0)
        {
            json.nullValue();
        }
        else
        {
            json.decimal(value, digits);
        }
    }

    /**
     * A position as API.md's position object. {@code pnl_percent} is the unrealized PnL over the margin the position
     * took at its open price (return on margin); {@code liquidation_price} is where that margin is gone (open price
     * times 1 - 1/leverage for a long, 1 + 1/leverage for a short; no maintenance margin). {@code stops} lists every
     * leg of its protection ({@link Stops}); {@code stop_loss}/{@code take_profit}/{@code trailing_stop} are the only
     * leg's, null when there are several.
     */
    public void writePosition(final Account account, final Instrument instrument, final Position position)
    {
        final boolean isLong = position.quantity > 0;
        final long held = Math.abs(position.quantity);
        final long unrealized = Valuation.unrealized(account, instrument, position);
        final int leverage = values.leverage(account, instrument);
        final long openMargin = Valuation.margin(account, instrument, held, position.openPrice, leverage);
        final Stops stops = position.stops;
        final int shown = stops.shown();
        json.startObject();
        json.name("position_id").idString(position.positionId);
        json.name("account_id").string(account.id);
        json.name("symbol").string(instrument.symbol);
        json.name("side").string(isLong ? "buy" : "sell");
        json.name("quantity").decimal(held, instrument.quantityDigits);
        json.name("open_price").decimal(position.openPrice, instrument.priceDigits);
        json.name("current_price").decimalOrNull(isLong ? instrument.bid : instrument.ask, instrument.priceDigits, OrderView.NONE);
        json.name("stop_loss").decimalOrNull(position.stopLoss(), instrument.priceDigits, OrderView.NONE);
        json.name("take_profit").decimalOrNull(position.takeProfit(), instrument.priceDigits, OrderView.NONE);
        json.name("trailing_stop");
        OrderJson.writeTrailingStop(json, shown < 0 ? 0 : stops.trailingPct(shown), shown < 0 ? 0 : stops.trailingDistance(shown),
            instrument.priceDigits);
        json.name("stops").startArray();
        for (int leg = 0; leg < stops.count(); leg++)
        {
            json.startObject();
            json.name("quantity");
            if (stops.quantity(leg) == Stops.WHOLE)
            {
                json.decimal(held, instrument.quantityDigits);
            }
            else
            {
                json.decimal(stops.quantity(leg), instrument.quantityDigits);
            }
            json.name("stop_loss").decimalOrNull(stops.stopLoss(leg), instrument.priceDigits, OrderView.NONE);
            json.name("take_profit").decimalOrNull(stops.takeProfit(leg), instrument.priceDigits, OrderView.NONE);
            json.name("trailing_stop");
            OrderJson.writeTrailingStop(json, stops.trailingPct(leg), stops.trailingDistance(leg), instrument.priceDigits);
            json.name("order_id");
            if (stops.orderId(leg) == 0)
            {
                json.nullValue();
            }
            else
            {
                json.idString(stops.orderId(leg));
            }
            json.endObject();
        }
        json.endArray();
        json.name("unrealized_pnl").decimal(unrealized, Money.DIGITS);
        json.name("pnl_percent");
        if (openMargin > 0)
        {
            json.decimal(FixedPoint.mulDiv(unrealized, 100 * PERCENT_ONE, openMargin), PERCENT_DIGITS);
        }
        else
        {
            json.nullValue();
        }
        json.name("leverage").number(leverage);
        json.name("margin_used").decimal(values.margin(account, instrument, position), Money.DIGITS);
        json.name("liquidation_price").decimal(Valuation.liquidationPrice(position.openPrice, isLong, leverage),
            instrument.priceDigits);
        json.name("opened_at").time(position.openedAtMicros);
        json.endObject();
    }

    public void writeTrade(final Trade trade)
    {
        final Account account = accounts.get(trade.accountIndex);
        final Instrument instrument = trade.instrumentIndex >= 0 ? instruments.get(trade.instrumentIndex) : null;
        json.startObject();
        json.name("trade_id").idString(trade.tradeId);
        json.name("order_id");
        if (trade.orderId == 0)
        {
            json.nullValue();  // a deal a history sync brought in: no order of the gateway's
        }
        else
        {
            json.idString(trade.orderId);
        }
        json.name("account_id").string(account.id);
        json.name("symbol").string(instrument != null ? instrument.symbol : trade.symbol);
        json.name("side").string(trade.side.wireName());
        json.name("quantity").decimal(trade.quantity, instrument != null ? instrument.quantityDigits : trade.quantityDigits);
        json.name("price").decimal(trade.price, instrument != null ? instrument.priceDigits : trade.priceDigits);
        json.name("realized_pnl").decimal(trade.realizedPnl, Money.DIGITS);
        json.name("fee").decimal(trade.fee, Money.DIGITS);
        json.name("position_id");
        if (trade.positionId == 0)
        {
            json.nullValue();
        }
        else
        {
            json.idString(trade.positionId);
        }
        json.name("time").time(trade.timeMicros);
        json.endObject();
    }

    public void writeQuote(final Instrument instrument)
    {
        json.startObject();
        json.name("symbol").string(instrument.symbol);
        json.name("bid").decimal(instrument.bid, instrument.priceDigits);
        json.name("ask").decimal(instrument.ask, instrument.priceDigits);
        json.name("time").time(instrument.quoteMicros);
        json.endObject();
    }

    public JsonWriter writer()
    {
        return json;
    }
}
