package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;

/**
 * Stream sockets are served on event loops of their own ({@code streams.event_loop_threads}), so a loop busy writing
 * to many subscribers never holds the loop that reads orders: with every stream loop held, an order is still answered
 * while a stream socket's ping waits, and the pong comes once the loops are free. With the setting 0 the sockets stay
 * on the HTTP loops and work as before.
 */
class StreamEventLoopsTest
{
    private static final int PING = 9;
    private static final int PONG = 10;
    private static final String UNPACED = "streams: { quote_turn_micros: 0, event_loop_threads: %d }\n";

    @TempDir
    Path dataDir;

    @Test
    void anOrderIsAnsweredWhileEveryStreamLoopIsHeld() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, String.format(UNPACED, 1));
            RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            assertTrue(socket.response().startsWith("HTTP/1.1 101"), socket::response);
            assertEquals(202, gateway.quote("EURUSD", "1.08410", "1.08420").status());
            final EventLoopGroup streams = gateway.gateway().streamEventLoops();
            assertNotNull(streams, "streams.event_loop_threads 1 made no stream loops");
            final CountDownLatch held = new CountDownLatch(1);
            final CountDownLatch release = new CountDownLatch(1);
            for (final EventExecutor loop : streams)
            {
                loop.execute(() ->
                {
                    held.countDown();
                    await(release);
                });
            }
            try
            {
                assertTrue(held.await(10, TimeUnit.SECONDS), "the stream loop never ran the task that holds it");
                socket.send(PING, "while-held".getBytes(StandardCharsets.US_ASCII));
                final TestGateway.Reply placed = gateway.market("paper-1", "EURUSD", "buy", "0.01");
                assertEquals(201, placed.status(), placed::toString);
                socket.timeoutMillis(200);
                assertNull(socket.read(), "the ping was answered while its loop was held: the socket is not on a stream loop");
            }
            finally
            {
                release.countDown();
            }
            socket.timeoutMillis(10_000);
            final RawWebSocket.Frame pong = socket.read();
            assertNotNull(pong, "no pong after the stream loop was released");
            assertEquals(PONG, pong.opcode());
            assertEquals("while-held", new String(pong.payload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void withNoStreamLoopsTheSocketsStayOnTheHttpLoops() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, String.format(UNPACED, 0));
            RawWebSocket socket = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
        {
            assertTrue(socket.response().startsWith("HTTP/1.1 101"), socket::response);
            assertNull(gateway.gateway().streamEventLoops());
            socket.timeoutMillis(10_000);
            socket.send(PING, "shared".getBytes(StandardCharsets.US_ASCII));
            final RawWebSocket.Frame pong = socket.read();
            assertNotNull(pong, "no pong from a socket on the HTTP loop");
            assertEquals(PONG, pong.opcode());
            assertEquals("shared", new String(pong.payload(), StandardCharsets.US_ASCII));
        }
    }

    private static void await(final CountDownLatch latch)
    {
        try
        {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
