package io.ordergate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Joins a request whose whole body the decoder gave in one piece (its head, then its last content, as almost every
 * order arrives) into one {@code FullHttpRequest} holding that piece, so the aggregator after it passes the request on
 * untouched. The aggregator would build a composite buffer, its component array, its own request object and a header
 * list per request for the same bytes (docs/PERFORMANCE.md, "Bytes allocated per order").
 *
 * <p>Everything else goes to the aggregator as it came, so its rules stay the only ones: a body in several pieces,
 * a chunked one, {@code Expect} (100-continue and the 417 for anything else), a Content-Length or a piece over
 * {@code server.max_body_bytes} (the 413), a request the decoder or the framing guard failed.
 * <b>Not thread safe</b>: one per channel, on its event loop.
 */
final class OnePieceRequests extends ChannelInboundHandlerAdapter
{
    private final int maxBodyBytes;
    /**
     * A request head waiting for its next message, which says whether the body came in one piece. It holds no buffer,
     * so a connection that closes while one waits has nothing to release.
     */
    private HttpRequest head;

    OnePieceRequests(final int maxBodyBytes)
    {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (head != null)
        {
            final HttpRequest request = head;
            head = null;
            if (isWholeBody(msg))
            {
                final LastHttpContent body = (LastHttpContent)msg;
                // The body's buffer moves into the joined request: its one reference is released with it.
                ctx.fireChannelRead(new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri(),
                    body.content(), request.headers(), body.trailingHeaders()));
                return;
            }
            ctx.fireChannelRead(request);
        }
        if (msg instanceof HttpRequest && mayJoin((HttpRequest)msg))
        {
            head = (HttpRequest)msg;
            return;
        }
        ctx.fireChannelRead(msg);
    }

    /** Holding a head means more must be read, also when the connection stopped reading on its own (as the aggregator does). */
    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        if (head != null && !ctx.channel().config().isAutoRead())
        {
            ctx.read();
        }
        ctx.fireChannelReadComplete();
    }

    /** A head the aggregator has nothing to say about before its body: no Expect, no chunked body, not over the limit. */
    private boolean mayJoin(final HttpRequest request)
    {
        return !(request instanceof LastHttpContent)  // a request already whole (the framing guard's failed ones)
            && request.decoderResult().isSuccess()
            && !request.headers().contains(HttpHeaderNames.EXPECT)
            && !request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)
            && declaredLengthFits(request);
    }

    private boolean declaredLengthFits(final HttpRequest request)
    {
        try
        {
            return HttpUtil.getContentLength(request, 0L) <= maxBodyBytes;
        }
        catch (final NumberFormatException ex)
        {
            return false;  // the aggregator's to judge, as it would without this handler
        }
    }

    private boolean isWholeBody(final Object msg)
    {
        if (!(msg instanceof LastHttpContent) || msg instanceof HttpMessage)
        {
            return false;
        }
        final LastHttpContent body = (LastHttpContent)msg;
        return body.decoderResult().isSuccess() && body.content().readableBytes() <= maxBodyBytes;
    }
}
