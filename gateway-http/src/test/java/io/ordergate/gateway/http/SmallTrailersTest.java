package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/** Requests decoded with the small trailer maps keep what Netty's own would: a chunked body's trailers, its checks. */
class SmallTrailersTest
{
    @Test
    void shouldStillCarryTheTrailersOfAChunkedRequest()
    {
        final LastHttpContent last = lastContentOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "2\r\n{}\r\n0\r\nX-Checksum: 42\r\nX-Other: a\r\n\r\n");
        assertTrue(last.decoderResult().isSuccess());
        assertEquals("42", last.trailingHeaders().get("X-Checksum"));
        assertEquals(2, last.trailingHeaders().size());
        last.release();
    }

    @Test
    void shouldGiveAFixedLengthBodyAnEmptyTrailerMap()
    {
        final LastHttpContent last = lastContentOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        assertTrue(last.trailingHeaders().isEmpty());
        assertEquals("{}", last.content().toString(StandardCharsets.US_ASCII));
        last.release();
    }

    @Test
    void shouldStillRefuseAFramingHeaderAsATrailer()
    {
        final LastHttpContent last = lastContentOf("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\nContent-Length: 5\r\n\r\n");
        assertTrue(last.decoderResult().isFailure() || !last.trailingHeaders().contains("Content-Length"),
            "Netty's trailer validation still applies");
        last.release();
    }

    private static LastHttpContent lastContentOf(final String request)
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(new HttpDecoderConfig().setTrailersFactory(SmallTrailers.INSTANCE)));
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.US_ASCII));
        LastHttpContent last = null;
        Object msg;
        while ((msg = channel.readInbound()) != null)
        {
            if (msg instanceof LastHttpContent)
            {
                last = (LastHttpContent)msg;
            }
            else if (msg instanceof HttpObject)
            {
                ReferenceCountUtil.release(msg);
            }
        }
        channel.finishAndReleaseAll();
        return last;
    }
}
