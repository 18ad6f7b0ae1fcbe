package io.ordergate.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.CharsetUtil;

import io.ordergate.engine.command.ResultCode;

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
        final String json = "{\"error\":{\"code\":\"" + ResultCode.PAYLOAD_TOO_LARGE.name() +
            "\",\"message\":\"request body is larger than " + maxBodyBytes + " bytes\"}}";
        final ByteBuf content = ctx.alloc().buffer(json.length()).writeBytes(json.getBytes(CharsetUtil.US_ASCII));
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, content);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        final ChannelFuture written = ctx.writeAndFlush(response);
        if (oversized instanceof LastHttpContent)
        {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        else
        {
            tooLarge = written;
        }
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
