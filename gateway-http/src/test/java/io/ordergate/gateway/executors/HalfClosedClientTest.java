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
 * A client that shuts its output after sending its request (half-closes, as {@code nc -N} or a one-shot client does)
 * still reads the answer: the gateway closes after the answers owed, not at the end of the client's input. Closed
 * there, the client of a request already handled (a seed-004 connect) never heard its answer.
 */
class HalfClosedClientTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerARequestWhoseClientShutItsOutputAndThenClose() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 1", GatewayHarness.SMALL_TABLES,
            "idle_timeout_seconds: 60"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);  // far below the idle timeout: only a close after the answer passes
                socket.getOutputStream().write(RawAnswers.slowConnect().getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                final InputStream in = socket.getInputStream();
                final String head = RawAnswers.head(in);
                assertTrue(head.startsWith("HTTP/1.1 202 "), () -> "the connect's answer, though the client ended its side: " + head);
                in.readNBytes(RawAnswers.contentLength(head));
                assertEquals(-1, in.read(), "then the gateway closes");
            }
        }
    }

    /** With nothing owed, the end of the client's input closes the connection at once, as before. */
    @Test
    void shouldCloseAtOnceWhenTheClientEndsItsSideWithNothingOwed() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 1", GatewayHarness.SMALL_TABLES,
            "idle_timeout_seconds: 60"))
        {
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String head = RawAnswers.head(in);
                assertTrue(head.startsWith("HTTP/1.1 200 "), head);
                in.readNBytes(RawAnswers.contentLength(head));
                socket.shutdownOutput();
                assertEquals(-1, in.read(), "closed at the end of the client's input, not at the idle timeout");
            }
        }
    }
}
