package io.ordergate.exchange;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.exchange.client.UserDataStream;

/**
 * A stream whose WebSocket handshake the exchange refuses (here 404, as a stream host in trouble answers 503) tries
 * again with back-off, one attempt at a time: a failed open must not also count as the end of a socket, or every
 * refusal would start two reconnects and the attempts would double each round.
 */
class UserStreamRefusedHandshakeTest
{
    /** The first waits of the back-off (100 ms, doubling): the fifth refusal can come no sooner after the first. */
    private static final long FOUR_BACKOFFS_MILLIS = 100 + 200 + 400 + 800;

    private ConnectorFixture fixture;
    private ServerSocket refusing;

    @AfterEach
    void stop() throws Exception
    {
        fixture.close();
        refusing.close();
    }

    @Test
    void shouldTryARefusedHandshakeAgainOneAttemptAtATimeWithBackOff() throws Exception
    {
        fixture = new ConnectorFixture(6_000, 100);
        refusing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Long> refusedAtNanos = new CopyOnWriteArrayList<>();
        final Thread server = new Thread(() -> refuseEveryHandshake(refusing, refusedAtNanos), "refusing-stream-host");
        server.setDaemon(true);
        server.start();
        // the listen key from the simulated exchange's REST, the socket on a host that refuses every handshake
        final URI streamBase = URI.create("ws://127.0.0.1:" + refusing.getLocalPort() + "/");
        fixture.stream = new UserDataStream("binance-1", fixture.client, fixture.session, streamBase, fixture.io).start();
        Eventually.holds("five refused handshakes", () -> refusedAtNanos.size() >= 5);
        final long firstToFifthMillis = TimeUnit.NANOSECONDS.toMillis(refusedAtNanos.get(4) - refusedAtNanos.get(0));
        assertTrue(firstToFifthMillis >= FOUR_BACKOFFS_MILLIS,
            "five attempts in " + firstToFifthMillis + " ms: faster than one chain of back-offs, so reconnects ran side by side");
    }

    /** Answers every handshake 404 and closes, noting when. */
    private static void refuseEveryHandshake(final ServerSocket server, final List<Long> refusedAtNanos)
    {
        while (!server.isClosed())
        {
            try (Socket peer = server.accept())
            {
                final InputStream in = peer.getInputStream();
                final StringBuilder request = new StringBuilder();
                int b;
                while (request.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0)
                {
                    request.append((char)b);
                }
                final OutputStream out = peer.getOutputStream();
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                refusedAtNanos.add(System.nanoTime());
            }
            catch (final java.io.IOException ex)
            {
                // closed at the end of the test, or a client gone: either way nothing to answer
            }
        }
    }
}
