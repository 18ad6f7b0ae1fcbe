package io.ordergate.gateway.core;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Fails the connection on a text message that is not valid UTF-8 (RFC 6455 8.1): a close frame with 1007 saying why,
 * then the end of the connection. The route's socket never sees the message; before, it was parsed as JSON, answered
 * INVALID_JSON, and the socket stayed open. Sits after the fragment joiner, so a fragmented message is checked whole (a
 * character split between two fragments is valid) and no fragment reaches the route before its message is checked.
 * What the peer sends after the failing message is dropped. Event loop only; one per channel.
 */
final class Utf8TextMessages extends ChannelInboundHandlerAdapter
{
    private boolean failed;

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (failed)
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof TextWebSocketFrame text && !ByteBufUtil.isText(text.content(), StandardCharsets.UTF_8))
        {
            failed = true;
            text.release();
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.INVALID_PAYLOAD_DATA, "a text message must be valid UTF-8"))
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }
}
