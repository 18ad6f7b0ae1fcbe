package io.ordergate.simulators.exchange;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * A user-data WebSocket on {@code /ws/<listenKey>}: once the handshake is done the socket is attached to its key
 * (an unknown key is closed at once). The exchange only pushes; what a client sends is read and ignored (pings are
 * answered by Netty's protocol handler). One instance per connection.
 */
final class UserStreamSocket extends SimpleChannelInboundHandler<WebSocketFrame>
{
    private final UserStreams streams;

    UserStreamSocket(final UserStreams streams)
    {
        this.streams = streams;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            final String path = new QueryStringDecoder(((WebSocketServerProtocolHandler.HandshakeComplete)event).requestUri()).path();
            final String listenKey = path.substring(path.lastIndexOf('/') + 1);
            if (!streams.attach(listenKey, ctx.channel()))
            {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        // the user-data stream is one-way: nothing a client sends changes anything
    }
}
