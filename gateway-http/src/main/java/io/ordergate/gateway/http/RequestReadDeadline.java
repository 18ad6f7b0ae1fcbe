package io.ordergate.gateway.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A deadline for reading one whole request (headers and body) that a trickle does not reset: it starts when the
 * connection opens, and for each later request with its first byte, and ends when the request is complete. Past it
 * the connection is answered 408 {@code REQUEST_TIMEOUT} and closed. (The idle timeout, reset by every byte, cannot
 * tell a client that sends a byte a second from one that is working.)
 *
 * <p>Two handlers share the state: {@link #start()} sits before the HTTP decoder and sees raw bytes,
 * {@link #complete()} sits after the body aggregator and sees whole requests. <b>Not thread safe</b>: one per
 * connection, on its event loop.
 */
final class RequestReadDeadline
{
    private static final byte[] TIMED_OUT = ConnectionLimiter.rawAnswer(408, "Request Timeout",
        "the request was not read in time (server.request_read_timeout_seconds)", "");

    private final long timeoutNanos;
    private final Start start = new Start();
    private final Complete complete = new Complete();
    private ScheduledFuture<?> timer;

    RequestReadDeadline(final int timeoutSeconds)
    {
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    }

    ChannelInboundHandlerAdapter start()
    {
        return start;
    }

    ChannelInboundHandlerAdapter complete()
    {
        return complete;
    }

    private void arm(final ChannelHandlerContext ctx)
    {
        if (timer == null)
        {
            timer = ctx.executor().schedule(() -> expire(ctx), timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void disarm()
    {
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }

    private void expire(final ChannelHandlerContext ctx)
    {
        timer = null;
        if (ctx.channel().isActive())
        {
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Before the decoder: the first bytes of a request (or the connection's opening) start the deadline. */
    private final class Start extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            arm(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            if (ctx.channel().isActive())
            {
                arm(ctx);
            }
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception
        {
            if (msg instanceof ByteBuf && ((ByteBuf)msg).isReadable())
            {
                arm(ctx);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            disarm();
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(final ChannelHandlerContext ctx)
        {
            disarm();  // the connection became a WebSocket
        }
    }

    /** After the aggregator: a whole request read ends the deadline. */
    private final class Complete extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception
        {
            if (msg instanceof FullHttpRequest)
            {
                disarm();
            }
            super.channelRead(ctx, msg);
        }
    }
}
