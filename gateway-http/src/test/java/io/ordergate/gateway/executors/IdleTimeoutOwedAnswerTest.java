package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.idle_timeout_seconds} closes a connection that has nothing to say, not one waiting for its answer: a
 * seed-004 connect waits {@code executors.investor_wait_seconds} for the terminal, longer than the idle timeout here,
 * and its client still gets its 202 on the connection it asked on. Once the answer is out, the silent connection is
 * closed as before.
 */
class IdleTimeoutOwedAnswerTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerARequestThatWaitsLongerThanTheIdleTimeoutAndCloseTheConnectionOnlyWhenItIsSilentAfter() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 3", GatewayHarness.SMALL_TABLES,
            "idle_timeout_seconds: 1"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawAnswers.slowConnect().getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String head = RawAnswers.head(in);
                assertTrue(head.startsWith("HTTP/1.1 202 "), () -> "the answer after the terminal's wait, on the same connection: " + head);
                in.readNBytes(RawAnswers.contentLength(head));
                final long silentSince = System.nanoTime();
                assertEquals(-1, in.read(), "closed once it has been silent for the idle timeout after its answer");
                assertTrue(System.nanoTime() - silentSince < 8_000_000_000L, "closed by the idle timeout, not the read's");
            }
        }
    }
}
