package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WebSocket pings (RFC 6455 opcode 9) from many sockets at once are each answered with a pong carrying the ping's
 * payload. The gateway writes a pong at once and flushes it at the socket's next quote turn (so a herd of pings does
 * not have the event loop flush every pong in one go); with quote pacing off, at once.
 */
class StreamPingTest
{
    private static final int PING = 9;
    private static final int PONG = 10;
    private static final int SOCKETS = 20;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"", "streams: { quote_turn_micros: 0 }\n"})
    void everyPingOfAHerdIsAnsweredWithItsOwnPayload(final String pacing) throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { max_websockets_per_user: " + SOCKETS + " }\n" + pacing))
        {
            final List<RawWebSocket> sockets = new ArrayList<>();
            try
            {
                for (int i = 0; i < SOCKETS; i++)
                {
                    final RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0);
                    socket.response();
                    socket.timeoutMillis(10_000);
                    sockets.add(socket);
                }
                for (int i = 0; i < SOCKETS; i++)
                {
                    sockets.get(i).send(PING, ("ping-" + i).getBytes(StandardCharsets.US_ASCII));
                }
                for (int i = 0; i < SOCKETS; i++)
                {
                    final RawWebSocket.Frame pong = nextPong(sockets.get(i));
                    assertNotNull(pong, "socket " + i + " got no pong within 10 s");
                    assertEquals("ping-" + i, new String(pong.payload(), StandardCharsets.US_ASCII));
                }
            }
            finally
            {
                for (final RawWebSocket socket : sockets)
                {
                    socket.close();
                }
            }
        }
    }

    /**
     * A client that pings and does not read: once the socket's unread bytes pass Netty's high-water mark its pings get
     * no pong, so what waits for it stays bounded (before, every ping queued a pong: 12.5 MB for these 100,000). Its
     * pings are still read, and a message after them is answered once the client reads.
     */
    @org.junit.jupiter.api.Test
    void aClientThatPingsAndDoesNotReadGetsNoPongsPastWhatItHasNotRead() throws Exception
    {
        final int pings = 100_000;
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 4096);
            try
            {
                socket.response();
                socket.timeoutMillis(10_000);
                final byte[] payload = new byte[125];
                for (int i = 0; i < pings; i++)
                {
                    socket.send(PING, payload);
                }
                socket.send(1, "{\"type\":\"nonsense\"}".getBytes(StandardCharsets.US_ASCII));  // answered after every ping
                int pongs = 0;
                RawWebSocket.Frame frame;
                while ((frame = socket.read()) != null && frame.opcode() != 1)
                {
                    pongs += frame.opcode() == PONG ? 1 : 0;
                }
                assertNotNull(frame, "the message after the pings was answered");
                final int answered = pongs;
                org.junit.jupiter.api.Assertions.assertTrue(answered < pings,
                    () -> answered + " pongs for " + pings + " pings to a client that read nothing meanwhile");
            }
            finally
            {
                socket.close();
            }
        }
    }

    /**
     * A listening client (seed 002's browser: it sends nothing, and answers pings) on a busy price stream: quotes keep the
     * socket written to, yet it must still be pinged, for only the pong tells the gateway that the reader is alive; a
     * socket never pinged would be closed as silent after three times {@code ping_seconds}, in the middle of its quotes.
     */
    @org.junit.jupiter.api.Test
    void aListeningClientOnABusyStreamIsPingedAndStaysOpen() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "streams: { ping_seconds: 1 }\n"))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08000", "1.08010").status());
            try (StreamClient prices = StreamClient.connect(gateway, "/ws/prices/EURUSD", TestGateway.ADMIN))
            {
                prices.next(5);
                final long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);  // past the 3 s of silence allowed
                for (int i = 1; System.nanoTime() < end; i++)
                {
                    final String bid = "1.0" + (1000 + i % 5000);
                    assertEquals(202, gateway.quote("EURUSD", bid, bid).status());
                    assertNotNull(prices.next(5), "quote " + i + " came");
                }
                org.junit.jupiter.api.Assertions.assertFalse(prices.isClosed(), "still open, listening");
            }
        }
    }

    /** A client that answers nothing, not even pings, is pinged, then closed with 1008 after three ping_seconds of silence. */
    @org.junit.jupiter.api.Test
    void aSilentClientIsPingedThenClosed() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "streams: { ping_seconds: 1 }\n");
             RawWebSocket silent = RawWebSocket.connect(gateway.port(), "/ws/prices/EURUSD", TestGateway.ADMIN, 0))
        {
            int pings = 0;
            RawWebSocket.Frame frame;
            while ((frame = silent.read()) != null && frame.opcode() != RawWebSocket.CLOSE)
            {
                pings += frame.opcode() == PING ? 1 : 0;
            }
            assertNotNull(frame, "a close frame");
            assertEquals(1008, frame.closeCode());
            org.junit.jupiter.api.Assertions.assertTrue(pings >= 1, pings + " pings before the close");
        }
    }

    /** Skips any other frame (a text message) up to the pong; null when the socket ends or times out first. */
    private static RawWebSocket.Frame nextPong(final RawWebSocket socket) throws Exception
    {
        RawWebSocket.Frame frame;
        while ((frame = socket.read()) != null)
        {
            if (frame.opcode() == PONG)
            {
                return frame;
            }
        }
        return null;
    }
}
