package io.ordergate.engine.view;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderView;

/** Renders an order as API.md's order object. Stateless: safe from any thread with its own writer. */
public final class OrderJson
{
    private OrderJson()
    {
    }

    public static void write(final OrderView order, final JsonWriter json)
    {
        json.startObject();
        writeFields(order, json);
        json.endObject();
    }

    /** The order's fields without the braces, so a rejection body can add its own around them. */
    public static void writeFields(final OrderView order, final JsonWriter json)
    {
        json.name("order_id").idString(order.orderId);
        json.name("client_order_id");
        if (order.clientOrderIdLength == 0)
        {
            json.nullValue();
        }
        else
        {
            json.string(order.clientOrderId, 0, order.clientOrderIdLength);
        }
        json.name("account_id").string(order.accountId);
        json.name("symbol").string(order.symbol);
        json.name("side").string(order.side.wireName());
        json.name("type").string(order.type.wireName());
        json.name("quantity").decimal(order.quantity, order.quantityDigits);
        json.name("price").decimalOrNull(order.price, order.priceDigits, OrderView.NONE);
        json.name("stop_loss").decimalOrNull(order.stopLoss, order.priceDigits, OrderView.NONE);
        json.name("take_profit").decimalOrNull(order.takeProfit, order.priceDigits, OrderView.NONE);
        json.name("trailing_stop");
        writeTrailingStop(json, order.trailingStopPct, order.trailingStopDistance, order.priceDigits);
        json.name("time_in_force").string(order.timeInForce.wireName());
        json.name("status").string(order.status.wireName());
        json.name("filled_quantity").decimal(order.filledQuantity, order.quantityDigits);
        json.name("average_price").decimalOrNull(order.averagePrice, order.priceDigits, OrderView.NONE);
        json.name("venue_order_id");
        if (order.venueOrderId == 0)
        {
            json.nullValue();
        }
        else
        {
            json.string(order.venuePrefix, order.venueOrderId);
        }
        json.name("reject_code").string(order.rejectCode == null ? null : order.rejectCode.name());
        if (order.rejectMessage != null)
        {
            json.name("reject_message").string(order.rejectMessage);
        }
        if (order.positionId != 0)
        {
            json.name("position_id").idString(order.positionId);
        }
        if (order.venueSymbol != null)
        {
            json.name("venue_symbol").string(order.venueSymbol);
        }
        if (order.groupOrderId != 0)
        {
            json.name("group_order_id").idString(order.groupOrderId);
        }
        if (order.origin != null)
        {
            json.name("origin").string(order.origin);
        }
        json.name("created_at").time(order.createdAtMicros);
        json.name("updated_at").time(order.updatedAtMicros);
    }

    /**
     * A trailing stop's distance: {@code {"pct": 1.5}} (percent of the price) or {@code {"distance": 0.002}} (price
     * units, given in pips), or null when there is none.
     */
    public static void writeTrailingStop(final JsonWriter json, final long pct, final long distance, final int priceDigits)
    {
        if (pct != 0)
        {
            json.startObject().name("pct").decimal(pct, NewOrderBody.WIRE_DIGITS).endObject();
        }
        else if (distance != 0)
        {
            json.startObject().name("distance").decimal(distance, priceDigits).endObject();
        }
        else
        {
            json.nullValue();
        }
    }
}
