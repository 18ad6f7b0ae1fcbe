package io.ordergate.gateway.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Routes a feature package answers itself (the executor routes of seed 000 and their WebSocket), tried for a path
 * {@link Route} does not know. Called on the connection's event loop; thread safe implementations only.
 */
public interface ExtraRoutes
{
    /** @return false when the path is not one of these routes (the connection answers 404) */
    boolean handle(HttpConnection connection, ChannelHandlerContext ctx, FullHttpRequest request);
}
