package io.ordergate.gateway.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, except that a request with both {@code Transfer-Encoding} and {@code Content-Length} is a
 * bad message instead of a chunked one (RFC 9112 6.3: the server may treat it as chunked, but then a front end that
 * read the Content-Length sees a different request, which is how a second request is smuggled in). The decoder marks
 * the request failed and drops the rest of the connection's bytes; {@link HttpFramingGuard} answers 400 and closes.
 * <b>Not thread safe</b>: one per channel.
 */
final class StrictRequestDecoder extends HttpRequestDecoder
{
    StrictRequestDecoder(final HttpDecoderConfig config)
    {
        super(config);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(final HttpMessage message)
    {
        throw new IllegalArgumentException("Content-Length and Transfer-Encoding in one request");
    }
}
