package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Key;

/**
 * A browser holding an API key opens its user socket with a stream ticket ({@code ?access_token=wst_...}): the
 * ticket is the key that asked for it, good once, and only on a WebSocket upgrade.
 */
class StreamTicketsTest
{
    @TempDir
    Path dataDir;

    @Test
    void aTicketOpensTheKeysSocketOnceAndNothingElse() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key read = gateway.createKey("read", "paper-1");
            final TestGateway.Reply issued = gateway.send("POST", "/api/v1/streams/tickets", "{}", read);
            assertEquals(201, issued.status(), issued::toString);
            final String ticket = issued.text("ticket");
            assertTrue(ticket.startsWith("wst_"));

            try (StreamClient socket = StreamClient.connect(gateway, "/ws/" + read.key() + "?access_token=" + ticket, null))
            {
                socket.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}");
                assertEquals("snapshot", socket.next(5).path("type").asText(), "the ticket is the key: it sees paper-1");
                socket.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-2\"}");
                assertEquals("NOT_FOUND", socket.next(5).path("error").path("code").asText(), "and only what the key sees");
            }
            try (RawWebSocket again = RawWebSocket.connect(gateway.port(), "/ws/" + read.key() + "?access_token=" + ticket, null, 0))
            {
                assertTrue(again.response().startsWith("HTTP/1.1 401"), "used once: " + again.response());
            }
            final String plain = gateway.send("POST", "/api/v1/streams/tickets", "{}", read).text("ticket");
            final TestGateway.Reply notASocket = gateway.send("GET", "/api/v1/accounts?access_token=" + plain, null, null);
            assertEquals(401, notASocket.status(), "a ticket opens sockets, not routes: " + notASocket);
        }
    }
}
