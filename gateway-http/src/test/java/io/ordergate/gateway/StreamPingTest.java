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
