package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;

/**
 * Seed 001's {@code POST /api/v1/experts/{expert_id}/webhooks} with the seed's own body: registered for the expert's
 * account only, its deliveries naming the expert, refused (404) for an expert the caller may not see, listed and
 * deleted like any webhook, and the same after a restart.
 */
class ExpertWebhooksTest
{
    /** Seed 001's "Register Webhook" body, with a loopback receiver as the URL. */
    private static final String SEED_BODY = "{\"url\": \"%s\", \"events\": [\"order_filled\", \"position_closed\", \"error_occurred\"]}";

    @TempDir
    Path dataDir;

    @Test
    void anExpertsWebhookGetsItsAccountsEventsNamingTheExpertAndOnlyThose() throws Exception
    {
        final String expertId;
        final String webhookId;
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK); WebhookReceiver receiver = new WebhookReceiver())
        {
            assertEquals(201, gateway.createAccount("exp-w", "100000").status());
            assertEquals(201, gateway.createAccount("exp-o", "100000").status());
            assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
            final Reply expert = gateway.post("/api/v1/experts", "{\"account_id\": \"exp-w\", \"strategy_config\": {\"symbol\": \"BTCUSD\","
                + " \"timeframe\": \"1h\", \"size_type\": \"fixed\", \"size_value\": 0.01}}");
            assertEquals(201, expert.status(), expert::toString);
            expertId = expert.text("expert_id");
            assertEquals(200, gateway.post("/api/v1/experts/" + expertId + "/control", "{\"action\": \"start\"}").status());
            final Key own = gateway.createKey("trade", "exp-w");
            final Key other = gateway.createKey("trade", "exp-o");

            final Reply refused = gateway.send("POST", "/api/v1/experts/" + expertId + "/webhooks", SEED_BODY.formatted(receiver.url()), other);
            assertEquals(404, refused.status(), "another account's expert is not found, as one that does not exist");
            assertEquals("expert_id", refused.errorField(), refused::toString);
            assertEquals(404, gateway.send("POST", "/api/v1/experts/exp_999/webhooks", SEED_BODY.formatted(receiver.url()), own).status());
            final Reply withAccounts = gateway.send("POST", "/api/v1/experts/" + expertId + "/webhooks", "{\"url\": \"" + receiver.url()
                + "\", \"events\": [\"order_filled\"], \"account_ids\": [\"exp-o\"]}", own);
            assertEquals(400, withAccounts.status(), withAccounts::toString);
            assertEquals("account_ids", withAccounts.errorField());
            assertEquals(0, gateway.get("/api/v1/webhooks").json().path("webhooks").size(), "nothing registered by the refusals");

            final Reply created = gateway.send("POST", "/api/v1/experts/" + expertId + "/webhooks", SEED_BODY.formatted(receiver.url()), own);
            assertEquals(201, created.status(), created::toString);
            webhookId = created.text("webhook_id");
            final String secret = created.text("secret");
            assertEquals(expertId, created.text("expert_id"));
            assertEquals("[\"exp-w\"]", created.json().get("account_ids").toString(), "the expert's account, not every account the key sees");
            assertEquals("[\"order_filled\",\"position_closed\",\"error_occurred\"]", created.json().get("events").toString());

            assertEquals(201, gateway.market("exp-o", "BTCUSD", "buy", "0.01").status(), "another account's fill: not for this webhook");
            final Reply placed = gateway.send("POST", "/api/v1/experts/" + expertId + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}", own);
            assertEquals(201, placed.status(), placed::toString);
            final WebhookReceiver.Received filled = receiver.next("order_filled", 10);
            assertTrue(filled.signedWith(secret), "signed with the secret shown once");
            final JsonNode event = filled.json();
            assertEquals(expertId, event.path("expert_id").asText(), event::toString);
            assertEquals("exp-w", event.path("account_id").asText());
            assertEquals(placed.text("order_id"), event.path("data").path("order_id").asText());
            // seed 001's payload: its receivers read data.symbol, side, filled_quantity and average_fill_price
            final JsonNode data = event.path("data");
            assertEquals("BTCUSD", data.path("symbol").asText(), data::toString);
            assertEquals("buy", data.path("side").asText(), data::toString);
            assertEquals(0, new BigDecimal("0.01").compareTo(data.path("filled_quantity").decimalValue()), data::toString);
            assertTrue(data.path("average_fill_price").isNumber(), data::toString);
            assertEquals(0, new BigDecimal("50010").compareTo(data.path("average_fill_price").decimalValue()), data::toString);

            final JsonNode listed = gateway.send("GET", "/api/v1/webhooks", null, own).json().path("webhooks");
            assertEquals(1, listed.size(), listed::toString);
            assertEquals(expertId, listed.get(0).path("expert_id").asText(), "listed with its expert");
            for (final WebhookReceiver.Received any : receiver.all())
            {
                assertEquals("exp-w", any.json().path("account_id").asText(), "nothing of exp-o");
            }
        }
        try (TestGateway gateway = TestGateway.start(dataDir, OutboundWebhooksTest.ALLOW_LOOPBACK))
        {
            final Key admin = TestGateway.ADMIN;
            final JsonNode listed = gateway.send("GET", "/api/v1/webhooks", null, admin).json().path("webhooks");
            assertEquals(expertId, listed.get(0).path("expert_id").asText(), "replayed with its expert: " + listed);
            assertEquals(200, gateway.send("DELETE", "/api/v1/webhooks/" + webhookId, null, admin).status(), "deleted like any webhook");
            assertEquals(0, gateway.get("/api/v1/webhooks").json().path("webhooks").size());
        }
    }
}
