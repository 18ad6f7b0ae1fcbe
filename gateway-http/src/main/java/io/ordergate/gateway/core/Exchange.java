package io.ordergate.gateway.core;

import java.net.SocketAddress;

import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * One request as a route handler sees it, and the ways to answer it: at once on the event loop, or by publishing one
 * command whose {@link Answer} the reply stage renders. Path parameters are located once by matching; the body is
 * copied once into the event loop's scratch; the JSON reader and the answer's writer are reused.
 * <b>Not thread safe</b>: one per connection, used on its event loop for the request being handled.
 */
public final class Exchange
{
    private static final CharSequence RETRY_AFTER = HttpHeaderNames.RETRY_AFTER;

    private final Responder responder;
    private final CommandPublisher publisher;
    private final FastThreadLocal<byte[]> bodyScratch;
    private final RouteMatch match = new RouteMatch();
    private final PathParameters path = new PathParameters(match);
    private final QueryParameters query = new QueryParameters();
    private final RequestReader reader = new RequestReader();
    private final ExpandableArrayBuffer answerBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter answerJson = new JsonWriter();
    private FullHttpRequest request;
    private byte[] body;
    private int bodyLength;
    private Caller caller;
    private boolean published;

    public Exchange(final Responder responder, final CommandPublisher publisher, final FastThreadLocal<byte[]> bodyScratch)
    {
        this.responder = responder;
        this.publisher = publisher;
        this.bodyScratch = bodyScratch;
    }

    /** The transport starts a request (its body fits the scratch: the aggregator refused anything larger). */
    public void begin(final FullHttpRequest request)
    {
        this.request = request;
        match.reset(request.uri());
        final ByteBuf content = request.content();
        this.bodyLength = content.readableBytes();
        this.body = bodyScratch.get();
        content.getBytes(content.readerIndex(), body, 0, bodyLength);
        this.caller = null;
        this.published = false;
    }

    /** The request is handled: drop what referred to it. */
    public void end()
    {
        reader.close();
        request = null;
        caller = null;
    }

    // ---- the request ----

    public HttpMethod method()
    {
        return request.method();
    }

    /** The request target as sent (path and query, still %-encoded): never log it, it may carry a secret. */
    public String uri()
    {
        return request.uri();
    }

    public String header(final CharSequence name)
    {
        return request.headers().get(name);
    }

    /** The body's bytes, valid until the handler returns (the scratch is the event loop's). */
    public byte[] body()
    {
        return body;
    }

    public int bodyLength()
    {
        return bodyLength;
    }

    /** The JSON reader for the body (one per connection). */
    public RequestReader json()
    {
        return reader;
    }

    public PathParameters path()
    {
        return path;
    }

    /** The query string, decoded strictly on first use. */
    public QueryParameters query()
    {
        return query;
    }

    /** Who sent the request, as the route's access resolved it (null for an anonymous route). */
    public Caller caller()
    {
        return caller;
    }

    public Route route()
    {
        return match.route();
    }

    public SocketAddress remoteAddress()
    {
        return responder.remoteAddress();
    }

    /** The request itself and its channel: for a route that upgrades the connection to a WebSocket, nothing else. */
    public FullHttpRequest request()
    {
        return request;
    }

    public ChannelHandlerContext channel()
    {
        return responder.channel();
    }

    // ---- answering ----

    /**
     * Publishes the request's one command as its caller from HTTP; the reply stage answers with {@code answer}. A full
     * ring is answered 503 OVERLOADED at once.
     */
    public void publish(final CommandType type, final RequestBody body, final Answer answer)
    {
        publish(type, caller.principal(), CommandFrame.SOURCE_HTTP, body, answer);
    }

    public void publish(final CommandType type, final int principal, final int source, final RequestBody body, final Answer answer)
    {
        if (published)
        {
            throw new IllegalStateException("a request publishes one command");
        }
        final ChannelHandlerContext channel = responder.channel();
        // On its event loop (a route's handler), the request may run the stages itself when nobody else is: its answer
        // then needs no other thread (pipeline.publishers_run_stages; docs/PERFORMANCE.md, "Stages run by the publisher").
        final boolean mayRun = channel != null && channel.executor().inEventLoop();
        if (publisher.publish(type, principal, source, body, responder.replyTarget(), answer, mayRun))
        {
            published = true;
        }
        else
        {
            error(ResultCode.OVERLOADED, null, null);
        }
    }

