package io.ordergate.gateway.http;

import java.util.List;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * The request-smuggling shapes, refused (RFC 9112 6.1, 6.3): a request whose framing the decoder could not read (two
 * Content-Lengths, a bad chunk size or extension, Content-Length with Transfer-Encoding) or whose Transfer-Encoding is
 * anything but exactly {@code chunked} (e.g. {@code chunked, identity}: the final coding is not chunked, so the body's
 * length cannot be known). The request goes on as a failed one, in order, so the connection answers 400 with
 * {@code Connection: close}; everything the peer sent after it is dropped unread and the channel stops reading.
 * <b>Not thread safe</b>: one per channel, on its event loop.
 */
final class HttpFramingGuard extends ChannelInboundHandlerAdapter
{
    private boolean refusing;

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (refusing)
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        final String problem = problem(msg);
        if (problem == null)
        {
            ctx.fireChannelRead(msg);
            return;
        }
        refusing = true;
        ctx.channel().config().setAutoRead(false);
        final HttpRequest request = msg instanceof HttpRequest ? (HttpRequest)msg : null;
        final FullHttpRequest failed = request == null
            ? new DefaultFullHttpRequest(io.netty.handler.codec.http.HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.GET, "/")
            : new DefaultFullHttpRequest(request.protocolVersion(), request.method(), request.uri());
        failed.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(problem)));
        ReferenceCountUtil.release(msg);
        ctx.fireChannelRead(failed);
    }

    private static String problem(final Object msg)
    {
        if (msg instanceof HttpObject && ((HttpObject)msg).decoderResult().isFailure())
        {
            return "malformed HTTP request";
        }
        // contains() first: getAll builds a list even when the header is absent, as it is on almost every request
        if (msg instanceof HttpRequest && ((HttpRequest)msg).headers().contains(HttpHeaderNames.TRANSFER_ENCODING))
        {
            final List<String> codings = ((HttpRequest)msg).headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
            if (!codings.isEmpty() && (codings.size() > 1 || !"chunked".equalsIgnoreCase(codings.get(0).trim())))
            {
                return "Transfer-Encoding must be chunked alone";
            }
        }
        return null;
    }
}
