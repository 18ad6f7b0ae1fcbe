package io.ordergate.gateway.http;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
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

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ApiErrors;

/**
 * Aggregates a request up to {@code server.max_body_bytes}. A larger one is dropped as it arrives and passed on, once
 * its last byte is read, as an {@link OversizedRequest}: the connection answers it 413 PAYLOAD_TOO_LARGE in the
 * gateway's JSON error format in its turn, after the answers owed to the requests before it, and closes after it (the
 * body read whole first: closing with unread bytes would reset the connection and could lose the 413 on its way).
 * {@code Expect: 100-continue} with a Content-Length over the limit is answered 413 at once instead of 100 Continue.
 * <b>Not thread safe</b>: one per channel.
 */
final class JsonBodyAggregator extends HttpObjectAggregator
{
    private final int maxBodyBytes;
    /** The request whose oversized body is being dropped, passed on once its last content is read. */
    private OversizedRequest oversized;

    JsonBodyAggregator(final int maxBodyBytes)
    {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage message)
    {
        final HttpRequest request = (HttpRequest)message;  // a server's aggregator: every message it starts is a request
        oversized = new OversizedRequest(request.protocolVersion(), request.method(), request.uri(), maxBodyBytes);
    }

    /** {@code Expect: 100-continue} with a Content-Length over the limit: the same 413 body instead of Netty's empty one. */
    @Override
    protected Object newContinueResponse(final HttpMessage start, final int maxContentLength, final ChannelPipeline pipeline)
    {
        final Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof HttpResponse && ((HttpResponse)response).status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code())
        {
            ReferenceCountUtil.release(response);
            return tooLarge(pipeline.channel().alloc());  // the body is never sent: the connection can stay
        }
        return response;
    }

    private FullHttpResponse tooLarge(final ByteBufAllocator alloc)
    {
        final byte[] json = ApiErrors.bytes(ResultCode.PAYLOAD_TOO_LARGE.name(), "request body is larger than " + maxBodyBytes + " bytes", null);
        final ByteBuf content = alloc.buffer(json.length).writeBytes(json);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, content);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final HttpObject msg, final List<Object> out) throws Exception
    {
        final boolean last = msg instanceof LastHttpContent;
        super.decode(ctx, msg, out);
        if (oversized != null && last)
        {
            out.add(oversized);  // the whole body is read: answered in the request's turn
            oversized = null;
        }
    }
}
