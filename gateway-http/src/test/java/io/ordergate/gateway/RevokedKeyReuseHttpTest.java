package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Over real HTTP, with a principal table of three places (the start-up admin key's and two more): a revoked key gives its
 * place back, so keys are made and revoked past the table's size, while the revoked key's credentials stay refused and
 * what it owned (an outbound webhook) is never the later key's, also after a restart. The test gateway's stop replays the
 * journal and compares the state digest.
 */
class RevokedKeyReuseHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void aRevokedKeysPlaceServesALaterKeyThatInheritsNothingOfIt()
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir, config -> config.replace("max_keys: 64,", "max_keys: 2, max_users: 1,")
            + "webhooks: { allow_private_targets: true }\n"))
        {
            final TestGateway.Key first = gateway.createKey("trade", "paper-1");
            final TestGateway.Reply hook = gateway.send("POST", "/api/v1/webhooks",
                "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"order_filled\"],\"account_ids\":[\"paper-1\"]}", first);
            assertEquals(201, hook.status(), hook.toString());
            final String webhookId = hook.text("webhook_id");
            final TestGateway.Key second = gateway.createKey("trade", "paper-1");
            final TestGateway.Reply full = gateway.post("/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[\"paper-1\"]}");
            assertEquals(409, full.status(), "every place is held by a working key: " + full);

            assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + first.key(), null, TestGateway.ADMIN).status());
            final TestGateway.Key later = gateway.createKey("trade", "paper-1");
            assertLaterKeyIsNotTheRevokedOne(gateway, first, later, webhookId);
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, second).status());

            // round and round past the table's size: each new key works, each revoked one is refused
            TestGateway.Key current = later;
            for (int i = 0; i < 4; i++)
            {
                assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + current.key(), null, TestGateway.ADMIN).status());
                final TestGateway.Key next = gateway.createKey("read", "paper-1");
                assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, next).status());
                assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, current).status());
                current = next;
            }

            gateway.restart();
            assertEquals(401, gateway.send("GET", "/api/v1/accounts/paper-1", null, later).status(), "a replay revokes the same keys");
            assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, current).status(), "and keeps the ones made after them");
            assertEquals(409, gateway.post("/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"paper-1\"]}").status(), "every place held again");
            assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + second.key(), null, TestGateway.ADMIN).status());
            final TestGateway.Key afterRestart = gateway.createKey("trade", "paper-1");
            assertLaterKeyIsNotTheRevokedOne(gateway, first, afterRestart, webhookId);
        }
    }

    private static void assertLaterKeyIsNotTheRevokedOne(
        final TestGateway gateway, final TestGateway.Key revoked, final TestGateway.Key later, final String webhookId)
    {
        final TestGateway.Reply refused = gateway.send("GET", "/api/v1/accounts/paper-1", null, revoked);
        assertEquals(401, refused.status(), refused.toString());
        assertEquals("INVALID_CREDENTIALS", refused.errorCode());
        assertEquals(200, gateway.send("GET", "/api/v1/accounts/paper-1", null, later).status());
        final JsonNode hooks = gateway.send("GET", "/api/v1/webhooks", null, later).json().path("webhooks");
        for (final JsonNode listed : hooks)
        {
            assertFalse(webhookId.equals(listed.path("webhook_id").asText()), "the revoked key's webhook is not the later key's: " + hooks);
        }
        assertEquals(404, gateway.send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null, later).status());
        assertEquals(404, gateway.send("DELETE", "/api/v1/webhooks/" + webhookId, null, later).status());
        assertEquals(200, gateway.send("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null, TestGateway.ADMIN).status(),
            "the webhook is still there, for an admin");
    }
}
