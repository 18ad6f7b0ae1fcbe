package io.ordergate.gateway.http;

import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates a request up to {@code server.max_body_bytes}. A larger one is passed on as soon as its head says so, as
 * an {@link OversizedRequest}, and its body is dropped as it arrives: the connection answers it 413 PAYLOAD_TOO_LARGE
 * in the gateway's JSON error format in its turn, after the answers owed to the requests before it, and closes after
 * it. Waiting for the last byte first held the 413 of a client that declared more than it sent until the read timeout.
 * {@code Expect: 100-continue} with a Content-Length over the limit is passed on at once instead of answered 100
 * Continue: its 413, in its turn too, keeps the connection, since the body is never sent. Nor is a 100 Continue written
 * here: it is an interim answer of its own request, so the connection writes it in its turn, after the answers owed to
 * the requests before it ({@code HttpConnection#continueInTurn}); written at once it reached the client ahead of those.
 * An {@code Expect} other than 100-continue is passed on at its head as an {@link UnmetExpectation}, answered 417 in
 * its turn too (Netty's aggregator wrote its 417 at once), and the body, if the client sends one, is dropped.
 * <b>Not thread safe</b>: one per channel.
 */
final class JsonBodyAggregator extends HttpObjectAggregator
{
    private final int maxBodyBytes;
    /** Writes a request's 100 Continue in its turn; null: at once, as Netty's aggregator does (a lone aggregator's tests). */
    private final Runnable continueInTurn;
    /** The request refused at its head (an {@link OversizedRequest} or an {@link UnmetExpectation}), passed on in its place. */
    private DefaultFullHttpRequest refused;
    /** The request being started expects 100 Continue with a Content-Length over the limit: no body will follow. */
    private boolean expectOverLimit;
    /** The request being started has an Expect other than 100-continue: refused at its head, its body dropped if it comes. */
    private boolean unmetExpectation;

    JsonBodyAggregator(final int maxBodyBytes)
    {
        this(maxBodyBytes, null);
    }

    /** @param continueInTurn the connection's: writes a 100 Continue once the answers owed before its request are out */
    JsonBodyAggregator(final int maxBodyBytes, final Runnable continueInTurn)
    {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.continueInTurn = continueInTurn;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage message)
    {
        final HttpRequest request = (HttpRequest)message;  // a server's aggregator: every message it starts is a request
        refused = unmetExpectation ? new UnmetExpectation(request) : new OversizedRequest(request, maxBodyBytes, !expectOverLimit);
    }

    /** An unmet expectation is refused as an oversized request is: at its head, and what follows of its body dropped. */
    @Override
    protected boolean isContentLengthInvalid(final HttpMessage start, final int maxContentLength)
    {
        return unmetExpectation || super.isContentLengthInvalid(start, maxContentLength);
    }

    /**
     * {@code Expect: 100-continue}: no answer written here (Netty's would go out ahead of answers still owed). Within the
     * limit the connection writes the 100 in its turn and the body is aggregated as usual; over it the aggregator then
     * finds the length over the limit and the request is passed on.
     */
    @Override
    protected Object newContinueResponse(final HttpMessage start, final int maxContentLength, final ChannelPipeline pipeline)
    {
        if (continueInTurn != null && isUnsupportedExpectation(start))
        {
            // Not Netty's 417, written at once; nor its HttpExpectationFailedEvent, which makes the decoder read a body
            // that may follow as the next request: the connection answers 417 in its turn and closes (UnmetExpectation).
            unmetExpectation = true;
            return null;
        }
        final Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (!(response instanceof HttpResponse))
        {
            return response;
        }
        final int status = ((HttpResponse)response).status().code();
        if (status == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code())
        {
            ReferenceCountUtil.release(response);
            expectOverLimit = true;
            return null;
        }
        if (status == HttpResponseStatus.CONTINUE.code() && continueInTurn != null)
        {
            ReferenceCountUtil.release(response);
            continueInTurn.run();
            return null;
        }
        return response;
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final HttpObject msg, final List<Object> out) throws Exception
    {
        final boolean last = msg instanceof LastHttpContent;
        super.decode(ctx, msg, out);
        if (refused != null)
        {
            // passed on at its head, not after its body: a client that declared more than it sends (or sends slowly)
            // hears its 413 in its turn, not at the read timeout; the aggregator drops the rest of the body as it comes
            out.add(refused);
            refused = null;
        }
        expectOverLimit = false;
        unmetExpectation = false;
    }

    /** As Netty's aggregator judges it: an Expect other than 100-continue on an HTTP/1.1 request (1.0 has no Expect). */
    private static boolean isUnsupportedExpectation(final HttpMessage start)
    {
        final String expect = start.headers().get(HttpHeaderNames.EXPECT);
        return expect != null && start.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
            && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect);
    }
}
