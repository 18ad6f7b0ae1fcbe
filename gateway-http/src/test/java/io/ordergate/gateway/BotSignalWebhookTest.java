package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outbound {@code bot_signal} event against a real receiver on loopback: one per signal the bot executed, never one
 * more for a TradingView retry the engine answered as a duplicate.
 */
class BotSignalWebhookTest
{
    @TempDir
    Path dataDir;

    @Test
    void aRepeatedAlertAnsweredAsADuplicateIsNotToldAsAnotherSignal() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final TestGateway.Reply created = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"bot_signal\"]}", TestGateway.ADMIN);
            assertEquals(201, created.status(), created::toString);
            final String webhookId = created.text("webhook_id");
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"told\", \"account_ids\": [\"paper-1\"], \"secret\": \"told-secret\"}").status());
            final String alert = "{\"bot\": \"told\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"secret\": \"told-secret\", \"id\": \"";

            final TestGateway.Reply first = webhook(gateway, alert + "a-1\"}");
            assertEquals(200, first.status(), first::toString);
            final TestGateway.Reply retried = webhook(gateway, alert + "a-1\"}");
            assertEquals(200, retried.status(), retried::toString);
            assertTrue(retried.json().path("data").path("duplicate").asBoolean(), retried::toString);
            final TestGateway.Reply next = webhook(gateway, alert + "a-2\"}");
            assertEquals(200, next.status(), next::toString);

            // the fan-out takes commands in journal order: once the next signal is delivered, the retry's turn has passed
            final String nextSignal = next.json().path("data").path("correlation_id").asText();
            receiver.next(r -> nextSignal.equals(r.json().path("data").path("data").path("correlation_id").asText()), 15);
            final JsonNode deliveries = gateway.send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null, TestGateway.ADMIN).json();
            assertEquals(2, deliveries.path("deliveries").size(), "two signals ran, so two bot_signal events: " + deliveries);
        }
    }

    private static TestGateway.Reply webhook(final TestGateway gateway, final String body)
    {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/webhook/tradingview"))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
