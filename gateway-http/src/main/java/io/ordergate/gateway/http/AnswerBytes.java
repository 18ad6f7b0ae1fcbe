package io.ordergate.gateway.http;

import java.nio.charset.StandardCharsets;

import org.agrona.DirectBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Encodes a whole HTTP/1.1 answer (status line, headers, body) straight into one pooled direct {@link ByteBuf}, so an
 * answer costs no response object, header map, header entries, encoder promises or strings: the bytes Netty's
 * {@code HttpResponseEncoder} would write for the same {@code DefaultFullHttpResponse}, lower-case header names, no
 * {@code connection} header on a kept-alive connection and {@code connection: close} otherwise. Stateless.
 */
final class AnswerBytes
{
    private static final int LOWEST_STATUS = 100;
    private static final int HIGHEST_STATUS = 599;
    /** Room for the status line and the headers of every answer the gateway writes (the buffer grows if not). */
    private static final int HEAD_ROOM = 160;
    private static final byte[][] STATUS_LINES = statusLines();
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] SEPARATOR = {':', ' '};
    private static final byte[] CONTENT_TYPE = header(HttpHeaderNames.CONTENT_TYPE);
    private static final byte[] CONTENT_LENGTH = header(HttpHeaderNames.CONTENT_LENGTH);
    private static final byte[] CONNECTION_CLOSE = (HttpHeaderNames.CONNECTION + ": close\r\n").getBytes(StandardCharsets.US_ASCII);

    private AnswerBytes()
    {
    }

    /**
     * The answer in a new pooled direct buffer (the caller writes it; Netty releases it once written).
     *
     * @param headerName an extra header (Allow, Retry-After) or null
     */
    static ByteBuf encode(final ByteBufAllocator allocator, final int status, final DirectBuffer body, final int length,
        final CharSequence contentType, final CharSequence headerName, final CharSequence headerValue, final boolean keepAlive)
    {
        final ByteBuf out = allocator.directBuffer(HEAD_ROOM + length);
        head(out, status, length, contentType, headerName, headerValue, keepAlive);
        if (body.byteArray() != null)
        {
            out.writeBytes(body.byteArray(), 0, length);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                out.writeByte(body.getByte(i));
            }
        }
        return out;
    }

    /** As {@link #encode(ByteBufAllocator, int, DirectBuffer, int, CharSequence, CharSequence, CharSequence, boolean)}. */
    static ByteBuf encode(final ByteBufAllocator allocator, final int status, final byte[] body, final CharSequence contentType,
        final CharSequence headerName, final CharSequence headerValue, final boolean keepAlive)
    {
        final ByteBuf out = allocator.directBuffer(HEAD_ROOM + body.length);
        head(out, status, body.length, contentType, headerName, headerValue, keepAlive);
        out.writeBytes(body);
        return out;
    }

    private static void head(final ByteBuf out, final int status, final int length, final CharSequence contentType,
        final CharSequence headerName, final CharSequence headerValue, final boolean keepAlive)
    {
        out.writeBytes(statusLine(status));
        out.writeBytes(CONTENT_TYPE);
        ByteBufUtil.writeAscii(out, contentType);
        out.writeBytes(CRLF);
        out.writeBytes(CONTENT_LENGTH);
        writeDecimal(out, length);
        out.writeBytes(CRLF);
        if (headerName != null)
        {
            ByteBufUtil.writeAscii(out, headerName);
            out.writeBytes(SEPARATOR);
            ByteBufUtil.writeAscii(out, headerValue);
            out.writeBytes(CRLF);
        }
        if (!keepAlive)
        {
            out.writeBytes(CONNECTION_CLOSE);
        }
        out.writeBytes(CRLF);
    }

    /** {@code HTTP/1.1 201 Created\r\n}: one shared array per status the gateway can answer. */
    static byte[] statusLine(final int status)
    {
        if (status < LOWEST_STATUS || status > HIGHEST_STATUS)
        {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        return STATUS_LINES[status - LOWEST_STATUS];
    }

    private static void writeDecimal(final ByteBuf out, final int value)
    {
        int divisor = 1;
        while (value / divisor >= 10)
        {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10)
        {
            out.writeByte('0' + value / divisor % 10);
        }
    }

    private static byte[] header(final CharSequence name)
    {
        return (name + ": ").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] statusLines()
    {
        final byte[][] lines = new byte[HIGHEST_STATUS - LOWEST_STATUS + 1][];
        for (int status = LOWEST_STATUS; status <= HIGHEST_STATUS; status++)
        {
            final HttpResponseStatus known = HttpResponseStatus.valueOf(status);
            lines[status - LOWEST_STATUS] = ("HTTP/1.1 " + status + ' ' + known.reasonPhrase() + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
        return lines;
    }
}
