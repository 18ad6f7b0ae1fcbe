package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.util.ReferenceCountUtil;

/**
 * The plain reader against Netty's decoder: the same bytes through the request front of a connection (decoder,
 * framing guard, one-piece join, aggregator) once with the plain reader and once with Netty's decoder alone must give
 * the same requests, answers and channel state, for requests altered byte by byte, split at every byte, and the
 * smuggling shapes. The tests also count what the plain reader read: it reads the plain requests itself (else every
 * comparison would be Netty against Netty) and leaves the others to Netty.
 */
class PlainRequestReaderTest
{
    private static final int MAX_BODY = 64;
    private static final String ORDER = "POST /api/v1/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "X-API-Key: og_k1\r\nX-API-Secret: s3cret-value\r\nContent-Length: 9\r\n\r\n{\"a\":\"b\"}";
    private static final String POLL = "GET /api/v1/orders/7?x=1&y=%41 HTTP/1.1\r\nHost: h\r\nAccept: */*\r\nUser-Agent: t/1\r\n\r\n";
    private static final String CANCEL = "DELETE /a HTTP/1.1\r\nx-custom:  v  w \t\r\ncontent-length: 0\r\nConnection: close\r\n\r\n";
    private static final String FOLLOW_UP = "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
    private static final byte[] ALTERATIONS = {0, '\t', '\n', '\r', ' ', ':', '/', 'A', 'z', '0', '9', '"', ',', '+', '-', 0x7F, (byte)0x80, (byte)0xFF};

    @Test
    void shouldReadPlainRequestsItselfExactlyAsNettyDoes()
    {
        final Run plain = agreed(bytes(ORDER + POLL + ORDER + CANCEL), () -> "four plain requests");
        assertEquals(4, plain.readPlainly, plain.description);
        assertTrue(plain.description.contains("x-custom: v  w|"), "blanks around a value dropped, inner ones kept: " + plain.description);
    }

    @Test
    void shouldGiveARepeatedHeaderValueAsTheStringSentBefore()
    {
        final EmbeddedChannel channel = front(decoder(true));
        channel.writeInbound(Unpooled.copiedBuffer(ORDER + ORDER.replace("og_k1", "og_k2") + ORDER, StandardCharsets.US_ASCII));
        final FullHttpRequest first = channel.readInbound();
        final FullHttpRequest second = channel.readInbound();
        final FullHttpRequest third = channel.readInbound();
        assertSame(first.headers().get("X-API-Secret"), third.headers().get("X-API-Secret"));
        assertSame(first.headers().get("X-API-Key"), third.headers().get("X-API-Key"), "the value before the last is kept too");
        assertEquals("og_k2", second.headers().get("X-API-Key"));
        assertSame(StrictRequestDecoder.ORDERS_TARGET, first.uri());
        first.release();
        second.release();
        third.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldAgreeWithNettyOnEveryRequestAlteredByOneByte()
    {
        int cases = 0;
        int readPlainly = 0;
        for (final String request : new String[] {ORDER, POLL, CANCEL})
        {
            final byte[] original = bytes(request);
            for (int at = 0; at < original.length; at++)
            {
                readPlainly += compare(withoutByte(original, at));
                cases++;
                for (final byte alteration : ALTERATIONS)
                {
                    readPlainly += compare(replaced(original, at, alteration));
                    readPlainly += compare(inserted(original, at, alteration));
                    cases += 2;
                }
            }
        }
        assertTrue(readPlainly > cases / 4, "the plain reader read " + readPlainly + " of " + cases + " requests");
        assertTrue(readPlainly < cases, "and left the rest to Netty");
    }

    @Test
    void shouldAgreeWithNettyWhereverTheBytesAreSplit()
    {
        final byte[] stream = bytes(ORDER + POLL + CANCEL);
        final String netty = run(false, List.of(stream)).description;
        for (int at = 1; at < stream.length; at++)
        {
            final Run plain = run(true, List.of(slice(stream, 0, at), slice(stream, at, stream.length)));
            assertEquals(netty, plain.description, "split at " + at);
            assertEquals(3, plain.readPlainly, "split at " + at + ": " + plain.description);
        }
        final List<byte[]> singleBytes = new ArrayList<>();
        for (int at = 0; at < stream.length; at++)
        {
            singleBytes.add(slice(stream, at, at + 1));
        }
        final Run trickled = run(true, singleBytes);
        assertEquals(netty, trickled.description);
        assertEquals(0, trickled.readPlainly, "a request in more than " + PlainRequestReader.MAX_READS + " pieces is Netty's");
    }

    @Test
    void shouldLeaveEveryOtherShapeToNetty()
    {
        final Map<String, String> shapes = Map.ofEntries(
            Map.entry("Content-Length with Transfer-Encoding", "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            Map.entry("two Content-Lengths", "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\n{}"),
            Map.entry("chunked", "POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"),
            Map.entry("bad chunk size", "POST /a HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
            Map.entry("expect", "POST /a HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n{}"),
            Map.entry("signed length", "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: +2\r\n\r\n{}"),
            Map.entry("length over the limit", "POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n"),
            Map.entry("folded line", "GET /a HTTP/1.1\r\nHost: h\r\nX-A: b\r\n c\r\n\r\n"),
            Map.entry("bare LF", "GET /a HTTP/1.1\nHost: h\n\n"),
            Map.entry("blank before colon", "GET /a HTTP/1.1\r\nHost : h\r\n\r\n"),
            Map.entry("HTTP/1.0", "GET /a HTTP/1.0\r\nHost: h\r\n\r\n"),
            Map.entry("absolute target", "GET http://h/a HTTP/1.1\r\nHost: h\r\n\r\n"),
            Map.entry("lower-case method", "get /a HTTP/1.1\r\nHost: h\r\n\r\n"),
            Map.entry("HEAD", "HEAD /a HTTP/1.1\r\nHost: h\r\n\r\n"),
            Map.entry("leading empty line", "\r\nGET /a HTTP/1.1\r\nHost: h\r\n\r\n"),
            Map.entry("non-ASCII value", "GET /a HTTP/1.1\r\nHost: h\r\nX-A: caf\u00e9\r\n\r\n"),
            Map.entry("long header block", "GET /a HTTP/1.1\r\nX-A: " + "v".repeat(PlainRequestReader.MAX_HEADER_LINES) + "\r\n\r\n"),
            Map.entry("long target", "GET /" + "a".repeat(PlainRequestReader.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: h\r\n\r\n"));
        for (final Map.Entry<String, String> shape : shapes.entrySet())
        {
            for (final String stream : new String[] {shape.getValue() + FOLLOW_UP, shape.getValue()})
            {
                final Run plain = agreed(bytes(stream), shape::getKey);
                assertEquals(0, plain.readPlainly, shape.getKey() + ": " + plain.description);
            }
        }
    }

    /**
     * The number of requests the plain reader read, after checking both fronts agree on these bytes alone (the last
     * bytes the peer sends: nothing after them to settle a wait) and followed by another request.
     */
    private static int compare(final byte[] request)
    {
        agreed(request, () -> "alone: " + printable(request));
        return agreed(concat(request, bytes(FOLLOW_UP)), () -> "for " + printable(request)).readPlainly > 0 ? 1 : 0;
    }

    /** The bytes through the front with the plain reader, after checking Netty's decoder alone gives the same. */
    private static Run agreed(final byte[] stream, final Supplier<String> what)
    {
        final Run plain = run(true, List.of(stream));
        assertEquals(run(false, List.of(stream)).description, plain.description, what);
        return plain;
    }

    private static StrictRequestDecoder decoder(final boolean plainReader)
    {
        return plainReader
            ? new StrictRequestDecoder(HttpChannelInitializer.decoderConfig(), MAX_BODY)
            : new StrictRequestDecoder(HttpChannelInitializer.decoderConfig());
    }

    private static EmbeddedChannel front(final StrictRequestDecoder decoder)
    {
        return new EmbeddedChannel(decoder, new HttpFramingGuard(), new OnePieceRequests(MAX_BODY), new JsonBodyAggregator(MAX_BODY));
    }

    private static Run run(final boolean plainReader, final List<byte[]> pieces)
    {
        final StrictRequestDecoder decoder = decoder(plainReader);
        final EmbeddedChannel channel = front(decoder);
        final StringBuilder description = new StringBuilder();
        try
        {
            for (final byte[] piece : pieces)
            {
                channel.writeInbound(Unpooled.wrappedBuffer(piece));
            }
            description.append("reading=").append(channel.config().isAutoRead()).append('\n');
            drain(channel, description.append("while open:\n"));  // what the peer hears without closing first
            channel.finish();
        }
        catch (final RuntimeException ex)
        {
            description.append("raised ").append(ex).append('\n');  // what the pipeline raised, compared like the rest
            channel.finish();
        }
        drain(channel, description.append("after closing:\n"));
        return new Run(description.toString(), decoder.plainReads());
    }

    private static void drain(final EmbeddedChannel channel, final StringBuilder description)
    {
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound())
        {
            describe(message, description.append("in "));
            ReferenceCountUtil.release(message);
        }
        for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound())
        {
            describe(message, description.append("out "));
            ReferenceCountUtil.release(message);
        }
    }

    private static void describe(final Object message, final StringBuilder out)
    {
        if (message instanceof FullHttpRequest)
        {
            final FullHttpRequest request = (FullHttpRequest)message;
            out.append(request.decoderResult().isSuccess() ? "ok " : "failed " + request.decoderResult().cause().getMessage() + ' ')
                .append(request.method()).append(' ').append(request.uri()).append(' ').append(request.protocolVersion()).append('|');
            request.headers().forEach(header -> out.append(header.getKey()).append(": ").append(header.getValue()).append('|'));
            request.trailingHeaders().forEach(header -> out.append("trailer ").append(header.getKey()).append(": ").append(header.getValue()).append('|'));
            out.append(request.content().toString(StandardCharsets.ISO_8859_1));
        }
        else if (message instanceof FullHttpResponse)
        {
            final FullHttpResponse response = (FullHttpResponse)message;
            out.append(response.status()).append(' ').append(response.content().toString(StandardCharsets.ISO_8859_1));
        }
        else if (message instanceof ByteBuf)
        {
            out.append(((ByteBuf)message).toString(StandardCharsets.ISO_8859_1));
        }
        else
        {
            out.append(message.getClass().getSimpleName()).append(' ').append(message);
        }
        out.append('\n');
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaced(final byte[] original, final int at, final byte value)
    {
        final byte[] altered = original.clone();
        altered[at] = value;
        return altered;
    }

    private static byte[] inserted(final byte[] original, final int at, final byte value)
    {
        return concat(slice(original, 0, at), new byte[] {value}, slice(original, at, original.length));
    }

    private static byte[] withoutByte(final byte[] original, final int at)
    {
        return concat(slice(original, 0, at), slice(original, at + 1, original.length));
    }

    private static byte[] slice(final byte[] bytes, final int from, final int to)
    {
        return java.util.Arrays.copyOfRange(bytes, from, to);
    }

    private static byte[] concat(final byte[]... parts)
    {
        final java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            joined.writeBytes(part);
        }
        return joined.toByteArray();
    }

    private static String printable(final byte[] request)
    {
        final StringBuilder text = new StringBuilder();
        for (final byte b : request)
        {
            text.append(b >= ' ' && b < 0x7F ? String.valueOf((char)b) : String.format("\\x%02x", b & 0xFF));
        }
        return text.toString();
    }

    private static final class Run
    {
        final String description;
        final int readPlainly;

        Run(final String description, final int readPlainly)
        {
            this.description = description;
            this.readPlainly = readPlainly;
        }
    }
}
