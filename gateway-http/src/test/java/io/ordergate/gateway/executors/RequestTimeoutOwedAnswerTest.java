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
 * {@code server.request_read_timeout_seconds} cuts off a client too slow to send its request, but its 408 does not take
 * the place of an answer the connection still owes an earlier request (a seed-004 connect waiting for its terminal),
 * nor does its close lose that answer: the owed answer comes first, then the 408, then the close.
 */
class RequestTimeoutOwedAnswerTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerTheRequestBeforeASlowOneFirstAndOnlyThenTimeTheSlowOneOut() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 3", GatewayHarness.SMALL_TABLES,
            "request_read_timeout_seconds: 1"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(RawAnswers.slowConnect().getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final long deadline = System.nanoTime() + 5_000_000_000L;
                while (!Boolean.TRUE.equals(gateway.admin("GET", "/api/mt5/status/mt5-1", null).at("syncing")))
                {
                    assertTrue(System.nanoTime() < deadline, "the connect is read and waits for the terminal");
                    Thread.onSpinWait();
                }
                // The next request's first bytes, in a read of their own, and no more: its read deadline runs out first.
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String first = RawAnswers.head(in);
                assertTrue(first.startsWith("HTTP/1.1 202 "), () -> "the connect's answer first: " + first);
                in.readNBytes(RawAnswers.contentLength(first));
                final String second = RawAnswers.head(in);
                assertTrue(second.startsWith("HTTP/1.1 408 "), () -> "then the slow request's: " + second);
                in.readNBytes(RawAnswers.contentLength(second));
                assertEquals(-1, in.read(), "closed after the 408");
            }
        }
    }
}
