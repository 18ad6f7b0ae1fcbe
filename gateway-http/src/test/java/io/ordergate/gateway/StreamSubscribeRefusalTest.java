package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;

/**
 * A refused subscribe (an account or bot the caller may not see, an unknown symbol, one subscription too many) or
 * unsubscribe is answered with an error that names the subscription as the client made it ({@code channel} and its id)
 * and says why, and the socket stays open with what it holds; only an overloaded gateway closes it
 * ({@code streams.FanOutRequestBoundTest}). Over a real WebSocket client on a real gateway.
 */
class StreamSubscribeRefusalTest
{
    @TempDir
    Path dataDir;

    @Test
    void eachRefusedSubscribeIsToldByNameAndTheSocketStaysOpen() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + trade.key(), trade))
            {
                assertRefused(refusal(user, "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-2\"}"),
                    "orders", "account_id", "paper-2", "NOT_FOUND");
                assertRefused(refusal(user, "{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-2\"}"),
                    "account", "account_id", "paper-2", "NOT_FOUND");
                assertRefused(refusal(user, "{\"type\":\"subscribe\",\"bot_id\":\"b-1\"}"), "bot", "bot_id", "b-1", "FORBIDDEN");
                assertRefused(refusal(user, "{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"NOPE\"}"), "quotes", "symbol", "NOPE", "NOT_FOUND");
                final JsonNode candles = refusal(user, "{\"type\":\"subscribe\",\"channel\":\"candles\",\"symbol\":\"NOPE\",\"timeframe\":\"1h\"}");
                assertRefused(candles, "candles", "symbol", "NOPE", "NOT_FOUND");
                assertEquals("1h", candles.path("timeframe").asText(), "a candle subscription is named with its timeframe: " + candles);
                assertRefused(refusal(user, "{\"type\":\"unsubscribe\",\"channel\":\"positions\",\"account_id\":\"paper-1\"}"),
                    "positions", "account_id", "paper-1", "NOT_FOUND");

                user.send("{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}");
                final JsonNode snapshot = user.next(5);
                assertEquals("snapshot", snapshot.path("type").asText(), "still open, and subscribing: " + snapshot);
                assertFalse(user.isClosed());
            }
        }
    }

    @Test
    void oneSubscriptionTooManyIsRefusedByNameAndTheOnesHeldGoOn() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "streams: { max_subscriptions_per_socket: 1 }\n"))
        {
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                user.send("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}");
                assertEquals("snapshot", user.next(5).path("type").asText());
                final JsonNode refused = refusal(user, "{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"GBPUSD\"}");
                assertRefused(refused, "quotes", "symbol", "GBPUSD", "VALIDATION_ERROR");
                assertEquals("at most 1 subscriptions per socket", refused.path("error").path("message").asText(), refused::toString);

                assertEquals(202, gateway.quote("EURUSD", "1.08431", "1.08439").status());
                final JsonNode quote = user.nextOfType("quote", 5);
                assertEquals("EURUSD", quote.path("data").path("symbol").asText(), "the subscription held goes on: " + quote);
                assertFalse(user.isClosed());
            }
        }
    }

    private static JsonNode refusal(final StreamClient user, final String message) throws Exception
    {
        user.send(message);
        final JsonNode error = user.next(5);
        assertEquals("error", error.path("type").asText(), message + " -> " + error);
        return error;
    }

    private static void assertRefused(final JsonNode error, final String channel, final String idName, final String id, final String code)
    {
        assertEquals(channel, error.path("channel").asText(), "the subscription is named: " + error);
        assertEquals(id, error.path(idName).asText(), "by its " + idName + ": " + error);
        assertEquals(code, error.path("error").path("code").asText(), "and why: " + error);
    }
}
