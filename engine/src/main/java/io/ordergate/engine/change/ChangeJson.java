package io.ordergate.engine.change;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/**
 * Renders the entries of a {@link ChangeSet} as API.md's objects, with the fields the reads answer with (orders:
 * {@code view.OrderJson}; positions, trades and accounts as {@code view.EngineJson} writes them), so a stream, a
 * webhook and a read of the same thing agree. A closed position is the position object with quantity 0 and
 * {@code "status": "closed"}. Stateless: safe from any thread with its own writer.
 */
public final class ChangeJson
{
    private ChangeJson()
    {
    }

    public static void position(final PositionChange position, final JsonWriter json)
    {
        json.startObject();
        json.name("position_id").idString(position.positionId);
        json.name("account_id").string(position.accountId);
        json.name("symbol").string(position.symbol);
        json.name("side").string(position.isLong ? "buy" : "sell");
        json.name("quantity").decimal(position.quantity, position.quantityDigits);
        json.name("open_price").decimal(position.openPrice, position.priceDigits);
        json.name("current_price").decimalOrNull(position.currentPrice, position.priceDigits, OrderView.NONE);
        json.name("stop_loss").decimalOrNull(position.stopLoss, position.priceDigits, OrderView.NONE);
        json.name("take_profit").decimalOrNull(position.takeProfit, position.priceDigits, OrderView.NONE);
        json.name("unrealized_pnl").decimal(position.unrealizedPnl, Money.DIGITS);
        json.name("opened_at").time(position.openedAtMicros);
        json.name("status").string(position.closed ? "closed" : "open");
        json.endObject();
    }

    public static void trade(final TradeChange trade, final JsonWriter json)
    {
        json.startObject();
        json.name("trade_id").idString(trade.tradeId);
        json.name("order_id").idString(trade.orderId);
        json.name("account_id").string(trade.accountId);
        json.name("symbol").string(trade.symbol);
        json.name("side").string(trade.side.wireName());
        json.name("quantity").decimal(trade.quantity, trade.quantityDigits);
        json.name("price").decimal(trade.price, trade.priceDigits);
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

    public static void account(final AccountChange account, final JsonWriter json)
    {
        json.startObject();
        json.name("account_id").string(account.accountId);
        json.name("venue").string(account.venue);
        json.name("status").string(account.status);
        json.name("currency").string(account.currency);
        json.name("leverage").number(account.leverage);
        json.name("balance").decimal(account.balance, Money.DIGITS);
        json.name("equity").decimal(account.equity, Money.DIGITS);
        json.name("margin_used").decimal(account.marginUsed, Money.DIGITS);
        json.name("margin_available").decimal(account.equity - account.marginUsed, Money.DIGITS);
        json.name("realized_pnl").decimal(account.realizedPnl, Money.DIGITS);
        json.name("unrealized_pnl").decimal(account.unrealizedPnl, Money.DIGITS);
        json.name("position_mode").string(account.positionMode);
        json.name("fee_rate").decimal(account.feeRate, io.ordergate.engine.command.NewOrderBody.WIRE_DIGITS);
        json.name("open_positions").number(account.openPositions);
        json.name("open_orders").number(account.openOrders);
        json.name("risk").startObject();
        limit(json, "max_order_quantity", account.maxOrderQuantity, NewOrderBody.WIRE_DIGITS);
        limit(json, "max_position_quantity", account.maxPositionQuantity, NewOrderBody.WIRE_DIGITS);
        limit(json, "max_open_orders", account.maxOpenOrders, 0);
        limit(json, "max_orders_per_second", account.maxOrdersPerSecond, 0);
        limit(json, "max_notional", account.maxNotional, Money.DIGITS);
        limit(json, "price_collar_pct", account.priceCollarPct, NewOrderBody.WIRE_DIGITS);
        limit(json, "max_daily_loss", account.maxDailyLoss, Money.DIGITS);
        json.endObject();
        json.name("created_at").time(account.createdAtMicros);
        json.endObject();
    }

    private static void limit(final JsonWriter json, final String name, final long value, final int digits)
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
}
