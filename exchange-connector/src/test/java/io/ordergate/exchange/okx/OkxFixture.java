package io.ordergate.exchange.okx;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.ordergate.exchange.client.Hmac;

/**
 * A small OKX v5 fixture server on loopback (the JDK's HTTP server): it checks each private request's
 * {@code OK-ACCESS-*} headers and signature exactly as OKX documents them, keeps the orders placed, fills a market
 * order at once at its price, and can answer the next placement 503 after keeping the order (the fate nobody knows).
 * Answers in OKX's {@code {"code", "msg", "data"}} shapes. Thread safe.
 */
final class OkxFixture implements AutoCloseable
{
    /** An order as the fixture keeps it. */
    record Order(String clOrdId, String ordId, String instId, String side, String ordType, String sz, String px)
    {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String key;
    private final String secret;
    private final String passphrase;
    private final String price;
    private final Map<String, Order> byClientId = new ConcurrentHashMap<>();
    final List<Order> placed = new CopyOnWriteArrayList<>();
    final AtomicInteger refusedSignatures = new AtomicInteger();
    private final AtomicInteger failNextPlacements = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(500_000_000_000L);

    OkxFixture(final String key, final String secret, final String passphrase, final String price) throws IOException
    {
        this.key = key;
        this.secret = secret;
        this.passphrase = passphrase;
        this.price = price;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v5/", this::handle);
        server.start();
    }

    URI url()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next placement keeps the order, then answers 503. */
    void failNextPlacementAfterKeepingIt()
    {
        failNextPlacements.incrementAndGet();
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final String method = exchange.getRequestMethod();
        final String path = exchange.getRequestURI().getRawPath();
        final String query = exchange.getRequestURI().getRawQuery();
        final String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if ("/api/v5/public/time".equals(path))
        {
            answer(exchange, 200, "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"ts\":\"" + System.currentTimeMillis() + "\"}]}");
            return;
        }
        final String refusal = authenticate(exchange, method, path + (query == null ? "" : "?" + query), body);
        if (refusal != null)
        {
            refusedSignatures.incrementAndGet();
            answer(exchange, 401, refusal);
            return;
        }
        switch (method + " " + path)
        {
            case "POST /api/v5/trade/order":
            {
                final JsonNode order = JSON.readTree(body);
                final Order kept = new Order(order.path("clOrdId").asText(), Long.toString(ids.incrementAndGet()), order.path("instId").asText(),
                    order.path("side").asText(), order.path("ordType").asText(), order.path("sz").asText(), order.path("px").asText(price));
                byClientId.put(kept.clOrdId(), kept);
                placed.add(kept);
                if (failNextPlacements.getAndUpdate(n -> Math.max(0, n - 1)) > 0)
                {
                    answer(exchange, 503, "<html>Service Temporarily Unavailable</html>");
                    return;
                }
                answer(exchange, 200, "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"clOrdId\":\"" + kept.clOrdId() + "\",\"ordId\":\"" + kept.ordId()
                    + "\",\"tag\":\"\",\"sCode\":\"0\",\"sMsg\":\"\"}]}");
                return;
            }
            case "GET /api/v5/trade/order":
            {
                final Order order = byClientId.get(parameter(query, "clOrdId"));
                if (order == null)
                {
                    answer(exchange, 200, "{\"code\":\"51603\",\"msg\":\"Order does not exist\",\"data\":[]}");
                    return;
                }
                final boolean market = "market".equals(order.ordType());
                answer(exchange, 200, "{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":\"" + order.instId() + "\",\"ordId\":\"" + order.ordId()
                    + "\",\"clOrdId\":\"" + order.clOrdId() + "\",\"state\":\"" + (market ? "filled" : "live") + "\",\"accFillSz\":\""
                    + (market ? order.sz() : "0") + "\",\"avgPx\":\"" + (market ? price : "") + "\",\"sz\":\"" + order.sz() + "\"}]}");
                return;
            }
            default:
                answer(exchange, 404, "{\"code\":\"50000\",\"msg\":\"no such route\",\"data\":[]}");
        }
    }

    /** OKX's checks: the key, the passphrase, a timestamp within 30 s, and the signature over timestamp+method+path+body. */
    private String authenticate(final HttpExchange exchange, final String method, final String pathAndQuery, final String body)
    {
        final String timestamp = exchange.getRequestHeaders().getFirst("OK-ACCESS-TIMESTAMP");
        if (!key.equals(exchange.getRequestHeaders().getFirst("OK-ACCESS-KEY")))
        {
            return "{\"code\":\"50111\",\"msg\":\"Invalid OK-ACCESS-KEY\",\"data\":[]}";
        }
        if (!passphrase.equals(exchange.getRequestHeaders().getFirst("OK-ACCESS-PASSPHRASE")))
        {
            return "{\"code\":\"50105\",\"msg\":\"Invalid OK-ACCESS-PASSPHRASE\",\"data\":[]}";
        }
        if (timestamp == null || Math.abs(Instant.parse(timestamp).toEpochMilli() - System.currentTimeMillis()) > 30_000)
        {
            return "{\"code\":\"50102\",\"msg\":\"Timestamp request expired\",\"data\":[]}";
        }
        final String expected = Hmac.sha256Base64(secret, timestamp + method + pathAndQuery + body);
        final String given = String.valueOf(exchange.getRequestHeaders().getFirst("OK-ACCESS-SIGN"));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII)))
        {
            return "{\"code\":\"50113\",\"msg\":\"Invalid Sign\",\"data\":[]}";
        }
        return null;
    }

    private static String parameter(final String query, final String name)
    {
        for (final String pair : String.valueOf(query).split("&"))
        {
            if (pair.startsWith(name + "="))
            {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void answer(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
