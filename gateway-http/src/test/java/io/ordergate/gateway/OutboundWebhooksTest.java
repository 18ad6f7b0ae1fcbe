package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;

/**
 * Outbound webhooks against a real receiver on loopback (allowed here by configuration): events of the caller's
 * accounts, signed; a 500 retried with the same event id and body; the deliveries log; listing, deleting.
 */
class OutboundWebhooksTest
{
    static final String ALLOW_LOOPBACK = "webhooks: { allow_private_targets: true }\n";

    @TempDir
    Path dataDir;

    @Test
    void eventsOfTheCallersAccountsArriveSignedAndA500IsRetriedWithTheSameEvent() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            final Reply created = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"order_filled\",\"position_opened\",\"order_cancelled\"]}", trade);
            assertEquals(201, created.status(), created::toString);
            final String secret = created.text("secret");
            final String webhookId = created.text("webhook_id");
            assertTrue(secret.startsWith("whsec_") && webhookId.startsWith("wh_"), created::toString);
            assertEquals("[\"paper-1\"]", created.json().get("account_ids").toString(), "naming none: every account the key may see");

            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            receiver.answerWith(500);
            final String orderId = gateway.send("POST", "/api/v1/orders", "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.1}", trade).text("order_id");
            assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.1").status(), "another account's order: not for this webhook");
            final WebhookReceiver.Received first = receiver.next("order_filled", 10);
            assertEquals(500, first.answeredWith());
            receiver.answerWith(200);
            final WebhookReceiver.Received again = receiver.next(r -> r.eventId().equals(first.eventId()) && r.answeredWith() == 200, 15);
            assertArrayEquals(first.body(), again.body(), "the same event, byte for byte");
            assertTrue(again.signedWith(secret), "signed with the secret shown once");
            final JsonNode event = again.json();
            assertEquals("paper-1", event.path("account_id").asText());
            assertEquals(orderId, event.path("data").path("order_id").asText());
            assertEquals("filled", event.path("data").path("status").asText());
            assertTrue(event.path("expert_id").isNull() && event.path("timestamp").asText().endsWith("Z"), event::toString);
            assertEquals("order_filled", again.eventHeader());
            final WebhookReceiver.Received opened = receiver.next(r -> "position_opened".equals(r.json().path("event").asText())
                && r.answeredWith() == 200, 15);
            assertTrue(opened.signedWith(secret));

            StreamSlowReaderTest.await("the deliveries log says delivered after 2 attempts", () ->
            {
                final JsonNode deliveries = gateway.send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null, trade).json();
                for (final JsonNode delivery : deliveries.path("deliveries"))
                {
                    if (delivery.path("event_id").asText().equals(first.eventId()))
                    {
                        return "delivered".equals(delivery.path("status").asText()) && delivery.path("attempts").asInt() == 2;
                    }
                }
                return false;
            });
            for (final WebhookReceiver.Received any : receiver.all())
            {
                assertEquals("paper-1", any.json().path("account_id").asText(), "nothing of paper-2");
            }
        }
    }

    @Test
    void anExecutorFallingSilentIsToldToAWebhookAskingForIt() throws Exception
    {
        final String paper2 = "  - { account_id: paper-2, venue: paper, currency: USD, balance: 100000, leverage: 100 }\n";
        try (TestGateway gateway = TestGateway.startEdited(dataDir, config -> config.replace(paper2,
                paper2 + "  - { account_id: mt5-1, venue: mt5, currency: USD, balance: 10000, leverage: 100 }\n")
                + "executors: { offline_after_seconds: 1 }\n" + ALLOW_LOOPBACK);
            WebhookReceiver receiver = new WebhookReceiver())
        {
            final Reply executor = gateway.send("POST", "/api/v1/executors",
                "{\"name\":\"My MT5 Executor\",\"platform\":\"MT5\",\"account_id\":\"mt5-1\"}", TestGateway.ADMIN);
            assertEquals(201, executor.status(), executor::toString);
            final Reply created = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"executor_offline\"]}", TestGateway.ADMIN);
            assertEquals(201, created.status(), created::toString);
            final Key executorKey = new Key(executor.text("api_key"), executor.text("api_secret"));
            final Reply heartbeat = gateway.send("POST", "/api/executor/" + executor.text("executor_id") + "/heartbeat",
                "{\"status\":\"online\",\"metadata\":{\"version\":\"1.0.0\",\"platform\":\"MT5\"}}", executorKey);
            assertEquals(200, heartbeat.status(), heartbeat::toString);
            final WebhookReceiver.Received offline = receiver.next("executor_offline", 15);
            assertEquals("mt5-1", offline.json().path("account_id").asText(), offline.json()::toString);
            assertTrue(offline.signedWith(created.text("secret")));
        }
    }

    @Test
    void aWebhookIsListedWithoutItsSecretToItsOwnerOnlyAndDeletedForGood() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            final Key owner = gateway.createKey("trade", "paper-1");
            final Key other = gateway.createKey("trade", "paper-2");
            final String id = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"order_filled\"],"
                + "\"account_ids\":[\"paper-1\"]}", owner).text("webhook_id");
            final Reply listed = gateway.send("GET", "/api/v1/webhooks", null, owner);
            assertEquals(id, listed.json().path("webhooks").get(0).path("webhook_id").asText(), listed::toString);
            assertFalse(listed.body().contains("secret") || listed.body().contains("whsec_"), "never the secret again");
            assertEquals(0, gateway.send("GET", "/api/v1/webhooks", null, other).json().path("webhooks").size(), "others' are not listed");
            assertEquals(1, gateway.get("/api/v1/webhooks").json().path("webhooks").size(), "an admin sees all");
            assertEquals(404, gateway.send("GET", "/api/v1/webhooks/" + id + "/deliveries", null, other).status());
            assertEquals(404, gateway.send("DELETE", "/api/v1/webhooks/" + id, null, other).status(), "not the other key's to delete");

            assertEquals(200, gateway.send("DELETE", "/api/v1/webhooks/" + id, null, owner).status());
            assertEquals(404, gateway.send("DELETE", "/api/v1/webhooks/" + id, null, owner).status());
            assertEquals(0, gateway.send("GET", "/api/v1/webhooks", null, owner).json().path("webhooks").size());
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.1").status());
            // A webhook registered after the order gets the next one only: the first delivery proves the deleted one sent nothing.
            gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"order_filled\"]}", owner);
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.1").status());
            final WebhookReceiver.Received only = receiver.next("order_filled", 10);
            assertEquals("sell", only.json().path("data").path("side").asText(), "the deleted webhook delivered nothing");
        }
    }

    @Test
    void badRegistrationsAreRefusedNamingTheFieldAndPrivateTargetsUnlessAllowed() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            refused(gateway, trade, "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://localhost/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://10.1.2.3/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://[::1]/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"ftp://example.com/\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://8.8.8.8:99999/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"https://8.8.8.8:0/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://user:pw@example.com/\",\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://example.com/\",\"events\":[]}", 400, "events");
            refused(gateway, trade, "{\"url\":\"http://example.com/\",\"events\":[\"everything\"]}", 400, "events");
            refused(gateway, trade, "{\"url\":\"http://example.com/\",\"events\":[\"order_filled\",\"order_filled\"]}", 400, "events");
            refused(gateway, trade, "{\"events\":[\"order_filled\"]}", 400, "url");
            refused(gateway, trade, "{\"url\":\"http://example.com/\",\"events\":[\"order_filled\"],\"extra\":1}", 400, "extra");
            final Key read = gateway.createKey("read", "paper-1");
            assertEquals(403, gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"http://example.com/\",\"events\":[\"order_filled\"]}", read)
                .status(), "a read key may not register");
            assertEquals(0, gateway.get("/api/v1/webhooks").json().path("webhooks").size(), "nothing was registered");
        }
    }

    @Test
    void aTargetCarryingAPrivateIpv4InsideAnIpv6AddressIsRefusedLikeThatIpv4() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            for (final String host : new String[] {"[64:ff9b::a01:203]", "[64:ff9b::7f00:1]", "[2002:a9fe:a9fe::1]",
                "[2001:0:808:808::f5fe:fdfc]", "[fec0::1]", "198.18.0.1", "192.0.2.1", "255.255.255.255"})
            {
                refused(gateway, trade, "{\"url\":\"http://" + host + "/hook\",\"events\":[\"order_filled\"]}", 400, "url");
            }
            assertEquals(0, gateway.get("/api/v1/webhooks").json().path("webhooks").size(), "nothing was registered");
        }
    }

    @Test
    void anotherAccountIsRefusedLikeOneThatDoesNotExist() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            final Reply other = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"order_filled\"],\"account_ids\":[\"paper-2\"]}", trade);
            final Reply missing = gateway.send("POST", "/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"order_filled\"],\"account_ids\":[\"nope\"]}", trade);
            assertEquals(404, other.status(), other::toString);
            assertEquals(other.body(), missing.body());
        }
    }

    private static void refused(final TestGateway gateway, final Key key, final String body, final int status, final String field)
    {
        final Reply reply = gateway.send("POST", "/api/v1/webhooks", body, key);
        assertEquals(status, reply.status(), body + " -> " + reply);
        assertEquals(field, reply.errorField(), body + " -> " + reply);
    }
}
