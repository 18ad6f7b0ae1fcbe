package io.ordergate.benchmarks.loadgen;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The bytes of the requests a run sends, encoded once: a connection writes a duplicate of one of them per request,
 * so the generator spends nothing on HTTP encoding. Two variants (buy and sell) alternate on each connection.
 * Immutable after construction: the buffers are shared read-only by the event loop.
 */
final class RequestTemplate
{
    private final ByteBuf first;
    private final ByteBuf second;
    private final String description;

    private RequestTemplate(final String first, final String second, final String description)
    {
        this.first = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(first, StandardCharsets.US_ASCII)).asReadOnly();
        this.second = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(second, StandardCharsets.US_ASCII)).asReadOnly();
        this.description = description;
    }

    /** POST /api/v1/orders, a market order of {@code quantity}; buy for the first variant, sell for the second. */
    static RequestTemplate orders(final String host, final int port, final String apiKey, final String apiSecret,
        final String account, final String symbol, final String quantity)
    {
        return new RequestTemplate(
            order(host, port, apiKey, apiSecret, orderBody(account, symbol, "buy", quantity)),
            order(host, port, apiKey, apiSecret, orderBody(account, symbol, "sell", quantity)),
            "POST /api/v1/orders market " + quantity + " " + symbol + " on " + account + ", buy/sell alternating");
    }

    /** GET /: the baseline's request (Netty's hello-world server answers any request the same way). */
    static RequestTemplate helloWorld(final String host, final int port)
    {
        final String get = "GET / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n\r\n";
        return new RequestTemplate(get, get, "GET /");
    }

    static String orderBody(final String account, final String symbol, final String side, final String quantity)
    {
        return "{\"account_id\":\"" + account + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side +
            "\",\"type\":\"market\",\"quantity\":" + quantity + "}";
    }

    private static String order(final String host, final int port, final String apiKey, final String apiSecret, final String body)
    {
        return "POST /api/v1/orders HTTP/1.1\r\n" +
            "Host: " + host + ":" + port + "\r\n" +
            "Content-Type: application/json\r\n" +
            "Accept: application/json\r\n" +
            "X-API-Key: " + apiKey + "\r\n" +
            "X-API-Secret: " + apiSecret + "\r\n" +
            "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n" +
            "\r\n" + body;
    }

    /** A duplicate to write: its own indexes over the shared bytes, nothing to release. */
    ByteBuf request(final boolean firstVariant)
    {
        return (firstVariant ? first : second).duplicate();
    }

    String description()
    {
        return description;
    }
}
