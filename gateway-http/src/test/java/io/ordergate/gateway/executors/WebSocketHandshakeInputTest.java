package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WebSocket handshake the gateway cannot complete is refused over HTTP before the connection stops being HTTP: no
 * {@code Sec-WebSocket-Key} is a 400 naming it (not a 500, not a connection left with no answer and no handler), and
 * no {@code Sec-WebSocket-Version} (the pre-RFC 6455 drafts) is the 426 of an unspoken version. Either way the
 * connection stays an HTTP connection that answers its next request. Both WebSocket routes: a stream's, whose socket
 * moves to the stream loops before its handshake, and an executor's, which stays on its loop.
 */
class WebSocketHandshakeInputTest
{
    private static final String NO_KEY = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n";
    private static final String NO_VERSION = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseAHandshakeWithoutKeyOrVersionOverHttpAndKeepTheConnectionHttp() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final String admin = "X-API-Key: " + GatewayHarness.ADMIN_KEY + "\r\nX-API-Secret: " + GatewayHarness.ADMIN_SECRET + "\r\n";
            final String executorKeys = "X-API-Key: " + executor.key() + "\r\nX-API-Secret: " + executor.secret() + "\r\n";
            final String executorStream = "/api/executor/" + executor.id() + "/stream";

            assertRefusedThenHealthy(gateway, "/ws/prices/EURUSD", admin + NO_KEY, "400", "Sec-WebSocket-Key");
            assertRefusedThenHealthy(gateway, executorStream, executorKeys + NO_KEY, "400", "Sec-WebSocket-Key");
            assertRefusedThenHealthy(gateway, "/ws/prices/EURUSD", admin + NO_VERSION, "426", null);
            assertRefusedThenHealthy(gateway, executorStream, executorKeys + NO_VERSION, "426", null);
        }
    }

    private static void assertRefusedThenHealthy(final GatewayHarness gateway, final String path, final String headers, final String status,
        final String named) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            final String head = RawAnswers.head(in);
            assertTrue(head.startsWith("HTTP/1.1 " + status + " "), () -> path + " without " + (named == null ? "a version" : named) + ": " + head);
            final String body = new String(in.readNBytes(RawAnswers.contentLength(head)), StandardCharsets.UTF_8);
            if (named != null)
            {
                assertTrue(body.contains(named), () -> "the answer names the header: " + body);
            }
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final String health = RawAnswers.head(in);
            assertTrue(health.startsWith("HTTP/1.1 200 "), () -> "the connection still answers HTTP after " + path + ": " + health);
        }
    }
}
