package io.ordergate.gateway.http;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * <b>Not thread safe</b>: owned by one {@link HttpConnection} and its event loop, except {@link #reply}, which the
 * reply stage calls for the one command in flight. Builds and writes that connection's HTTP answers: JSON, with the
 * request's keep-alive, each counted by status. An answer to a ring command ends the exchange (its write completion
 * goes to the connection, which reads on); every other answer leaves reading as it is.
 */
final class HttpAnswers
{
    private static final CharSequence APPLICATION_JSON = HttpHeaderValues.APPLICATION_JSON;

    private final GatewayContext gateway;
    private final ChannelFutureListener endOfExchange;
    private final ExpandableArrayBuffer directBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter directJson = new JsonWriter();
    private ChannelHandlerContext ctx;
    // Per request, written before publishing, read by the reply stage.
    private boolean keepAlive;

    /** @param endOfExchange told when the answer to a ring command is written (the connection) */
    HttpAnswers(final GatewayContext gateway, final ChannelFutureListener endOfExchange)
    {
        this.gateway = gateway;
        this.endOfExchange = endOfExchange;
    }

    void channel(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /** Whether the answers to the request being handled keep the connection open. */
    void keepAlive(final boolean keepAlive)
    {
        this.keepAlive = keepAlive;
    }

    // ---- answers written by the reply stage (reply thread), or on the loop for the command in flight ----

    /** Answers the command in flight. Called on the reply thread; the write completes on the event loop. */
    void reply(final int status, final DirectBuffer json, final int length, final boolean retryAfter)
    {
        final ByteBuf content = ctx.alloc().buffer(length);
        content.writeBytes(json.byteArray(), 0, length);
        final FullHttpResponse response = response(status, content);
        if (retryAfter)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        ctx.writeAndFlush(response).addListener(endOfExchange);
    }

    /** Answers the command in flight from the event loop (a webhook refused after its credential read). */
    void replyOnLoop(final int status, final byte[] json)
    {
        ctx.writeAndFlush(response(status, ctx.alloc().buffer(json.length).writeBytes(json))).addListener(endOfExchange);
    }

    /** 503 OVERLOADED with {@code Retry-After}; ends the exchange when a command of it is already in flight. */
    void overloaded(final boolean inFlight)
    {
        final FullHttpResponse response = errorResponse(ResultCode.OVERLOADED.httpStatus(), ResultCode.OVERLOADED.name(),
            ResultCode.OVERLOADED.defaultMessage(), null);
        response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        if (inFlight)
        {
            ctx.writeAndFlush(response).addListener(endOfExchange);  // second command of a webhook: end the exchange
            return;
        }
        send(response);
    }

    // ---- answers written on the event loop ----

    /** The connection's scratch JSON writer, wrapped at 0, for an answer sent with {@link #sendDirect}. */
    JsonWriter direct()
    {
        return directJson.wrap(directBuffer, 0);
    }

    void sendDirect(final int status, final int length)
    {
        final ByteBuf content = ctx.alloc().buffer(length);
        content.writeBytes(directBuffer.byteArray(), 0, length);
        send(response(status, content));
    }

    void respond(final int status, final byte[] json)
    {
        send(response(status, ctx.alloc().buffer(json.length).writeBytes(json)));
    }

    void respond(final int status, final byte[] body, final String contentType)
    {
        final FullHttpResponse response = response(status, ctx.alloc().buffer(body.length).writeBytes(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        send(response);
    }

    void respondJson(final int status, final byte[] json, final String retryAfter)
    {
        final FullHttpResponse response = response(status, ctx.alloc().buffer(json.length).writeBytes(json));
        if (retryAfter != null)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        send(response);
    }

    /** 405 METHOD_NOT_ALLOWED in the API error format, with the Allow header naming what is allowed. */
    void respondMethodNotAllowed(final HttpMethod method, final String allow)
    {
        final FullHttpResponse response = errorResponse(405, ErrorJson.METHOD_NOT_ALLOWED, method + " is not allowed here; allowed: " + allow, null);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        send(response);
    }

    /** 405 with the Allow header and a body in another format (the seed-000 routes' {"error","code"}). */
    void respondMethodNotAllowed(final String allow, final byte[] json)
    {
        final FullHttpResponse response = response(405, ctx.alloc().buffer(json.length).writeBytes(json));
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        send(response);
    }

    void respondError(final ResultCode code, final String message, final String field)
    {
        respondError(code.httpStatus(), code.name(), message == null ? code.defaultMessage() : message, field);
    }

    void respondError(final int status, final String code, final String message, final String field)
    {
        send(errorResponse(status, code, message, field));
    }

    private FullHttpResponse errorResponse(final int status, final String code, final String message, final String field)
    {
        final JsonWriter json = directJson.wrap(directBuffer, 0);
        ErrorJson.write(json, code, message, field);
        final ByteBuf content = ctx.alloc().buffer(json.length());
        content.writeBytes(directBuffer.byteArray(), 0, json.length());
        return response(status, content);
    }

    private void send(final FullHttpResponse response)
    {
        ctx.writeAndFlush(response);
    }

    private FullHttpResponse response(final int status, final ByteBuf content)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        gateway.metrics().http().count(status);
        return response;
    }
}