    /** Where the reply stage answers this request's commands (for an answer that publishes more than one). */
    public Object replyTarget()
    {
        return responder.replyTarget();
    }

    /** The ring's publisher (for an answer that publishes its next command itself, from the event loop). */
    public CommandPublisher publisher()
    {
        return publisher;
    }

    /**
     * True once the request's command is in the ring, or its work {@link #defer}red (nothing in the ring yet): it is answered
     * later, and the connection's later requests wait in its queue until it is.
     */
    public boolean published()
    {
        return published;
    }

    /** A JSON writer for an answer sent with {@link #send(int)}, wrapped at 0. */
    public JsonWriter answer()
    {
        return answerJson.wrap(answerBuffer, 0);
    }

    /** Sends what was written to {@link #answer()}. */
    public void send(final int status)
    {
        responder.send(status, answerBuffer, answerJson.length(), HttpHeaderValues.APPLICATION_JSON, null, null);
    }

    public void send(final int status, final byte[] json)
    {
        send(status, json, HttpHeaderValues.APPLICATION_JSON);
    }

    public void send(final int status, final byte[] body, final CharSequence contentType)
    {
        answerBuffer.putBytes(0, body);
        responder.send(status, answerBuffer, body.length, contentType, null, null);
    }

    /** Sends a JSON body with a {@code Retry-After} header (429, 503). */
    public void sendRetryAfter(final int status, final byte[] json, final int seconds)
    {
        answerBuffer.putBytes(0, json);
        responder.send(status, answerBuffer, json.length, HttpHeaderValues.APPLICATION_JSON, RETRY_AFTER, Integer.toString(seconds));
    }

    /** A refusal, in the route's error format (its status and wording for the code). */
    public void error(final ResultCode code, final String message, final String field)
    {
        final ErrorFormat errors = match.errors();
        final JsonWriter json = answer();
        errors.write(json, code.name(), errors.message(code, message), field);
        final boolean retry = code == ResultCode.OVERLOADED || code == ResultCode.NOT_READY;
        responder.send(errors.status(code), answerBuffer, json.length(), HttpHeaderValues.APPLICATION_JSON, retry ? RETRY_AFTER : null,
            retry ? "1" : null);
    }

    /** A refusal with a code of the gateway's own (405, 415, 500), in the route's error format. */
    public void error(final int status, final String code, final String message, final CharSequence headerName, final CharSequence headerValue)
    {
        final JsonWriter json = answer();
        match.errors().write(json, code, message, null);
        responder.send(status, answerBuffer, json.length(), HttpHeaderValues.APPLICATION_JSON, headerName, headerValue);
    }

    void error(final BadRequest bad)
    {
        if (bad.retryAfterSeconds() > 0)
        {
            final ErrorFormat errors = match.errors();
            final JsonWriter json = answer();
            errors.write(json, bad.code().name(), errors.message(bad.code(), bad.getMessage()), bad.field());
            responder.send(errors.status(bad.code()), answerBuffer, json.length(), HttpHeaderValues.APPLICATION_JSON, RETRY_AFTER,
                Integer.toString(bad.retryAfterSeconds()));
            return;
        }
        error(bad.code(), bad.getMessage(), bad.field());
    }

    /**
     * Hands the request to slow work off the event loop (a password hash on the workers): the connection reads no
     * further request until the returned {@link Deferred} publishes the request's command or answers it, from any
     * thread. The caller stays the request's; what else the work needs it captures itself.
     */
    public Deferred defer()
    {
        if (published)
        {
            throw new IllegalStateException("a request publishes one command");
        }
        published = true;
        return new Deferred(responder, publisher, match.errors());
    }

    void caller(final Caller caller)
    {
        this.caller = caller;
    }

    RouteMatch match()
    {
        return match;
    }

    void resetQuery()
    {
        query.reset(request.uri(), match.pathEnd());
    }
}
