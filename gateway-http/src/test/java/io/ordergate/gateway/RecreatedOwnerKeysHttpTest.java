package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot or group deleted and made again under the same id is a new one: the alert ids and client order ids the old one
 * ran are not the new one's, so its first alert or order with such an id runs (it was answered as a duplicate of the
 * old one's, on the old one's accounts, and nothing traded), and a restart replays the same.
 */
class RecreatedOwnerKeysHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldRunTheFirstAlertOfABotMadeAgainUnderTheSameIdThoughTheDeletedBotRanItsId()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"again\", \"account_ids\": [\"paper-1\"], \"secret\": \"first-secret\"}")
                .status());
            final TestGateway.Reply first = webhook(gateway, "again,buy,EURUSD,qty=0.01,id=entry-1,secret=first-secret");
            assertEquals(200, first.status(), first::toString);
            assertEquals(200, gateway.send("DELETE", "/api/v1/bots/again", null, TestGateway.ADMIN).status());
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"again\", \"account_ids\": [\"paper-2\"], \"secret\": \"second-secret\"}")
                .status());

            final TestGateway.Reply renewed = webhook(gateway, "again,buy,EURUSD,qty=0.01,id=entry-1,secret=second-secret");
            assertEquals(200, renewed.status(), renewed::toString);
            assertRan(renewed.json().path("data"), "paper-2");
            gateway.restart();
            final TestGateway.Reply retried = webhook(gateway, "again,buy,EURUSD,qty=0.01,id=entry-1,secret=second-secret");
            assertEquals(200, retried.status(), retried::toString);
            assertEquals(true, retried.json().path("data").path("duplicate").asBoolean(), "the new bot's own retry is a duplicate: " + retried);
            assertEquals("paper-2", retried.json().path("data").path("results").get(0).path("account_id").asText(), retried::toString);
        }
    }

    @Test
    void shouldRunTheFirstOrderOfAGroupMadeAgainUnderTheSameIdThoughTheDeletedGroupRanItsClientOrderId()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"again\", \"accounts\": [\"paper-1\"]}").status());
            final String order = "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.01, \"client_order_id\": \"entry-1\"}";
            assertEquals(201, gateway.post("/api/v1/groups/again/orders", order).status());
            assertEquals(200, gateway.send("DELETE", "/api/v1/groups/again", null, TestGateway.ADMIN).status());
            assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"again\", \"accounts\": [\"paper-2\"]}").status());

            final TestGateway.Reply renewed = gateway.post("/api/v1/groups/again/orders", order);
            assertEquals(201, renewed.status(), renewed::toString);
            assertRan(renewed.json(), "paper-2");
            gateway.restart();
            final TestGateway.Reply retried = gateway.post("/api/v1/groups/again/orders", order);
            assertEquals(200, retried.status(), "the new group's own retry is a duplicate: " + retried);
            assertEquals("paper-2", retried.json().path("results").get(0).path("account_id").asText(), retried::toString);
        }
    }

    private static void assertRan(final JsonNode answer, final String accountId)
    {
        assertFalse(answer.path("duplicate").asBoolean(), answer::toString);
        assertEquals(1, answer.path("results").size(), answer::toString);
        assertEquals(accountId, answer.path("results").get(0).path("account_id").asText(), answer::toString);
        assertEquals("filled", answer.path("results").get(0).path("status").asText(), answer::toString);
    }

    private static TestGateway.Reply webhook(final TestGateway gateway, final String line)
    {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/webhook/tradingview"))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(line)).build());
    }
}
