package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The user socket as a browser opens it: a signed-in user's bearer token as {@code ?access_token=}, the user's own
 * accounts streamed and another's refused like one that does not exist, the users feature's per-user socket limit
 * ({@code auth.max_websockets_per_user}) counted over tokens, and the server's {@code {"type": "ping"}}.
 */
class StreamsUserAuthTest
{
    private static final String PASSWORD = "correct horse battery staple 7";

    @TempDir
    Path dataDir;

    @Test
    void aUserSocketOpensWithAccessTokenStreamsOwnAccountsAndCountsAgainstTheUsersLimit() throws Exception
    {
        final String yaml = UserClient.AUTH_YAML.replace("auth: {", "auth: { max_websockets_per_user: 2,")
            + "streams: { ping_seconds: 1 }\n";
        try (TestGateway gateway = TestGateway.start(dataDir, yaml))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, gateway.send("POST", "/api/v1/users", "{\"email\":\"ann@example.com\",\"name\":\"Ann\","
                + "\"role\":\"trader\",\"account_ids\":[\"paper-1\"],\"password\":\"" + PASSWORD + "\"}", TestGateway.ADMIN).status());
            final TestGateway.Reply login = people.login("ann@example.com", PASSWORD);
            assertEquals(200, login.status(), login::toString);
            final String token = login.text("access_token");
            final String userId = login.json().path("user").path("id").asText();
            final String path = "/ws/" + userId + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);

            try (StreamClient first = StreamClient.connect(gateway, path, null);
                StreamClient second = StreamClient.connect(gateway, path, null))
            {
                first.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}");
                final JsonNode snapshot = first.nextOfType("snapshot", 5);
                assertEquals("paper-1", snapshot.path("data").path("account_id").asText(), snapshot::toString);

                first.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-2\"}");
                final JsonNode other = first.nextOfType("error", 5);
                first.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"no-such-account\"}");
                final JsonNode missing = first.nextOfType("error", 5);
                assertEquals(missing.path("error"), other.path("error"), "another's account reads as one that does not exist");

                final JsonNode ping = second.nextOfType("ping", 5);
                assertEquals(1, ping.size(), "seed 003's ping is {\"type\": \"ping\"}: " + ping);

                try (StreamClient third = StreamClient.connect(gateway, path, null))
                {
                    final JsonNode why = third.nextOfType("error", 5);
                    assertEquals("RATE_LIMIT_EXCEEDED", why.path("error").path("code").asText(), why::toString);
                    assertEquals(1008, third.closeCode(5), "the third socket of a user allowed two is closed");
                }
                assertTrue(!first.isClosed() && !second.isClosed(), "the refusal left the open sockets alone");
            }

            // Both closed: the user's count went back down, so a socket opens again.
            final long deadline = System.nanoTime() + 10_000_000_000L;
            JsonNode answer = null;
            while (answer == null && System.nanoTime() < deadline)
            {
                try (StreamClient again = StreamClient.connect(gateway, path, null))
                {
                    again.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}");
                    final JsonNode first = again.nextMatching(m -> !"ping".equals(m.path("type").asText()), 5);
                    answer = "snapshot".equals(first.path("type").asText()) ? first : null;
                }
            }
            assertTrue(answer != null, "a closed socket gives its place back");
        }
    }

    @Test
    void aUsersSocketIsClosedOnceItsSessionEnds() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(201, gateway.send("POST", "/api/v1/users", "{\"email\":\"ann@example.com\",\"name\":\"Ann\","
                + "\"role\":\"trader\",\"account_ids\":[\"paper-1\"],\"password\":\"" + PASSWORD + "\"}", TestGateway.ADMIN).status());
            final TestGateway.Reply login = people.login("ann@example.com", PASSWORD);
            final String token = login.text("access_token");
            final String path = "/ws/" + login.json().path("user").path("id").asText() + "?access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
            try (StreamClient socket = StreamClient.connect(gateway, path, null))
            {
                socket.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}");
                socket.nextOfType("snapshot", 5);
                assertEquals(200, people.bearer("POST", "/api/v1/auth/logout", null, token).status());
                assertEquals("INVALID_CREDENTIALS", socket.nextOfType("error", 5).path("error").path("code").asText());
                assertEquals(1008, socket.closeCode(5), "signed out: the socket the session opened is closed too");
            }
        }
    }

    @Test
    void aBadOrMissingTokenIsRefusedBeforeTheUpgrade() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            try (RawWebSocket bad = RawWebSocket.connect(gateway.port(), "/ws/u-1?access_token=not.a.token", null, 65536))
            {
                assertTrue(bad.response().startsWith("HTTP/1.1 401"), bad::response);
            }
        }
    }
}
