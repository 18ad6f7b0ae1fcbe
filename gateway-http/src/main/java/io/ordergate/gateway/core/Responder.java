package io.ordergate.gateway.core;

import java.net.SocketAddress;

import org.agrona.DirectBuffer;

import io.netty.channel.ChannelHandlerContext;

/**
 * The transport under an {@link Exchange}: writes answers to its connection and stands for it as the reply target of
 * the commands it publishes. Implemented by the HTTP transport; event loop only, except as a {@link ReplyTarget}.
 */
public interface Responder
{
    /**
     * Writes an answer on the event loop (flushed when the read ends).
     *
     * @param headerName an extra header (Allow, Retry-After) or null
     */
    void send(int status, DirectBuffer body, int length, CharSequence contentType, CharSequence headerName, CharSequence headerValue);

    /** Who the reply stage answers for a command this connection published. */
    ReplyTarget replyTarget();

    /** The channel, for a route that turns the connection into a WebSocket. */
    ChannelHandlerContext channel();

    SocketAddress remoteAddress();

    /**
     * Writes the answer of a request that {@link Exchange#defer deferred} it, from any thread: on the event loop,
     * flushed, and the connection reads on once it is written (as after a command's answer).
     */
    void complete(int status, byte[] body, CharSequence headerName, CharSequence headerValue);

    /** As {@link #complete(int, byte[], CharSequence, CharSequence)}, with a body of another media type (a file). */
    void complete(int status, byte[] body, CharSequence contentType, CharSequence headerName, CharSequence headerValue);
}
