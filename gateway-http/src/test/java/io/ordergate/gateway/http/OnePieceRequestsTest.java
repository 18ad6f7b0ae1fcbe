package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * The request front of a connection (decoder, framing guard, one-piece join, aggregator) on an embedded channel: a
 * body in one piece arrives whole without the aggregator's composite buffer, and every other shape still gets the
 * aggregator's answer.
 */
class OnePieceRequestsTest
{
    private static final int MAX_BODY = 64;

    private final EmbeddedChannel channel = new EmbeddedChannel(
        new StrictRequestDecoder(HttpChannelInitializer.decoderConfig()),
        new HttpFramingGuard(), new OnePieceRequests(MAX_BODY), new JsonBodyAggregator(MAX_BODY));

    @AfterEach
    void close()
    {
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldJoinABodyThatCameInOnePieceWithoutACompositeBuffer()
    {
        send("POST /api/v1/orders?x=1 HTTP/1.1\r\nHost: h\r\nX-API-Key: k\r\nContent-Length: 9\r\n\r\n{\"a\":\"b\"}");
        final FullHttpRequest request = channel.readInbound();
        assertEquals("/api/v1/orders?x=1", request.uri());
        assertEquals("POST", request.method().name());
        assertEquals("k", request.headers().get("X-API-Key"));
        assertEquals("{\"a\":\"b\"}", request.content().toString(StandardCharsets.UTF_8));
        assertFalse(request.content() instanceof CompositeByteBuf, "the decoder's own piece, not the aggregator's composite");
        assertTrue(request.decoderResult().isSuccess());
        assertTrue(request.release());
        assertNull(channel.readInbound());
    }

    @Test
    void shouldJoinPipelinedRequestsInTheirOrder()
    {
        send("GET /health HTTP/1.1\r\nHost: h\r\n\r\nPOST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\n{}GET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        for (final String expected : new String[] {"/health", "/a", "/b"})
        {
            final FullHttpRequest request = channel.readInbound();
            assertEquals(expected, request.uri());
            assertFalse(request.content() instanceof CompositeByteBuf);
            request.release();
        }
        assertNull(channel.readInbound());
    }

    @Test
    void shouldLeaveABodyInSeveralPiecesToTheAggregator()
    {
        send("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 9\r\n\r\n{\"a\"");
        assertNull(channel.readInbound(), "nothing before the body's last piece");
        send(":\"b\"}");
        final FullHttpRequest request = channel.readInbound();
        assertEquals("{\"a\":\"b\"}", request.content().toString(StandardCharsets.UTF_8));
        assertInstanceOf(CompositeByteBuf.class, request.content(), "aggregated");
        request.release();
    }

    @Test
    void shouldLeaveAChunkedBodyToTheAggregator()
    {
        send("POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        final FullHttpRequest request = channel.readInbound();
        assertEquals("{}", request.content().toString(StandardCharsets.UTF_8));
        assertInstanceOf(CompositeByteBuf.class, request.content());
        request.release();
    }

    @Test
    void shouldStillAnswerExpectContinueAndThenTakeTheBody()
    {
        send("POST /a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        final FullHttpResponse interim = channel.readOutbound();
        assertEquals(100, interim.status().code());
        interim.release();
        send("{}");
        final FullHttpRequest request = channel.readInbound();
        assertEquals("{}", request.content().toString(StandardCharsets.UTF_8));
        request.release();
    }

    /**
     * The connection answers it 413 in its turn (HttpConnection), not the aggregator ahead of earlier answers; passed on
     * at its head, so a client that declared more than it sends is not left waiting for the read timeout.
     */
    @Test
    void shouldPassADeclaredLengthOverTheLimitOnAsOversizedAtItsHeadAndDropItsBody()
    {
        send("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
        final FullHttpRequest oversized = channel.readInbound();
        send("x".repeat(MAX_BODY + 1));
        assertNull(channel.readInbound(), "the body is dropped, not passed on");
        assertTrue(oversized instanceof OversizedRequest, () -> "the oversized request in its place: " + oversized);
        assertTrue(oversized.decoderResult().isFailure());
        assertEquals("/a", oversized.uri());
        oversized.release();
        assertNull(channel.readOutbound(), "no answer written beside the connection's");
    }

    @Test
    void shouldPassAFramingFailureOnAsAFailedRequest()
    {
        send("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        final FullHttpRequest failed = channel.readInbound();
        assertTrue(failed.decoderResult().isFailure());
        failed.release();
    }

    private void send(final String bytes)
    {
        channel.writeInbound(Unpooled.copiedBuffer(bytes, StandardCharsets.US_ASCII));
    }
}
