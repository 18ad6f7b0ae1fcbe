package io.ordergate.gateway.core;

import java.nio.channels.ClosedChannelException;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The first close frame is a WebSocket's last frame (RFC 6455, 5.5.1), whoever writes it: the route's socket, the
 * idle handling, or the fragment joiner refusing a message over the bound. Each of them knows only its own close, and
 * the socket still reads while its close frame waits for a peer that reads slowly, so a second one could follow.
 * Sits just above the frame encoder, where every frame of the socket passes, and drops (releases) whatever is written
 * after the first close frame.
 *
 * <p>A dropped write's promise ends when the close frame's write does, failed (nothing of it went out): a writer that
 * closes the connection once its write is done ({@code ChannelFutureListener.CLOSE}) closes it after the close frame
 * is out, not before, and the peer still reads why. Event loop only; one per channel.
 */
final class NothingAfterCloseFrame extends ChannelDuplexHandler
{
    /** The first close frame's write; null before it. */
    private ChannelFuture closeFrameWrite;

    @Override
    public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise)
    {
        if (closeFrameWrite != null)
        {
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid())
            {
                closeFrameWrite.addListener(done -> promise.tryFailure(new WrittenAfterCloseFrame()));
            }
            return;
        }
        if (msg instanceof CloseWebSocketFrame)
        {
            // A void promise can take no listener: its own stands in, failures still reported as the void one would.
            final ChannelPromise watched = promise.unvoid();
            closeFrameWrite = watched;
            ctx.write(msg, watched);
            return;
        }
        ctx.write(msg, promise);
    }

    /**
     * A drop's failure, fired through the pipeline when its promise was void once (the idle handler watches every
     * write that way): no failure of the socket, which its close frame's write closes, so it goes no further.
     */
    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!(cause instanceof WrittenAfterCloseFrame))
        {
            ctx.fireExceptionCaught(cause);
        }
    }

    /** The failure of a write made after the close frame: dropped, as nothing may follow it. */
    static final class WrittenAfterCloseFrame extends ClosedChannelException
    {
        private static final long serialVersionUID = 1L;
    }
}
