package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * An answer encoded by {@link AnswerBytes} is byte for byte what Netty's encoder wrote for the response object it
 * replaces, in a pooled direct buffer; and {@link AnswerEncoder} lets such bytes through while still encoding objects.
 */
class AnswerBytesTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "201 | {\"status\":\"filled\"}     | true  |             |",
        "422 | {\"error\":{}}             | false |             |",
        "503 | {}                         | true  | retry-after | 1",
        "405 | ``                         | false | allow       | GET, POST",
        "299 | x                          | true  |             |"})
    void shouldWriteTheBytesNettysEncoderWroteForTheSameResponse(final int status, final String body, final boolean keepAlive,
        final String headerName, final String headerValue)
    {
        final byte[] json = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        final ByteBuf ours = AnswerBytes.encode(PooledByteBufAllocator.DEFAULT, status, new UnsafeBuffer(json), json.length,
            HttpHeaderValues.APPLICATION_JSON, headerName, headerValue, keepAlive);
        final ByteBuf fromArray = AnswerBytes.encode(PooledByteBufAllocator.DEFAULT, status, json, HttpHeaderValues.APPLICATION_JSON,
            headerName, headerValue, keepAlive);
        try
        {
            assertTrue(ours.isDirect());
            final String expected = nettyEncoded(status, json, keepAlive, headerName, headerValue);
            assertEquals(expected, ours.toString(StandardCharsets.UTF_8));
            assertEquals(expected, fromArray.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            ours.release();
            fromArray.release();
        }
    }

    @ParameterizedTest
    @CsvSource({"99", "600"})
    void shouldRefuseWhatIsNoHttpStatus(final int status)
    {
        assertEquals("not an HTTP status: " + status,
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> AnswerBytes.statusLine(status)).getMessage());
    }

    @ParameterizedTest
    @CsvSource({"200", "404"})
    void shouldPassEncodedBytesThroughAndStillEncodeResponseObjects(final int status)
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new AnswerEncoder());
        final ByteBuf bytes = Unpooled.copiedBuffer("already encoded", StandardCharsets.US_ASCII);
        assertTrue(channel.writeOutbound(bytes));
        final ByteBuf passed = channel.readOutbound();
        assertSame(bytes, passed);
        passed.release();
        assertTrue(channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status))));
        final ByteBuf encoded = drain(channel);
        assertTrue(encoded.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 " + status + " "));
        encoded.release();
        assertFalse(channel.finish());
    }

    private static String nettyEncoded(final int status, final byte[] json, final boolean keepAlive, final String headerName, final String headerValue)
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new AnswerEncoder());
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
            Unpooled.wrappedBuffer(json));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON).setInt(HttpHeaderNames.CONTENT_LENGTH, json.length);
        if (headerName != null)
        {
            response.headers().set(headerName, headerValue);
        }
        HttpUtil.setKeepAlive(response, keepAlive);
        channel.writeOutbound(response);
        final ByteBuf all = drain(channel);
        try
        {
            return all.toString(StandardCharsets.UTF_8);
        }
        finally
        {
            all.release();
            channel.finishAndReleaseAll();
        }
    }

    private static ByteBuf drain(final EmbeddedChannel channel)
    {
        final CompositeByteBuf all = Unpooled.compositeBuffer();
        ByteBuf part;
        while ((part = channel.readOutbound()) != null)
        {
            all.addComponent(true, part);
        }
        return all;
    }
}
