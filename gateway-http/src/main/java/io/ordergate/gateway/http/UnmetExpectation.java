package io.ordergate.gateway.http;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;

/**
 * A request with an {@code Expect} the gateway cannot meet (anything but {@code 100-continue}), passed on by
 * {@link JsonBodyAggregator} at its head in its place, so that {@link HttpConnection} answers it 417 in its turn: after
 * the answers owed to the requests sent before it (Netty's aggregator wrote its 417 at once, ahead of those). It is
 * failed, so its answer closes the connection: the client may or may not send the body after such an Expect, so what
 * follows on the connection cannot be framed (any body that comes is dropped). Not thread safe: made and answered on
 * the channel's event loop.
 */
final class UnmetExpectation extends DefaultFullHttpRequest
{
    private static final DecoderResult REFUSED = DecoderResult.failure(new IllegalArgumentException("unsupported Expect"));

    private final String message;

    UnmetExpectation(final HttpRequest request)
    {
        super(request.protocolVersion(), request.method(), request.uri());
        this.message = "the only Expect supported is 100-continue";
        setDecoderResult(REFUSED);
    }

    /** The 417's message (not the client's value: it is the client's to know). */
    String message()
    {
        return message;
    }
}
