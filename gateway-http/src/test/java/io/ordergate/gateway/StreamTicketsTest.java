package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Key;

/**
 * A browser holding an API key opens its user socket with a stream ticket ({@code ?access_token=wst_...}): the
 * ticket is the key that asked for it, good once, and only on a WebSocket upgrade; a key revoked since redeems none,
 * and its open sockets are closed.
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
            final String renewing = gateway.send("POST", "/api/v1/streams/tickets", "{}", read).text("ticket");
            assertTrue(statusLine(gateway, "POST /api/v1/streams/tickets?access_token=" + renewing).startsWith("HTTP/1.1 401"),
                "a ticket does not ask for the next ticket (a chain past the key's revocation)");
            try (RawWebSocket opened = RawWebSocket.connect(gateway.port(), "/ws/" + read.key() + "?access_token=" + renewing, null, 0))
            {
                assertTrue(opened.response().startsWith("HTTP/1.1 101"), "and that try did not use it up: " + opened.response());
            }
            final String plain = gateway.send("POST", "/api/v1/streams/tickets", "{}", read).text("ticket");
            final TestGateway.Reply notASocket = gateway.send("GET", "/api/v1/accounts?access_token=" + plain, null, null);
            assertEquals(401, notASocket.status(), "a ticket opens sockets, not routes: " + notASocket);
        }
    }

    @Test
    void aRevokedKeysOpenSocketIsClosedAndItsTicketNoLongerOpensOne() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key read = gateway.createKey("read", "paper-1");
            final String ticket = gateway.send("POST", "/api/v1/streams/tickets", "{}", read).text("ticket");
            try (StreamClient socket = StreamClient.connect(gateway, "/ws/" + read.key(), read))
            {
                socket.send("{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\"}");
                assertEquals("snapshot", socket.nextOfType("snapshot", 5).path("type").asText());
                assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + read.key(), null, TestGateway.ADMIN).status());
                assertEquals("INVALID_CREDENTIALS", socket.nextOfType("error", 5).path("error").path("code").asText(), "said why");
                assertEquals(1008, socket.closeCode(5), "the revoked key's socket is closed");
            }
            try (RawWebSocket late = RawWebSocket.connect(gateway.port(), "/ws/" + read.key() + "?access_token=" + ticket, null, 0))
            {
                assertTrue(late.response().startsWith("HTTP/1.1 401"), "a ticket is never more than its key now is: " + late.response());
            }
        }
    }

    /** The status line of {@code requestLine} sent as a WebSocket upgrade (the shape a ticket looks for), with an empty body. */
    private static String statusLine(final TestGateway gateway, final String requestLine) throws java.io.IOException
    {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\n\r\n{}").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            final StringBuilder line = new StringBuilder();
            int c;
            while ((c = socket.getInputStream().read()) >= 0 && c != '\r')
            {
                line.append((char)c);
            }
            return line.toString();
        }
    }
}
