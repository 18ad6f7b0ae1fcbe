package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;

/**
 * The price socket (seed 002) and the user socket (seed 003, API.md) over real WebSocket frames: quotes as they are
 * posted, a snapshot first on every subscription, then orders, fills, positions and accounts as commands change them,
 * with {@code seq} rising by one per message.
 */
class StreamsTest
{
    @TempDir
    Path dataDir;

    @Test
    void thePriceSocketSendsEachQuoteInSeed002sShape() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key read = gateway.createKey("read", "paper-1");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            try (StreamClient prices = StreamClient.connect(gateway, "/ws/prices/EURUSD", read))
            {
                final JsonNode last = prices.next(5);
                assertQuote(last, "1.0842", "1.08428");  // the last quote first, so a new client has a price at once
                assertEquals(202, gateway.quote("EURUSD", "1.08431", "1.08439").status());
                final JsonNode next = prices.next(5);
                assertQuote(next, "1.08431", "1.08439");
                assertTrue(next.path("timestamp").asText().endsWith("Z"), next::toString);
            }
        }
    }

    @Test
    void aSubscriptionStartsWithASnapshotAndThenEveryChangeWithSeqRisingByOne() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            gateway.order("{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\",\"price\":1.08,\"quantity\":0.1}");
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + trade.key(), trade))
            {
                user.send("{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}");
                final JsonNode orders = user.next(5);
                assertEquals("snapshot", orders.path("type").asText(), orders::toString);
                assertEquals("orders", orders.path("channel").asText());
                assertEquals(1, orders.path("data").path("orders").size(), "the resting limit: " + orders);
                user.send("{\"type\":\"subscribe\",\"channel\":\"positions\",\"account_id\":\"paper-1\"}");
                assertEquals("snapshot", user.next(5).path("type").asText());
                user.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}");
                final JsonNode account = user.next(5);
                assertEquals("paper-1", account.path("data").path("account_id").asText(), account::toString);

                final String orderId = gateway.send("POST", "/api/v1/orders", "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\","
                    + "\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.2}", trade).text("order_id");
                final JsonNode order = user.nextOfType("order", 5);
                assertEquals(orderId, order.path("data").path("order_id").asText());
                assertEquals("filled", order.path("data").path("status").asText());
                final JsonNode fill = user.nextOfType("fill", 5);
                assertEquals(orderId, fill.path("data").path("order_id").asText());
                final JsonNode position = user.nextOfType("position", 5);
                assertEquals("open", position.path("data").path("status").asText());
                assertEquals(0, new BigDecimal("0.2").compareTo(position.path("data").path("quantity").decimalValue()));
                final JsonNode changed = user.nextOfType("account", 5);
                assertEquals(1, changed.path("data").path("open_positions").asInt(), changed::toString);

                long seq = orders.path("seq").asLong();
                for (final JsonNode message : new JsonNode[] {account, order, fill, position, changed})
                {
                    assertTrue(message.path("seq").asLong() > seq, "seq rises: " + message);
                    seq = message.path("seq").asLong();
                }
                assertEquals(orders.path("seq").asLong() + 6, changed.path("seq").asLong(), "no gap: 3 snapshots, order, fill, position, account");

                final String positionId = position.path("data").path("position_id").asText();
                assertEquals(200, gateway.send("POST", "/api/v1/positions/" + positionId + "/close", "{}", trade).status());
                final JsonNode closed = user.nextMatching(m -> "position".equals(m.path("type").asText())
                    && "closed".equals(m.path("data").path("status").asText()), 5);
                assertEquals(positionId, closed.path("data").path("position_id").asText());
            }
        }
    }

    @Test
    void quotesAndCandlesChannelsStartFromTheLastQuoteAndTheNewestCandles() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key read = gateway.createKey("read", "paper-1");
            assertEquals(202, gateway.quote("GBPUSD", "1.26510", "1.26522").status());
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + read.key(), read))
            {
                user.send("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"GBPUSD\"}");
                final JsonNode quote = user.next(5);
                assertEquals("snapshot", quote.path("type").asText());
                assertEquals(0, new BigDecimal("1.2651").compareTo(quote.path("data").path("bid").decimalValue()));
                user.send("{\"type\":\"subscribe\",\"channel\":\"candles\",\"symbol\":\"GBPUSD\",\"timeframe\":\"M1\"}");
                final JsonNode candles = user.next(5);
                assertEquals("snapshot", candles.path("type").asText(), candles::toString);
                assertEquals(1, candles.path("data").path("candles").size());

                assertEquals(202, gateway.quote("GBPUSD", "1.26400", "1.26410").status());
                final JsonNode next = user.nextOfType("quote", 5);
                assertEquals(0, new BigDecimal("1.264").compareTo(next.path("data").path("bid").decimalValue()));
                final JsonNode candle = user.nextOfType("candle", 5);
                assertEquals("1m", candle.path("data").path("timeframe").asText());
                final JsonNode engineCandle = gateway.get("/api/v1/candles/GBPUSD?timeframe=1m&count=1").json().path("candles").get(0);
                for (final String field : new String[] {"time", "open", "high", "low", "close", "volume"})
                {
                    assertEquals(engineCandle.path(field).asText(), candle.path("data").path(field).asText(), field + " as the engine has it");
                }
            }
        }
    }

    @Test
    void unsubscribingStopsTheMessagesAndSaysSo() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                user.send("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}");
                assertEquals("snapshot", user.next(5).path("type").asText());
                user.send("{\"type\":\"unsubscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}");
                assertEquals("unsubscribed", user.next(5).path("type").asText());
                assertEquals(202, gateway.quote("EURUSD", "1.09", "1.091").status());
                user.send("{\"type\":\"ping\"}");
                assertEquals("pong", user.next(5).path("type").asText(), "the quote after unsubscribing was not sent");
            }
        }
    }

    private static void assertQuote(final JsonNode quote, final String bid, final String ask)
    {
        assertEquals("EURUSD", quote.path("symbol").asText(), quote::toString);
        assertEquals(0, new BigDecimal(bid).compareTo(quote.path("bid").decimalValue()), quote::toString);
        assertEquals(0, new BigDecimal(ask).compareTo(quote.path("ask").decimalValue()), quote::toString);
        assertTrue(quote.has("timestamp") && !quote.has("seq"), quote::toString);
    }
}
