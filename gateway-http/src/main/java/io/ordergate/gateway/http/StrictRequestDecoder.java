package io.ordergate.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.util.AsciiString;

/**
 * Netty's request decoder, except that a request with both {@code Transfer-Encoding} and {@code Content-Length} is a
 * bad message instead of a chunked one (RFC 9112 6.3: the server may treat it as chunked, but then a front end that
 * read the Content-Length sees a different request, which is how a second request is smuggled in). The decoder marks
 * the request failed and drops the rest of the connection's bytes; {@link HttpFramingGuard} answers 400 and closes.
 *
 * <p>Requests of the plain shape almost every client sends are read by a {@link PlainRequestReader} first, into one
 * whole request without a string per header value. The first request that is not plain, and everything after it on
 * the connection, is Netty's to read: the reader only ever consumes whole requests, so Netty starts at a request's
 * first byte, as on a new connection. A connection that closes mid-request leaves its rest to Netty too.
 *
 * <p>Header names clients send on every request are shared constants ({@link KnownHeaderNames}); the order route's
 * target, requested thousands of times a second, is a shared string too (a target is case-sensitive: only its exact
 * bytes). <b>Not thread safe</b>: one per channel.
 */
final class StrictRequestDecoder extends HttpRequestDecoder
{
    /** The order route's target, given as this shared string instead of a new string and byte copy per request. */
    static final String ORDERS_TARGET = "/api/v1/orders";

    /** Null once a request was not plain: Netty's decoder reads the rest of the connection. */
    private PlainRequestReader plain;
    /** How many requests the plain reader read (for the tests that compare it with Netty's decoder). */
    private int plainReads;

    /** Plain requests read by a {@link PlainRequestReader}, the rest by Netty's decoder. */
    StrictRequestDecoder(final HttpDecoderConfig config, final int maxBodyBytes)
    {
        super(config);
        this.plain = new PlainRequestReader(FlatHeadersFactory.REQUEST_HEADERS, maxBodyBytes);
    }

    /** Every request read by Netty's decoder (the reference PlainRequestReaderTest compares the plain reader with). */
    StrictRequestDecoder(final HttpDecoderConfig config)
    {
        super(config);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf buffer, final List<Object> out) throws Exception
    {
        if (plain != null)
        {
            switch (plain.read(buffer))
            {
                case READ:
                    out.add(plain.take());
                    plainReads++;
                    return;
                case WAIT:
                    return;
                default:
                    plain = null;
                    break;
            }
        }
        super.decode(ctx, buffer, out);
    }

    /**
     * Bytes read and not yet decoded: when a whole request has just been passed on, the start of the next one, sent with
     * it (its read deadline starts now, {@link RequestReadDeadline}).
     */
    boolean nextRequestBegun()
    {
        return actualReadableBytes() > 0;
    }

    int plainReads()
    {
        return plainReads;
    }

    /**
     * A connection closing mid-request: Netty's decoder says what a cut request is, as it did before the plain reader.
     * It first reads what the plain reader held back through the decoder's own read loop, as it would have while the
     * bytes came (its decodeLast decodes once), so that what it gives before the close is the same.
     */
    @Override
    protected void decodeLast(final ChannelHandlerContext ctx, final ByteBuf buffer, final List<Object> out) throws Exception
    {
        if (plain != null)
        {
            plain = null;
            callDecode(ctx, buffer, out);
        }
        super.decodeLast(ctx, buffer, out);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(final HttpMessage message)
    {
        throw new IllegalArgumentException("Content-Length and Transfer-Encoding in one request");
    }

    @Override
    protected AsciiString splitHeaderName(final byte[] line, final int start, final int length)
    {
        final int known = KnownHeaderNames.indexOf(line, start, length);
        return known >= 0 ? KnownHeaderNames.name(known) : super.splitHeaderName(line, start, length);
    }

    @Override
    protected String splitSecondWordInitialLine(final byte[] line, final int start, final int length)
    {
        if (RecentStrings.same(ORDERS_TARGET, line, start, length))
        {
            return ORDERS_TARGET;
        }
        return super.splitSecondWordInitialLine(line, start, length);
    }
}
