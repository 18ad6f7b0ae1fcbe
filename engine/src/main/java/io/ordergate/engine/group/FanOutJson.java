package io.ordergate.engine.group;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.fixed.Money;

/**
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 * Renders a fan-out's answer (group order, webhook signal, the results of a bot terminate) from its children,
 * reading each child's order as it is now.
 */
public final class FanOutJson
{
    private final EngineContext context;
    private final FanOuts fanOuts;

    public FanOutJson(final EngineContext context, final FanOuts fanOuts)
    {
        this.context = context;
        this.fanOuts = fanOuts;
    }

    /** API.md's group order answer. */
    public void writeGroupOrder(final JsonWriter json, final FanOut fanOut)
    {
        json.startObject();
        json.name("group_order_id").idString(fanOut.id);
        json.name("success_count").number(fanOut.successCount);
        json.name("error_count").number(fanOut.errorCount);
        writeResults(json, fanOut);
        json.endObject();
    }

    /** Seed 003's webhook answer. */
    public void writeSignal(final JsonWriter json, final FanOut fanOut, final boolean duplicate)
    {
        json.startObject();
        json.name("success").bool(true);
        json.name("message").string(duplicate ? "Duplicate signal: already processed" : "Signal processed successfully");
        json.name("data").startObject();
        json.name("correlation_id").idString(fanOut.id);
        json.name("success_count").number(fanOut.successCount);
        json.name("error_count").number(fanOut.errorCount);
        writeResults(json, fanOut);
        if (duplicate)
        {
            json.name("duplicate").bool(true);
        }
        json.endObject();
        json.endObject();
    }

    public void writeResults(final JsonWriter json, final FanOut fanOut)
    {
        json.name("results").startArray();
        for (int i = 0; i < fanOut.childCount; i++)
        {
            final FanOutChild child = fanOuts.child(fanOut, i);
            if (child != null)
            {
                writeChild(json, child);
            }
        }
        json.endArray();
    }

    private void writeChild(final JsonWriter json, final FanOutChild child)
    {
        final Account account = context.accounts().get(child.accountIndex);
        final Order order = child.orderId == 0 ? null : context.orders().get(child.orderId);
        // A ticket opened by hand in the terminal may have a symbol the gateway doesn't know: the child kept its order's,
        // since the order itself may have left the orders table since.
        final Instrument instrument = child.instrumentIndex >= 0 ? context.instruments().get(child.instrumentIndex) : null;
        final String symbol = instrument != null ? instrument.symbol : child.symbol;
        final int quantityDigits = instrument != null ? instrument.quantityDigits : child.quantityDigits;
        final int priceDigits = instrument != null ? instrument.priceDigits : child.priceDigits;
        final OrderStatus status = order != null ? order.status : child.status;
        json.startObject();
        json.name("account_id").string(account.id);
        json.name("order_id");
        if (child.orderId == 0)
        {
            json.nullValue();
        }
        else
        {
            json.idString(child.orderId);
        }
        json.name("symbol").string(symbol);
        json.name("venue_symbol").string(child.venueSymbol != null ? child.venueSymbol : symbol);
        json.name("status").string(status.wireName());
        json.name("quantity").decimal(child.quantity, quantityDigits);
        if (order != null && order.filledQuantity != 0)
        {
            json.name("filled_quantity").decimal(order.filledQuantity, quantityDigits);
            json.name("average_price").decimalOrNull(order.averagePrice, priceDigits, OrderView.NONE);
        }
        final ResultCode rejectCode = order != null ? order.rejectCode : child.rejectCode;
        if (rejectCode != null)
        {
            json.name("reject_code").string(rejectCode.name());
            json.name("reject_message").string(rejectCode.defaultMessage());
        }
        json.name("sizing");
        if (child.mode == 0)
        {
            json.nullValue();
        }
        else
        {
            json.startObject();
            json.name("mode").string(Member.modeName(child.mode));
            json.name("inputs").startObject();
            optional(json, "signal_quantity", child.signalQuantity, NewOrderBody.WIRE_DIGITS);
            optional(json, "risk_percentage", child.riskPercentage, NewOrderBody.WIRE_DIGITS);
            json.name("value").decimal(child.value, NewOrderBody.WIRE_DIGITS);
            optional(json, "equity", child.equity, Money.DIGITS);
            optional(json, "stop_distance", child.stopDistance, instrument.priceDigits);
            optional(json, "loss_per_lot", child.lossPerLot, Money.DIGITS);
            optional(json, "leverage", child.leverage, NewOrderBody.WIRE_DIGITS);
            optional(json, "margin", child.margin, Money.DIGITS);
            json.endObject();
            json.name("basis").string(child.margin != OrderView.NONE ? "margin" : child.lossPerLot != OrderView.NONE ? "stop" : null);
            json.name("raw_quantity").decimal(child.rawQuantity, NewOrderBody.WIRE_DIGITS);
            json.name("quantity").decimal(child.quantity, instrument.quantityDigits);
            json.name("clamped_by").string(FanOutChild.clampName(child.clampedBy));
            json.endObject();
        }
        json.endObject();
    }

    private static void optional(final JsonWriter json, final String name, final long value, final int digits)
    {
        if (value != OrderView.NONE)
        {
            json.name(name).decimal(value, digits);
        }
    }
}
