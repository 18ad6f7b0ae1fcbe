package io.ordergate.gateway.exchange;

import java.math.BigDecimal;

import io.ordergate.engine.command.OrderView;
import io.ordergate.exchange.spi.OrderTicket;
import io.ordergate.exchange.venue.ExchangeOutbox;

/** How an exchange outbox record (the reply stage's fixed-point view) reads on the I/O side. Stateless. */
final class OutboxRecords
{
    private OutboxRecords()
    {
    }

    /** The order of a PLACE record as the exchange clients take it: decimals, names, and the client order id given. */
    static OrderTicket ticket(final ExchangeOutbox.Record record, final String clientOrderId)
    {
        final ExchangeOutbox.OrderRecord order = record.order();
        final String positionSide = order.positionSide() == ExchangeOutbox.POSITION_SIDE_LONG ? "LONG"
            : order.positionSide() == ExchangeOutbox.POSITION_SIDE_SHORT ? "SHORT" : null;
        return new OrderTicket(record.orderId(), clientOrderId, record.symbol(), order.side().name(), order.type().name(),
            order.timeInForce().name(), BigDecimal.valueOf(order.quantity(), order.quantityDigits()),
            order.price() == OrderView.NONE ? null : BigDecimal.valueOf(order.price(), order.priceDigits()), positionSide, order.reduceOnly());
    }

    /** What a record is about, for a log line. */
    static String kind(final ExchangeOutbox.Record record)
    {
        return record.kind() == ExchangeOutbox.SETTINGS ? "futures settings" : "order " + record.orderId();
    }
}
