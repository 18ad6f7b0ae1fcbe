package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subscription to an account lasts only as long as the caller may see the account: once an account is taken from a
 * user ({@code PATCH /api/v1/users/{id}} with fewer {@code account_ids}), the user's socket and the socket of a key the
 * user made each get an error naming the subscription, and no event of that account after it; their other accounts'
 * events go on, on the same sockets. A deleted account's subscriptions end too, and a bot's (an admin's alone) once its
 * subscriber is no longer an admin.
 */
class StreamAccountAccessTest
{
    private static final String PASSWORD = "correct horse battery staple 7";

    @TempDir
    Path dataDir;

    @Test
    void aSubscriptionToAnAccountTakenFromItsUserEndsWithAnErrorAndItsEventsStop() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final String token = people.userWith("ann@example.com", "trader", PASSWORD, "paper-1", "paper-2");
            people.bearer("PUT", "/api/v1/onboarding/brokers", "{\"broker_name\":\"B\",\"account_number\":\"1\"}", token);
            people.bearer("PUT", "/api/v1/onboarding/preferences", "{\"disclaimer_accepted\":true}", token);
            final TestGateway.Reply made = people.bearer("POST", "/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[\"paper-1\",\"paper-2\"]}", token);
            assertEquals(201, made.status(), made::toString);
            final TestGateway.Key key = new TestGateway.Key(made.text("api_key"), made.text("api_secret"));
            final String userId = gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            final String userPath = "/ws/" + userId + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

            try (StreamClient userSocket = StreamClient.connect(gateway, userPath, null);
                StreamClient keySocket = StreamClient.connect(gateway, "/ws/" + key.key(), key))
            {
                for (final StreamClient socket : new StreamClient[] {userSocket, keySocket})
                {
                    subscribeOrders(socket, "paper-1");
                    subscribeOrders(socket, "paper-2");
                }

                assertEquals(200, gateway.send("PATCH", "/api/v1/users/" + userId, "{\"account_ids\":[\"paper-1\"]}", TestGateway.ADMIN).status());
                for (final StreamClient socket : new StreamClient[] {userSocket, keySocket})
                {
                    final JsonNode ended = socket.nextOfType("error", 5);
                    assertEquals("orders", ended.path("channel").asText(), ended::toString);
                    assertEquals("paper-2", ended.path("account_id").asText(), ended::toString);
                    assertEquals("NOT_FOUND", ended.path("error").path("code").asText(), ended::toString);
                    assertEquals("account_id", ended.path("error").path("field").asText(), ended::toString);
                }

                // paper-2's order first, then paper-1's: the fan-out sends in command order, so a paper-2 message
                // still flowing would arrive before paper-1's order.
                assertEquals(201, gateway.post("/api/v1/orders", order("paper-2")).status());
                assertEquals(201, gateway.post("/api/v1/orders", order("paper-1")).status());
                for (final StreamClient socket : new StreamClient[] {userSocket, keySocket})
                {
                    final JsonNode first = socket.nextMatching(m -> "order".equals(m.path("type").asText()) || "fill".equals(m.path("type").asText()), 5);
                    assertEquals("paper-1", first.path("data").path("account_id").asText(), "no event of the account taken: " + first);
                    socket.send("{\"type\":\"unsubscribe\",\"channel\":\"orders\",\"account_id\":\"paper-2\"}");
                    final JsonNode none = socket.nextOfType("error", 5);
                    assertEquals("no such subscription on this socket", none.path("error").path("message").asText(), none::toString);
                    assertFalse(socket.isClosed(), "the socket stays open for the accounts still seen");
                }
            }
        }
    }

    @Test
    void aSubscriptionToAnAccountThatIsDeletedEndsAndAnAccountMadeAgainWithItsIdSendsItNothing() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.createAccount("gone-1", "10000").status());
            final String token = people.userWith("ann@example.com", "trader", PASSWORD, "paper-1", "gone-1");
            final String userId = gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            final String userPath = "/ws/" + userId + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            try (StreamClient socket = StreamClient.connect(gateway, userPath, null))
            {
                subscribeOrders(socket, "paper-1");
                subscribeOrders(socket, "gone-1");

                assertEquals(200, gateway.send("DELETE", "/api/v1/accounts/gone-1", null, TestGateway.ADMIN).status());
                final JsonNode ended = socket.nextOfType("error", 5);
                assertEquals("orders", ended.path("channel").asText(), ended::toString);
                assertEquals("gone-1", ended.path("account_id").asText(), ended::toString);

                // A new account under the old id is not the user's (the engine dropped the old one from its list).
                assertEquals(201, gateway.createAccount("gone-1", "10000").status());
                assertEquals(201, gateway.post("/api/v1/orders", order("gone-1")).status());
                assertEquals(201, gateway.post("/api/v1/orders", order("paper-1")).status());
                final JsonNode first = socket.nextMatching(m -> "order".equals(m.path("type").asText()) || "fill".equals(m.path("type").asText()), 5);
                assertEquals("paper-1", first.path("data").path("account_id").asText(), "nothing of the new gone-1: " + first);
            }
        }
    }

    @Test
    void aBotSubscriptionEndsOnceItsUserIsNoLongerAnAdmin() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"]}").status());
            final String token = new UserClient(gateway).userWith("ann@example.com", "admin", PASSWORD);
            final String userId = gateway.get("/api/v1/users").json().path("users").get(0).path("user_id").asText();
            final String userPath = "/ws/" + userId + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            try (StreamClient socket = StreamClient.connect(gateway, userPath, null))
            {
                socket.send("{\"type\":\"subscribe\",\"bot_id\":\"b-1\"}");
                assertEquals("b-1", socket.nextOfType("snapshot", 5).path("bot_id").asText());

                assertEquals(200, gateway.send("PATCH", "/api/v1/users/" + userId, "{\"role\":\"trader\"}", TestGateway.ADMIN).status());
                final JsonNode ended = socket.nextOfType("error", 5);
                assertEquals("b-1", ended.path("bot_id").asText(), ended::toString);
                assertEquals("bot_id", ended.path("error").path("field").asText(), ended::toString);
                assertFalse(socket.isClosed(), "the socket stays open");
            }
        }
    }

    private static void subscribeOrders(final StreamClient socket, final String accountId) throws Exception
    {
        socket.send("{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"" + accountId + "\"}");
        final JsonNode snapshot = socket.nextOfType("snapshot", 5);
        assertEquals(accountId, snapshot.path("account_id").asText(), snapshot::toString);
    }

    private static String order(final String accountId)
    {
        return "{\"account_id\":\"" + accountId + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}";
    }
}
