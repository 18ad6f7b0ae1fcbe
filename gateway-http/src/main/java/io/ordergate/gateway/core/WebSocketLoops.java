package io.ordergate.gateway.core;

import io.netty.channel.EventLoopGroup;

/**
 * The event loops the stream sockets are served on, apart from the loops that read HTTP requests and orders
 * ({@code streams.event_loop_threads}). The HTTP server makes them when it binds, since a channel can only move to a
 * loop of its own transport (epoll or NIO), and stops them when it closes. Thread safe: set once by the start-up
 * thread, read by the event loops.
 */
public final class WebSocketLoops
{
    private volatile EventLoopGroup streams;

    /** The loops the HTTP server made for stream sockets; null keeps them on the loop that accepted them. */
    public void attach(final EventLoopGroup streams)
    {
        this.streams = streams;
    }

    /** Where a stream socket moves before its handshake, or null to stay where it is. */
    public EventLoopGroup streams()
    {
        return streams;
    }
}
