package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Pending deliveries survive {@code kill -9}: a receiver that answers 500 leaves three events pending; the gateway
 * process is killed with SIGKILL; started again on the same data directory, it delivers each of them, under the same
 * event id, with the same bytes, signed with the same secret (which the journal holds only sealed).
 */
class WebhookKillNineTest
{
    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pendingDeliveriesAreDeliveredAfterSigkillAndRestartUnderTheSameEventIds() throws Exception
    {
        final Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, TestGateway.CONFIG + OutboundWebhooksTest.ALLOW_LOOPBACK);
        final Path dataDir = dir.resolve("data");
        try (WebhookReceiver receiver = new WebhookReceiver())
        {
            receiver.answerWith(500);
            final String secret;
            final String webhookId;
            final Map<String, byte[]> before = new LinkedHashMap<>();
            try (ChildGateway first = new ChildGateway(config, dataDir, dir.resolve("first.err")))
            {
                final JsonNode created = json(send(first.port(), "POST", "/api/v1/webhooks",
                    "{\"url\":\"" + receiver.url() + "\",\"events\":[\"order_filled\"],\"account_ids\":[\"paper-1\"]}"));
                secret = created.path("secret").asText();
                webhookId = created.path("webhook_id").asText();
                assertEquals(202, send(first.port(), "POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.0842,\"ask\":1.0842}").statusCode());
                for (int i = 0; i < 3; i++)
                {
                    assertEquals(201, send(first.port(), "POST", "/api/v1/orders", "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\""
                        + (i % 2 == 0 ? "buy" : "sell") + "\",\"type\":\"market\",\"quantity\":0.01}").statusCode());
                }
                StreamSlowReaderTest.await("three events tried and refused", () ->
                {
                    for (final WebhookReceiver.Received received : receiver.all())
                    {
                        before.putIfAbsent(received.eventId(), received.body());
                    }
                    return before.size() == 3;
                });
                first.kill();
            }
            receiver.answerWith(200);
            try (ChildGateway second = new ChildGateway(config, dataDir, dir.resolve("second.err")))
            {
                for (final Map.Entry<String, byte[]> event : before.entrySet())
                {
                    final WebhookReceiver.Received after = receiver.next(r -> r.eventId().equals(event.getKey()) && r.answeredWith() == 200, 30);
                    assertArrayEquals(event.getValue(), after.body(), "the same event, byte for byte, after the restart");
                    assertTrue(after.signedWith(secret), "signed with the secret, opened again from the journal's sealed copy");
                }
                StreamSlowReaderTest.await("every delivery logged as delivered", () ->
                {
                    final JsonNode log = json(send(second.port(), "GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null));
                    int delivered = 0;
                    for (final JsonNode delivery : log.path("deliveries"))
                    {
                        delivered += "delivered".equals(delivery.path("status").asText()) ? 1 : 0;
                    }
                    return delivered == 3;
                });
            }
        }
    }

    private HttpResponse<String> send(final int port, final String method, final String path, final String body)
    {
        try
        {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (final Exception ex)
        {
            throw new AssertionError(method + " " + path, ex);
        }
    }

    private static JsonNode json(final HttpResponse<String> response)
    {
        try
        {
            return TestGateway.JSON.readTree(response.body());
        }
        catch (final Exception ex)
        {
            throw new AssertionError("not JSON: " + response.body(), ex);
        }
    }
}
