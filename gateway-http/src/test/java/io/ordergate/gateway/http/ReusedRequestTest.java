package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.IllegalReferenceCountException;

/**
 * A connection's plain requests are filled again once released: nothing of one request shows in the next, requests in
 * hand at once are apart, a duplicate taken before the release outlives it, and the body is freed exactly once.
 */
class ReusedRequestTest
{
    private final PlainRequestReader reader = new PlainRequestReader(FlatHeadersFactory.REQUEST_HEADERS, 65_536);

    @Test
    void shouldFillAReleasedRequestAgainWithNothingOfTheLastOne()
    {
        final ByteBuf received = bytes("POST /api/v1/orders HTTP/1.1\r\nHost: a\r\nX-Api-Key: k1\r\nContent-Length: 2\r\n\r\n{}");
        final FullHttpRequest first = read(received);
        assertEquals("k1", first.headers().get("x-api-key"));
        assertEquals("{}", first.content().toString(StandardCharsets.US_ASCII));
        assertTrue(first.release());
        assertEquals(0, first.refCnt());

        final FullHttpRequest second = read(bytes("GET /health HTTP/1.1\r\nHost: b\r\n\r\n"));
        assertSame(first, second, "the released request is filled again");
        assertEquals(HttpMethod.GET, second.method());
        assertEquals("/health", second.uri());
        assertEquals("b", second.headers().get("host"));
        assertNull(second.headers().get("x-api-key"), "no header of the last request");
        assertEquals(1, second.headers().size());
        assertEquals(0, second.content().readableBytes());
        assertTrue(second.release());
        assertEquals(1, received.refCnt(), "the first body's slice was released once: only the test's own reference is left");
        received.release();
    }

    @Test
    void shouldKeepPipelinedRequestsApartAndDuplicatesAlive()
    {
        final ByteBuf received = bytes("POST /a HTTP/1.1\r\nContent-Length: 3\r\n\r\none"
            + "POST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\ntwo");
        final FullHttpRequest a = read(received);
        final FullHttpRequest b = read(received);
        assertNotSame(a, b);
        final FullHttpRequest kept = a.retainedDuplicate();
        assertTrue(a.release());
        final FullHttpRequest c = read(bytes("PUT /c HTTP/1.1\r\nX-C: 1\r\nContent-Length: 5\r\n\r\nthree"));
        assertSame(a, c, "a's object is c now");
        assertEquals("/a", kept.uri());
        assertEquals("one", kept.content().toString(StandardCharsets.US_ASCII));
        assertNull(kept.headers().get("x-c"));
        assertEquals("/b", b.uri());
        assertEquals("two", b.content().toString(StandardCharsets.US_ASCII));
        kept.release();  // its body shares the received bytes' count: false while they are held
        assertTrue(b.release());
        assertTrue(c.release());
        assertEquals(1, received.refCnt());
        received.release();
    }

    @Test
    void shouldCountItsOwnReferences()
    {
        final FullHttpRequest request = read(bytes("GET /x HTTP/1.1\r\n\r\n"));
        request.retain();
        assertFalse(request.release());
        assertTrue(request.release());
        assertThrows(IllegalReferenceCountException.class, request::release);
        assertThrows(IllegalReferenceCountException.class, request::retain);
    }

    private FullHttpRequest read(final ByteBuf received)
    {
        assertEquals(PlainRequestReader.Outcome.READ, reader.read(received));
        return reader.take();
    }

    private static ByteBuf bytes(final String text)
    {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }
}
