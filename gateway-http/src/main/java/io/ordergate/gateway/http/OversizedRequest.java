package io.ordergate.gateway.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A request whose body is over {@code server.max_body_bytes}, passed on by {@link JsonBodyAggregator} in its place so
 * that {@link HttpConnection} answers it 413 in its turn: after the answers it owes the requests sent before it (an
 * answer written straight from the aggregator overtook those, and the close after it lost them). Once its body was
 * read and dropped it is failed, so its answer closes the connection; when the body was never sent ({@code Expect:
 * 100-continue}) the connection stays as the request asked. Not thread safe: made and answered on the channel's event
 * loop.
 */
final class OversizedRequest extends DefaultFullHttpRequest
{
    private static final DecoderResult BODY_DROPPED = DecoderResult.failure(new IllegalArgumentException("request body too large"));

    private final String message;

    /** @param bodyDropped the body came and was dropped (the answer closes); false: it never came (Expect) */
    OversizedRequest(final HttpRequest request, final int maxBodyBytes, final boolean bodyDropped)
    {
        super(request.protocolVersion(), request.method(), request.uri());
        this.message = "request body is larger than " + maxBodyBytes + " bytes";
        if (bodyDropped)
        {
            setDecoderResult(BODY_DROPPED);
        }
        else if (request.headers().contains(HttpHeaderNames.CONNECTION))
        {
            headers().set(HttpHeaderNames.CONNECTION, request.headers().get(HttpHeaderNames.CONNECTION));
        }
    }

    /** The 413's message. */
    String message()
    {
        return message;
    }
}
