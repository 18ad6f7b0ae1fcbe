package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.gateway.GatewayFeatures;
import io.ordergate.gateway.core.GatewayContext;

/** The HTTP server without an engine behind it (on the NIO transport: the other tests run on auto): readiness, connection limit, idle timeout. */
class HttpServerTest
{
    private static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0, max_connections: 2, idle_timeout_seconds: 1, transport: nio }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "demo: { quote_feed: false }",
        "");

    private final GatewayConfig config = ConfigLoader.parse(CONFIG, "test");
    private final GatewayContext context = new GatewayContext(config, "test");
    private final GatewayFeatures features = new GatewayFeatures(context);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer server;

    @AfterEach
    void close()
    {
        if (server != null)
        {
            server.close();
        }
    }

    private HttpResponse<String> get(final String path) throws Exception
    {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsNotReadyUntilStartUpSaysSoAndEveryRouteWaits() throws Exception
    {
        server = HttpServer.bind(config.server(), features.router(), context);

        final HttpResponse<String> starting = get("/health");
        assertEquals(503, starting.statusCode());
        assertTrue(starting.body().contains("\"status\":\"starting\""), starting.body());
        assertTrue(starting.body().contains("\"code\":\"NOT_READY\""), starting.body());

        final HttpResponse<String> orders = get("/api/v1/orders");
        assertEquals(503, orders.statusCode());
        assertTrue(orders.body().contains("\"code\":\"NOT_READY\""), orders.body());

        context.markReady();
        final HttpResponse<String> ready = get("/health");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().startsWith("{\"status\":\"ok\",\"version\":\"test\",\"uptime_seconds\":"), ready.body());

        context.markClosing();
        assertEquals(503, get("/health").statusCode());
    }

    @Test
    void connectionsBeyondTheLimitAreAnswered503AndClosed() throws Exception
    {
        server = HttpServer.bind(config.server(), features.router(), context);
        try (Socket first = connect(); Socket second = connect(); Socket third = connect())
        {
            final String refused = new String(third.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(refused.startsWith("HTTP/1.1 503 "), "the third connection is answered 503 and closed: " + refused);
            assertTrue(refused.contains("Connection: close") && refused.contains("\"code\":\"OVERLOADED\""), refused);
            assertTrue(exchange(first).startsWith("HTTP/1.1 503"), "the first two are served");
            assertTrue(exchange(second).startsWith("HTTP/1.1 503"));
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception
    {
        server = HttpServer.bind(config.server(), features.router(), context);
        try (Socket socket = connect())
        {
            final long start = System.nanoTime();
            assertEquals(-1, readWithin(socket), "closed after idle_timeout_seconds");
            assertTrue(System.nanoTime() - start >= 500_000_000L, "not before it was idle");
        }
    }

    private Socket connect() throws IOException
    {
        final Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(5000);
        return socket;
    }

    private static int readWithin(final Socket socket) throws IOException
    {
        return socket.getInputStream().read();
    }

    private static String exchange(final Socket socket) throws IOException
    {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        final InputStream in = socket.getInputStream();
        final byte[] buffer = new byte[512];
        final int read = in.read(buffer);
        return new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
    }
}
