package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Seed 003's bot subscriptions on the user socket over real WebSocket frames: {@code {"type": "subscribe", "bot_id"}}
 * starts with the bot as a snapshot, then a {@code {"type": "bot_update", "bot_id", "data", "timestamp"}} for each
 * signal and each status change of that bot, none for another bot, none after {@code unsubscribe}.
 */
class StreamBotsTest
{
    @TempDir
    Path dataDir;

    @Test
    void aBotSubscriptionGetsTheBotsSignalsAndStatusChangesInSeed003sShapeUntilUnsubscribed() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"name\": \"trend-bot\", \"account_ids\": [\"paper-1\"],"
                + " \"secret\": \"s3cret-value\"}").status());
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-2\", \"name\": \"other-bot\", \"account_ids\": [\"paper-2\"],"
                + " \"secret\": \"0ther-secret\"}").status());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                user.send("{\"type\":\"subscribe\",\"bot_id\":\"b-1\"}");
                final JsonNode snapshot = user.nextMatching(m -> !"ping".equals(m.path("type").asText()), 5);
                assertEquals("snapshot", snapshot.path("type").asText(), snapshot::toString);
                assertEquals("bot", snapshot.path("channel").asText());
                assertEquals("b-1", snapshot.path("bot_id").asText());
                assertEquals("trend-bot", snapshot.path("data").path("name").asText(), snapshot::toString);
                assertFalse(snapshot.toString().contains("s3cret-value"), "never the bot's secret");

                // Another bot's signal first: the first bot_update must still be b-1's.
                assertEquals(200, signal(gateway, "b-2,buy,EURUSD,qty=0.01,secret=0ther-secret").status());
                final Reply signalled = signal(gateway, "b-1,buy,EURUSD,qty=0.01,secret=s3cret-value");
                assertEquals(200, signalled.status(), signalled::toString);
                final JsonNode update = user.nextOfType("bot_update", 5);
                assertEquals("b-1", update.path("bot_id").asText(), update::toString);
                assertTrue(update.path("timestamp").asText().endsWith("Z"), update::toString);
                final JsonNode outcome = update.path("data").path("data");
                assertEquals(1, outcome.path("success_count").asInt(), "the signal's answer as data: " + update);
                assertEquals(signalled.json().path("data").path("results").get(0).path("order_id").asText(),
                    outcome.path("results").get(0).path("order_id").asText(), "the order the signal placed: " + update);

                assertEquals("PAUSED", gateway.post("/api/v1/bots/b-1/status?status=PAUSED", null).text("status"));
                final JsonNode paused = user.nextOfType("bot_update", 5);
                assertEquals("b-1", paused.path("bot_id").asText());
                assertTrue(paused.path("data").toString().contains("PAUSED"), paused::toString);

                user.send("{\"type\":\"unsubscribe\",\"bot_id\":\"b-1\"}");
                final JsonNode unsubscribed = user.nextOfType("unsubscribed", 5);
                assertEquals("b-1", unsubscribed.path("bot_id").asText());
                assertEquals(200, gateway.post("/api/v1/bots/b-1/status", "{\"status\": \"ACTIVE\"}").status());
                // b-2 subscribed and changed after b-1's change: its update arriving with nothing of b-1 before it proves b-1's was not sent.
                user.send("{\"type\":\"subscribe\",\"bot_id\":\"b-2\"}");
                assertEquals("b-2", user.nextOfType("snapshot", 5).path("bot_id").asText());
                assertEquals("PAUSED", gateway.post("/api/v1/bots/b-2/status?status=PAUSED", null).text("status"));
                final JsonNode next = user.nextOfType("bot_update", 5);
                assertEquals("b-2", next.path("bot_id").asText(), "nothing of b-1 after unsubscribe: " + next);

                user.send("{\"type\":\"subscribe\",\"bot_id\":\"no-such-bot\"}");
                final JsonNode missing = user.nextOfType("error", 5);
                assertEquals("NOT_FOUND", missing.path("error").path("code").asText(), missing::toString);
            }
        }
    }

    private static Reply signal(final TestGateway gateway, final String line)
    {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/webhook/tradingview"))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(line)).build());
    }
}
