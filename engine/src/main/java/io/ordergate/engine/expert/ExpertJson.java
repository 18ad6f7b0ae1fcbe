package io.ordergate.engine.expert;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.account.AccountStatus;
import io.ordergate.engine.account.Valuation;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.position.Position;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/**
 * Seed 001's answer shapes for experts, written by the engine into the event. Times are the command's, so an answer
 * is the same on replay. <b>Not thread safe</b>: engine thread; the static writers are safe with a caller's writer.
 */
public final class ExpertJson
{
    private final EngineContext context;

    ExpertJson(final EngineContext context)
    {
        this.context = context;
    }

    /** {@code POST /experts}: {@code {"success", "expert_id", "status", "connection_status", "timestamp", "account_id"}}. */
    void created(final CommandEvent event, final Expert expert)
    {
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true).name("expert_id").string(expert.id).name("status").string(expert.statusName())
            .name("connection_status").string(connectionStatus(expert)).name("timestamp").time(event.wallMicros())
            .name("account_id").string(expert.account.id);
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.CREATED;
    }

    /** {@code POST /experts/{id}/control}: {@code {"success", "expert_id", "new_status", "timestamp"}}. */
    void controlled(final CommandEvent event, final Expert expert)
    {
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true).name("expert_id").string(expert.id).name("new_status").string(expert.statusName())
            .name("timestamp").time(event.wallMicros());
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** {@code PUT /experts/{id}/strategy}: {@code {"success", "updated_parameters": [...], "timestamp"}}. */
    void strategyUpdated(final CommandEvent event, final Expert expert, final int flags)
    {
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("success").bool(true).name("expert_id").string(expert.id).name("updated_parameters").startArray();
        for (int bit = 0; bit < ExpertBodies.PARAMETER_NAMES.length; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                json.string(ExpertBodies.PARAMETER_NAMES[bit]);
            }
        }
        json.endArray().name("timestamp").time(event.wallMicros());
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** {@code GET /experts/{id}}: seed 001's status, with the strategy the expert runs. */
    void status(final CommandEvent event, final Expert expert)
    {
        final Account account = expert.account;
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("expert_id").string(expert.id).name("status").string(expert.statusName())
            .name("connection_status").string(connectionStatus(expert))
            .name("account_id").string(account.id)
            .name("active_positions").number(account.openPositions)
            .name("total_pnl").decimal(account.realizedPnl + context.values().unrealized(account), Money.DIGITS)
            .name("equity").decimal(context.values().equity(account), Money.DIGITS)
            .name("peak_equity").decimal(expert.peakEquity, Money.DIGITS)
            .name("last_updated").time(expert.updatedMicros)
            .name("created_at").time(expert.createdMicros);
        json.name("strategy_config").startObject()
            .name("symbol").string(expert.symbol == null ? null : expert.symbol.symbol)
            .name("timeframe").string(expert.timeframe)
            .name("strategy_id").number(expert.strategyId)
            .name("strategy_name").string(expert.strategyName)
            .name("leverage").decimal(expert.leverage, NewOrderBody.WIRE_DIGITS)
            .name("max_drawdown_pct").decimal(expert.maxDrawdownPct, NewOrderBody.WIRE_DIGITS)
            .name("size_type").string(ExpertBodies.SIZE_TYPE_NAMES[expert.sizeType])
            .name("size_value").decimal(expert.sizeValue, NewOrderBody.WIRE_DIGITS);
        pct(json, "stop_loss_pct", expert.stopLossPct);
        pct(json, "take_profit_pct", expert.takeProfitPct);
        pct(json, "trailing_stop_pct", expert.trailingStopPct);
        json.endObject().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    private static void pct(final JsonWriter json, final String name, final long value)
    {
        json.name(name);
        if (value == 0)
        {
            json.nullValue();
        }
        else
        {
            json.decimal(value, NewOrderBody.WIRE_DIGITS);
        }
    }

    /** "connected" while the account's venue can take orders (a paper account always can). */
    private String connectionStatus(final Expert expert)
    {
        return expert.account.status == AccountStatus.STOPPED ? "disconnected" : "connected";
    }

    /** Seed 001's order object: {@code average_fill_price}, not API.md's {@code average_price}. Allocates nothing. */
    public static void writeOrder(final OrderView order, final JsonWriter json)
    {
        json.startObject();
        json.name("order_id").idString(order.orderId);
        json.name("symbol").string(order.symbol);
        json.name("side").string(order.side.wireName());
        json.name("type").string(order.type.wireName());
        json.name("quantity").decimal(order.quantity, order.quantityDigits);
        json.name("price").decimalOrNull(order.price, order.priceDigits, OrderView.NONE);
        json.name("status").string(order.status.wireName());
        json.name("filled_quantity").decimal(order.filledQuantity, order.quantityDigits);
        json.name("average_fill_price").decimalOrNull(order.averagePrice, order.priceDigits, OrderView.NONE);
        json.name("stop_loss").decimalOrNull(order.stopLoss, order.priceDigits, OrderView.NONE);
        json.name("take_profit").decimalOrNull(order.takeProfit, order.priceDigits, OrderView.NONE);
        json.name("trailing_stop_pct");
        if (order.trailingStopPct == 0)
        {
            json.nullValue();
        }
        else
        {
            json.decimal(order.trailingStopPct, NewOrderBody.WIRE_DIGITS);
        }
        json.name("time_in_force").string(order.timeInForce.wireName());
        json.name("reject_code").string(order.rejectCode == null ? null : order.rejectCode.name());
        json.name("created_at").time(order.createdAtMicros);
        json.name("updated_at").time(order.updatedAtMicros);
        json.endObject();
    }

    /**
     * Seed 001's position: {@code side} long|short, {@code size}, {@code entry_price}, {@code created_at}. Its leverage, and
     * the margin and liquidation price measured with it, are the venue's for the symbol (a futures account's is the one
     * the expert's {@code strategy_config.leverage} set there; the account's own, 1 for an expert's exchange account, was
     * shown before 2026-12-05).
     */
    void writePosition(final JsonWriter json, final Account account, final Instrument instrument, final Position position)
    {
        final boolean isLong = position.quantity > 0;
        final int leverage = context.values().leverage(account, instrument);
        json.startObject();
        json.name("position_id").idString(position.positionId);
        json.name("symbol").string(instrument.symbol);
        json.name("side").string(isLong ? "long" : "short");
        json.name("size").decimal(Math.abs(position.quantity), instrument.quantityDigits);
        json.name("entry_price").decimal(position.openPrice, instrument.priceDigits);
        json.name("current_price").decimalOrNull(isLong ? instrument.bid : instrument.ask, instrument.priceDigits, OrderView.NONE);
        json.name("unrealized_pnl").decimal(Valuation.unrealized(account, instrument, position), Money.DIGITS);
        json.name("leverage").number(leverage);
        json.name("margin_used").decimal(context.values().margin(account, instrument, position), Money.DIGITS);
        json.name("liquidation_price").decimal(Valuation.liquidationPrice(position.openPrice, isLong, leverage),
            instrument.priceDigits);
        json.name("stop_loss").decimalOrNull(position.stopLoss(), instrument.priceDigits, OrderView.NONE);
        json.name("take_profit").decimalOrNull(position.takeProfit(), instrument.priceDigits, OrderView.NONE);
        json.name("created_at").time(position.openedAtMicros);
        json.endObject();
    }

    /**
     * {@code GET /experts/{id}/account/balance}: seed 001's {@code balances} per asset are the exchange's (USDT, BTC, ...
     * as read and streamed) for an exchange account, else the account currency's total, available and locked; then the
     * account's equity and margin.
     */
    void balance(final CommandEvent event, final Expert expert)
    {
        final Account account = expert.account;
        final long equity = context.values().equity(account);
        final long margin = context.values().marginUsed(account);
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("balances").startObject();
        if (!context.venueOf(account).writeAssetBalances(account, json))
        {
            json.name(account.currency).startObject()
                .name("total").decimal(account.balance, Money.DIGITS)
                .name("available").decimal(equity - margin, Money.DIGITS)
                .name("locked").decimal(margin, Money.DIGITS)
                .endObject();
        }
        json.endObject();
        json.name("equity").decimal(equity, Money.DIGITS)
            .name("margin").decimal(margin, Money.DIGITS)
            .name("available_margin").decimal(equity - margin, Money.DIGITS)
            .name("last_updated").time(event.wallMicros());
        json.endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }
}
