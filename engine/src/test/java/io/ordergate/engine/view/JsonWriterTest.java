package io.ordergate.engine.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

class JsonWriterTest
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
    private final JsonWriter json = new JsonWriter().wrap(buffer, 0);

    private String text()
    {
        return buffer.getStringWithoutLengthUtf8(0, json.length());
    }

    @Test
    void nestsObjectsAndArraysWithCommasInTheRightPlaces()
    {
        json.startObject()
            .name("a").number(1)
            .name("b").startArray().number(1).startObject().endObject().startArray().endArray().string("x").endArray()
            .name("c").startObject().name("d").nullValue().name("e").bool(true).endObject()
            .name("f").bool(false)
            .endObject();
        assertEquals("{\"a\":1,\"b\":[1,{},[],\"x\"],\"c\":{\"d\":null,\"e\":true},\"f\":false}", text());
    }

    @Test
    void escapesStrings()
    {
        json.startArray().string("q\"b\\n\nr\rt\tc\u0001").string("caf\u00e9 \u20ac").endArray();
        assertEquals("[\"q\\\"b\\\\n\\nr\\rt\\tc\\u0001\",\"caf\u00e9 \u20ac\"]", text());
    }

    @Test
    void writesCharactersOutsideTheBasicPlaneAsFourByteUtf8()
    {
        json.string("a\uD83D\uDE00b");
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        assertEquals("\"a\uD83D\uDE00b\"", new String(bytes, StandardCharsets.UTF_8));
        assertEquals(8, bytes.length, "quote, a, 4 bytes, b, quote");
    }

    @Test
    void writesDecimalsTrimmedAndIdsAsStrings()
    {
        json.startArray()
            .decimal(108_420, 5).decimal(100_000_00, 2).decimal(-5, 2).decimal(0, 8).decimal(1, 8)
            .decimalOrNull(OrderView.NONE, 5, OrderView.NONE).idString(42).string("paper-", 7)
            .endArray();
        assertEquals("[1.0842,100000,-0.05,0,0.00000001,null,\"42\",\"paper-7\"]", text());
    }

    @Test
    void writesIsoTimesWithMillisecondsAndNullForZero()
    {
        final String[] instants = {"1970-01-01T00:00:00.001Z", "2000-02-29T23:59:59.999Z", "2024-02-29T12:00:00.000Z",
            "2026-11-22T10:00:00.123Z", "2100-03-01T00:00:00.000Z", "1999-12-31T23:59:59.000Z", "2400-02-29T01:02:03.004Z",
            "1969-12-31T23:59:59.999Z"};
        for (final String iso : instants)
        {
            final Instant instant = Instant.parse(iso);
            final long micros = instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000 + 999;  // sub-millis are cut
            json.wrap(buffer, 0).time(micros);
            assertEquals('"' + iso + '"', text(), iso);
        }
        json.wrap(buffer, 0).time(0);
        assertEquals("null", text(), "time 0 means never");
    }

    @Test
    void orderJsonWritesEveryApiFieldAndTheExtrasOnlyWhenPresent()
    {
        final OrderView order = new OrderView();
        order.orderId = 12;
        order.accountId = "paper-1";
        order.symbol = "EURUSD";
        order.side = Side.SELL;
        order.type = OrderType.MARKET;
        order.timeInForce = TimeInForce.IOC;
        order.status = OrderStatus.REJECTED;
        order.priceDigits = 5;
        order.quantityDigits = 2;
        order.quantity = 10;
        order.rejectCode = ResultCode.NO_PRICE;
        order.createdAtMicros = 1_795_341_600_000_000L;
        order.updatedAtMicros = 1_795_341_600_001_000L;
        OrderJson.write(order, json);
        assertEquals("{\"order_id\":\"12\",\"client_order_id\":null,\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"sell\","
            + "\"type\":\"market\",\"quantity\":0.1,\"price\":null,\"stop_loss\":null,\"take_profit\":null,\"trailing_stop\":null,\"time_in_force\":\"ioc\","
            + "\"status\":\"rejected\",\"filled_quantity\":0,\"average_price\":null,\"venue_order_id\":null,\"reject_code\":\"NO_PRICE\","
            + "\"created_at\":\"2026-11-22T10:00:00.000Z\",\"updated_at\":\"2026-11-22T10:00:00.001Z\"}", text());

        order.clientOrderId[0] = 'c';
        order.clientOrderIdLength = 1;
        order.status = OrderStatus.FILLED;
        order.rejectCode = null;
        order.filledQuantity = 10;
        order.averagePrice = 108_420;
        order.venueOrderId = 3;
        order.venuePrefix = "paper-";
        order.positionId = 4;
        order.origin = "stop_loss";
        json.wrap(buffer, 0);
        OrderJson.write(order, json);
        final String text = text();
        assertEquals(true, text.contains("\"client_order_id\":\"c\""), text);
        assertEquals(true, text.contains("\"average_price\":1.0842,\"venue_order_id\":\"paper-3\",\"reject_code\":null,"
            + "\"position_id\":\"4\",\"origin\":\"stop_loss\""), text);
    }
}
