package io.ordergate.gateway.core;

import java.nio.charset.StandardCharsets;

import org.agrona.ExpandableArrayBuffer;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.json.RequestBody;

/**
 * A request whose answer comes after slow work done off the event loop ({@link Exchange#defer}): exactly one of
 * {@link #publish} (the reply stage then answers, as for any command) or an answer ({@link #error}, {@link #json}).
 * Safe from any thread, once.
 */
public final class Deferred
{
    private final Responder responder;
    private final CommandPublisher publisher;
    private final ErrorFormat errors;

    Deferred(final Responder responder, final CommandPublisher publisher, final ErrorFormat errors)
    {
        this.responder = responder;
        this.publisher = publisher;
        this.errors = errors;
    }

    /** Publishes the request's command from HTTP; a full ring is answered 503 OVERLOADED. */
    public void publish(final CommandType type, final int principal, final RequestBody body, final Answer answer)
    {
        if (!publisher.publish(type, principal, CommandFrame.SOURCE_HTTP, body, responder.replyTarget(), answer))
        {
            error(ResultCode.OVERLOADED, null, null);
        }
    }

    /** Answers a refusal in the route's error format. */
    public void error(final ResultCode code, final String message, final String field)
    {
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(256), 0);
        errors.write(json, code.name(), errors.message(code, message), field);
        final boolean retry = code == ResultCode.OVERLOADED;
        responder.complete(errors.status(code), bytes(json), retry ? HttpHeaderNames.RETRY_AFTER : null, retry ? "1" : null);
    }

    /** Answers 500 {@code INTERNAL_ERROR} in the route's error format: the gateway failed, not the request. */
    public void internalError(final String message)
    {
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(256), 0);
        errors.write(json, ApiErrors.INTERNAL_ERROR, message, null);
        responder.complete(500, bytes(json), null, null);
    }

    /** Answers with a body of its own media type (an artifact's bytes), and one extra header or none. */
    public void file(final byte[] body, final CharSequence contentType, final CharSequence headerName, final CharSequence headerValue)
    {
        responder.complete(200, body, contentType, headerName, headerValue);
    }

    /** Publishes a command whose answer goes to {@code replyTo} (a feature's own target), not straight to the connection. */
    public boolean publishTo(final CommandType type, final int principal, final RequestBody body, final ReplyTarget replyTo, final Object attachment)
    {
        return publisher.publish(type, principal, CommandFrame.SOURCE_HTTP, body, replyTo, attachment);
    }

    /** Answers with a JSON body. */
    public void json(final int status, final String body)
    {
        responder.complete(status, body.getBytes(StandardCharsets.UTF_8), null, null);
    }

    /** Answers with the JSON body a writer holds. */
    public void json(final int status, final JsonWriter json)
    {
        responder.complete(status, bytes(json), null, null);
    }

    private static byte[] bytes(final JsonWriter json)
    {
        final byte[] out = new byte[json.length()];
        json.buffer().getBytes(0, out);
        return out;
    }
}
