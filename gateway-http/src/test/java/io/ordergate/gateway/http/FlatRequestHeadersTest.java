package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Requests decoded with the gateway's decoder and its flat header maps: the headers read as Netty's own maps would
 * give them (any case, every value, in order), the same names and values refused, a chunked body's trailers kept.
 */
class FlatRequestHeadersTest
{
    private final List<EmbeddedChannel> channels = new ArrayList<>();
    private final List<Object> decoded = new ArrayList<>();

    @AfterEach
    void release()
    {
        decoded.forEach(ReferenceCountUtil::release);
        channels.forEach(EmbeddedChannel::finishAndReleaseAll);
    }

    @Test
    void shouldReadHeadersInAnyCaseWithEveryValueInOrder()
    {
        final HttpHeaders headers = requestOf("GET /api/v1/orders HTTP/1.1\r\nhost: h\r\nx-api-KEY: k1\r\nX-Trace: a\r\n"
            + "x-trace: b\r\nAccept: */*\r\n\r\n").headers();
        assertEquals("k1", headers.get("X-API-Key"));
        assertEquals("h", headers.get(HttpHeaderNames.HOST));
        assertEquals(List.of("a", "b"), headers.getAll("X-TRACE"));
        assertTrue(headers.contains("x-trace"));
        assertFalse(headers.contains(HttpHeaderNames.TRANSFER_ENCODING));
        assertEquals(List.of(), headers.getAll(HttpHeaderNames.TRANSFER_ENCODING));
        assertEquals(5, headers.size());
        assertEquals(List.of("Host", "X-API-Key", "X-Trace", "Accept"), new ArrayList<>(headers.names()));
        final List<String> entries = new ArrayList<>();
        for (final Map.Entry<CharSequence, CharSequence> entry : (Iterable<Map.Entry<CharSequence, CharSequence>>)headers::iteratorCharSequence)
        {
            entries.add(entry.getKey() + "=" + entry.getValue());
        }
        assertEquals(List.of("Host=h", "X-API-Key=k1", "X-Trace=a", "x-trace=b", "Accept=*/*"), entries);
    }

    @Test
    void shouldGiveTheNamesEveryRequestCarriesAsSharedConstantsAndNoOthers()
    {
        final HttpHeaders first = requestOf("GET / HTTP/1.1\r\nX-API-KEY: k\r\nX-API-Kez: z\r\n\r\n").headers();
        final HttpHeaders second = requestOf("GET / HTTP/1.1\r\nx-api-key: k\r\n\r\n").headers();
        final CharSequence firstName = first.iteratorCharSequence().next().getKey();
        assertSame(firstName, second.iteratorCharSequence().next().getKey());
        assertEquals("z", first.get("X-API-Kez"), "a name one letter off is its own name");
        assertNull(first.get("X-API-Secret"));
    }

    @Test
    void shouldGiveTheOrderRouteTargetAsASharedStringAndOnlyForItsExactBytes()
    {
        final String orders = StrictRequestDecoder.ORDERS_TARGET;
        assertSame(orders, requestOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n\r\n").uri());
        for (final String other : new String[] {"/api/v1/Orders", "/api/v1/orderz", "/api/v1/orders?x=1", "/api/v1/orders/"})
        {
            final String target = requestOf("POST " + other + " HTTP/1.1\r\nHost: x\r\n\r\n").uri();
            assertEquals(other, target);
            assertNotSame(orders, target);
        }
    }

    @Test
    void shouldChangeLikeAnyHeaderMap()
    {
        final HttpHeaders headers = requestOf("GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nA: 3\r\nC: 4\r\n\r\n").headers();
        headers.set("a", 5L);
        assertEquals(List.of("5"), headers.getAll("A"));
        headers.remove("B");
        assertEquals(List.of("C", "a"), new ArrayList<>(headers.names()));
        for (int i = 0; i < 20; i++)
        {
            headers.add("X-Many", i);
        }
        assertEquals(22, headers.size());
        assertEquals("19", headers.getAll("x-many").get(19));
        final HttpHeaders copy = headers.copy();
        headers.clear();
        assertTrue(headers.isEmpty());
        assertEquals(22, copy.size());
        assertEquals(4, copy.getInt("C"));
        assertTrue(copy.containsValue("c", "4", false));
        assertFalse(copy.containsValue("D", "4", false));
    }

    @Test
    void shouldStillRefuseAControlCharacterInANameOrAValue()
    {
        assertTrue(requestOf("GET / HTTP/1.1\r\nX-Bad\u0001Name: v\r\n\r\n").decoderResult().isFailure());
        assertTrue(requestOf("GET / HTTP/1.1\r\nX-Name: bad\u0001value\r\n\r\n").decoderResult().isFailure());
        final HttpHeaders headers = requestOf("GET / HTTP/1.1\r\nHost: h\r\n\r\n").headers();
        assertThrowsOnAdd(headers, "X-Name", "bad\u0001value");
        assertThrowsOnAdd(headers, "X Name", "v");
        assertEquals(1, headers.size());
    }

    @Test
    void shouldStillCarryTheTrailersOfAChunkedRequest()
    {
        final LastHttpContent last = lastContentOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "2\r\n{}\r\n0\r\nX-Checksum: 42\r\nX-Other: a\r\n\r\n");
        assertTrue(last.decoderResult().isSuccess());
        assertEquals("42", last.trailingHeaders().get("X-Checksum"));
        assertEquals(2, last.trailingHeaders().size());
    }

    @Test
    void shouldGiveAFixedLengthBodyAnEmptyTrailerMap()
    {
        final LastHttpContent last = lastContentOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        assertTrue(last.trailingHeaders().isEmpty());
        assertEquals("{}", last.content().toString(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldStillRefuseAFramingHeaderAsATrailer()
    {
        final LastHttpContent last = lastContentOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\nContent-Length: 5\r\n\r\n");
        assertTrue(last.decoderResult().isFailure() || !last.trailingHeaders().contains("Content-Length"),
            "Netty's trailer rules still apply");
        assertThrowsOnAdd(last.trailingHeaders(), "Transfer-Encoding", "chunked");
    }

    private static void assertThrowsOnAdd(final HttpHeaders headers, final String name, final String value)
    {
        try
        {
            headers.add(name, value);
        }
        catch (final IllegalArgumentException expected)
        {
            return;
        }
        throw new AssertionError(name + ": " + value + " was accepted");
    }

    private HttpRequest requestOf(final String request)
    {
        decode(request);
        return (HttpRequest)decoded.stream().filter(HttpRequest.class::isInstance).reduce((a, b) -> b).orElseThrow();
    }

    private LastHttpContent lastContentOf(final String request)
    {
        decode(request);
        return (LastHttpContent)decoded.stream().filter(LastHttpContent.class::isInstance).reduce((a, b) -> b).orElseThrow();
    }

    /** On a connection of its own: after a bad request the decoder drops the rest of its connection's bytes. */
    private void decode(final String request)
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new StrictRequestDecoder(HttpChannelInitializer.decoderConfig()));
        channels.add(channel);
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        Object msg;
        while ((msg = channel.readInbound()) != null)
        {
            decoded.add(msg);
        }
    }
}
