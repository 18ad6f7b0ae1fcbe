package io.ordergate.gateway.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * A request whose body was over {@code server.max_body_bytes}, passed on by {@link JsonBodyAggregator} in its place once
 * the rest of the body has been read and dropped, so that {@link HttpConnection} answers it 413 in its turn: after the
 * answers it owes the requests sent before it (an answer written straight from the aggregator overtook those, and the
 * close after it lost them). Failed, so nothing routes it and its answer closes the connection. Not thread safe: made
 * and answered on the channel's event loop.
 */
final class OversizedRequest extends DefaultFullHttpRequest
{
    private static final DecoderResult TOO_LARGE = DecoderResult.failure(new IllegalArgumentException("request body too large"));

    private final String message;

    OversizedRequest(final HttpVersion version, final HttpMethod method, final String uri, final int maxBodyBytes)
    {
        super(version, method, uri);
        this.message = "request body is larger than " + maxBodyBytes + " bytes";
        setDecoderResult(TOO_LARGE);
    }

    /** The 413's message. */
    String message()
    {
        return message;
    }
}
