package io.ordergate.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ApiErrors;

/**
 * Aggregates a request up to {@code server.max_body_bytes}; a larger one is answered 413 PAYLOAD_TOO_LARGE in the
 * gateway's JSON error format and the connection is closed once the rest of that body has been read and dropped
 * (closing with unread bytes would reset the connection and could lose the 413 on its way to the client).
 * <b>Not thread safe</b>: one per channel.
 */
final class JsonBodyAggregator extends HttpObjectAggregator
{
    private final int maxBodyBytes;
    /** The 413 written for an oversized body whose rest is still arriving; the channel closes after it and the body. */
    private ChannelFuture tooLarge;

    JsonBodyAggregator(final int maxBodyBytes)
    {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
    {
        final ChannelFuture written = ctx.writeAndFlush(tooLarge(ctx.alloc(), true));
        if (oversized instanceof LastHttpContent)
        {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            tooLarge = written;
        }
    }

    /** {@code Expect: 100-continue} with a Content-Length over the limit: the same 413 body instead of Netty's empty one. */
    @Override
    protected Object newContinueResponse(final HttpMessage start, final int maxContentLength, final ChannelPipeline pipeline)
    {
        final Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse && ((HttpResponse)response).status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code())
        {
            ReferenceCountUtil.release(response);
            return tooLarge(pipeline.channel().alloc(), false);  // the body is never sent: the connection can stay
        }
        return response;
    }

    private FullHttpResponse tooLarge(final ByteBufAllocator alloc, final boolean close)
    {
        final byte[] json = ApiErrors.bytes(ResultCode.PAYLOAD_TOO_LARGE.name(), "request body is larger than " + maxBodyBytes + " bytes", null);
        final ByteBuf content = alloc.buffer(json.length).writeBytes(json);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, content);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (close)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return response;
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final HttpObject msg, final List<Object> out) throws Exception
    {
        final boolean last = msg instanceof LastHttpContent;
        super.decode(ctx, msg, out);
        if (tooLarge != null && last)
        {
            tooLarge.addListener(ChannelFutureListener.CLOSE);
            tooLarge = null;
        }
    }
}
