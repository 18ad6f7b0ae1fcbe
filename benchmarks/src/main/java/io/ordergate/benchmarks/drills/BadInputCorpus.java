package io.ordergate.benchmarks.drills;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bad-input corpus: the shapes issue 9 found (request smuggling, bad escapes, UTF-16, invalid UTF-8, trailing
 * data, decimal grammar) and more (nesting depth, huge numbers, control characters, long URLs, many headers, broken
 * framing). Each is a whole raw HTTP/1.1 request with the admin's credentials, sent on its own connection.
 */
final class BadInputCorpus
{
    private static final String ORDER = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}";

    private BadInputCorpus()
    {
    }

    static Map<String, byte[]> shapes(final String key, final String secret)
    {
        final String auth = "X-API-Key: " + key + "\r\nX-API-Secret: " + secret + "\r\n";
        final Map<String, byte[]> shapes = new LinkedHashMap<>();
        final String hidden = "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: "
            + ORDER.length() + "\r\n\r\n" + ORDER;
        shapes.put("CL+TE smuggling", ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
            + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + hidden));
        shapes.put("TE chunked,identity+CL", ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
            + "Content-Length: " + ORDER.length() + "\r\nTransfer-Encoding: chunked, identity\r\n\r\n" + ORDER));
        shapes.put("bad chunk size", ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + ORDER + "\r\n0\r\n\r\n"));
        for (final String target : new String[] {"/api/v1/orders?%", "/api/v1/orders?account_id=%ZZ", "/api/v1/groups/%", "/webhook/tradingview/%ZZ",
            "/api/v1/orders/%00", "/api/v1/orders?limit=99999999999999999999"})
        {
            shapes.put("GET " + target, request("GET", target, key, secret, null));
        }
        shapes.put("UTF-16 order", request("POST", "/api/v1/orders", key, secret, null, utf16(ORDER)));
        shapes.put("UTF-16 executor heartbeat", request("POST", "/api/executor/nope/heartbeat", key, secret, null, utf16("{\"status\":\"online\"}")));
        shapes.put("invalid UTF-8", request("POST", "/api/v1/orders", key, secret, null, join(ascii("{\"account_id\":\"paper-1\",\"client_order_id\":\""),
            new byte[] {(byte)0xC0, (byte)0xAF}, ascii("etc\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}"))));
        shapes.put("trailing data", request("POST", "/api/v1/orders", key, secret, ORDER + "xyz"));
        shapes.put("two JSON values", request("POST", "/api/v1/orders", key, secret, ORDER + ORDER));
        shapes.put("nesting depth 100000", request("POST", "/api/v1/orders", key, secret, "[".repeat(100_000)));
        shapes.put("deep object", request("POST", "/api/v1/orders", key, secret, "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        shapes.put("huge exponent", request("POST", "/api/v1/orders", key, secret, ORDER.replace("0.01", "1e999999999")));
        shapes.put("huge number", request("POST", "/api/v1/orders", key, secret, ORDER.replace("0.01", "9".repeat(400))));
        shapes.put("negative zero", request("POST", "/api/v1/orders", key, secret, ORDER.replace("0.01", "-0.0")));
        shapes.put("control character", request("POST", "/api/v1/orders", key, secret, ORDER.replace("}", ",\"client_order_id\":\"a\u0001b\"}")));
        shapes.put("NUL in header", ascii("GET /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "X-Bad: a\u0000b\r\n\r\n"));
        shapes.put("long URL 100 KB", request("GET", "/api/v1/orders?account_id=" + "a".repeat(100_000), key, secret, null));
        final StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2_000; i++)
        {
            many.append("X-H").append(i).append(": v\r\n");
        }
        shapes.put("2000 headers", ascii("GET /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + many + "\r\n"));
        shapes.put("Content-Length -1", ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
            + "Content-Length: -1\r\n\r\n" + ORDER));
        shapes.put("Content-Length too big", ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
            + "Content-Length: 99999999999\r\n\r\n" + ORDER));
        shapes.put("two Content-Lengths", ascii("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
            + "Content-Length: " + ORDER.length() + "\r\nContent-Length: 3\r\n\r\n" + ORDER));
        shapes.put("garbage request line", ascii("\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n"));
        shapes.put("wrong Content-Type", request("POST", "/api/v1/orders", key, secret, "text/xml", ascii(ORDER)));
        shapes.put("decimal .1", request("POST", "/api/v1/orders", key, secret, ORDER.replace("0.01", "\".1\"")));
        return shapes;
    }

    static byte[] request(final String method, final String target, final String key, final String secret, final String json)
    {
        return request(method, target, key, secret, null, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] request(final String method, final String target, final String key, final String secret, final String contentType,
        final byte[] body)
    {
        final String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nX-API-Key: " + key
            + "\r\nX-API-Secret: " + secret + "\r\n"
            + (body == null ? "" : "Content-Type: " + (contentType == null ? "application/json" : contentType) + "\r\nContent-Length: "
                + body.length + "\r\n") + "\r\n";
        return body == null ? ascii(head) : join(ascii(head), body);
    }

    private static byte[] utf16(final String text)
    {
        return join(new byte[] {(byte)0xFF, (byte)0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] join(final byte[]... parts)
    {
        final ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }
}
