package io.ordergate.benchmarks.loadgen;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The bytes of the requests a run sends, encoded once: a connection writes a duplicate of one of them per request,
 * so the generator spends nothing on HTTP encoding. Each connection cycles through the variants in order: for
 * paper orders buy, sell; for orders on N MT5 accounts (--executors) account 1 buy … account N buy, account 1 sell …
 * account N sell, so the accounts take turns and each account's orders alternate buy and sell.
 * Immutable after construction: the buffers are shared read-only by the event loop.
 */
final class RequestTemplate
{
    private final ByteBuf[] variants;
    private final String description;

    private RequestTemplate(final List<String> variants, final String description)
    {
        this.variants = new ByteBuf[variants.size()];
        for (int i = 0; i < this.variants.length; i++)
        {
            this.variants[i] = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(variants.get(i), StandardCharsets.US_ASCII)).asReadOnly();
        }
        this.description = description;
    }

    /** POST /api/v1/orders, a market order of {@code quantity}; buy for the first variant, sell for the second. */
    static RequestTemplate orders(final String host, final int port, final String apiKey, final String apiSecret,
        final String account, final String symbol, final String quantity)
    {
        return new RequestTemplate(List.of(
            order(host, port, apiKey, apiSecret, orderBody(account, symbol, "buy", quantity)),
            order(host, port, apiKey, apiSecret, orderBody(account, symbol, "sell", quantity))),
            "POST /api/v1/orders market " + quantity + " " + symbol + " on " + account + ", buy/sell alternating");
    }

    /** POST /api/v1/orders market orders taking turns over {@code accounts}, each account alternating buy and sell. */
    static RequestTemplate orders(final String host, final int port, final String apiKey, final String apiSecret,
        final List<String> accounts, final String symbol, final String quantity)
    {
        final List<String> variants = new ArrayList<>();
        for (final String side : new String[] {"buy", "sell"})
        {
            for (final String account : accounts)
            {
                variants.add(order(host, port, apiKey, apiSecret, orderBody(account, symbol, side, quantity)));
            }
        }
        return new RequestTemplate(variants, "POST /api/v1/orders market " + quantity + " " + symbol + " round-robin on " +
            String.join(", ", accounts) + " (mt5), buy/sell alternating per account");
    }

    /** GET /: the baseline's request (Netty's hello-world server answers any request the same way). */
    static RequestTemplate helloWorld(final String host, final int port)
    {
        final String get = "GET / HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: */*\r\n\r\n";
        return new RequestTemplate(List.of(get), "GET /");
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

    /** A duplicate of variant {@code index} to write: its own indexes over the shared bytes, nothing to release. */
    ByteBuf request(final int index)
    {
        return variants[index].duplicate();
    }

    int variants()
    {
        return variants.length;
    }

    String description()
    {
        return description;
    }
}
