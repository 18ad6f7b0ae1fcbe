package io.ordergate.gateway.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Closes a connection after the answer that ends it the way servers do (RFC 9112 9.6, "lingering close"): once the
 * answer is written, the gateway's side is half-closed (the client reads the answer, then the end), and what the client
 * still sends (the rest of a body over the limit, requests pipelined after the last one answered) is read and dropped
 * until the client closes its side, {@link #MAX_BYTES} were dropped or {@link #MAX_MILLIS} passed; then the connection
 * closes. Closing at once with the client's bytes unread made the kernel answer them with a reset, which took the
 * answer from a client still sending, or one that reads only after sending its whole request.
 *
 * <p>Bounded, so a client cannot keep a connection this way: nothing of what it sends is decoded, and the idle timeout
 * still applies. <b>Not thread safe</b>: one per closing connection, on its event loop.
 */
final class LingeringClose extends ChannelInboundHandlerAdapter implements Runnable
{
    /** How long the client's bytes are dropped after the answer at most. */
    static final long MAX_MILLIS = 5_000;
    /** How many of the client's bytes are dropped after the answer at most. */
    static final long MAX_BYTES = 4L * 1024 * 1024;
    static final String NAME = "linger";

    /** Added to the write of an answer after which the connection closes (instead of {@link ChannelFutureListener#CLOSE}). */
    static final ChannelFutureListener AFTER_ANSWER = LingeringClose::afterAnswer;

    private final Channel channel;
    private long dropped;
    private ScheduledFuture<?> deadline;

    private LingeringClose(final Channel channel)
    {
        this.channel = channel;
    }

    private static void afterAnswer(final ChannelFuture written)
    {
        final Channel channel = written.channel();
        final ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NAME) != null)
        {
            return;  // lingering already: its bounds close it
        }
        if (!written.isSuccess() || !channel.isActive() || !(channel instanceof SocketChannel))
        {
            channel.close();
            return;
        }
        final LingeringClose linger = new LingeringClose(channel);
        pipeline.addFirst(NAME, linger);  // before the decoder: nothing more is read as a request
        if (pipeline.get(HttpChannelInitializer.READ_DEADLINE) != null)
        {
            pipeline.remove(HttpChannelInitializer.READ_DEADLINE);  // no 408 for a request that will not be read
        }
        final ChannelFutureListener outputShut = linger::outputShut;
        ((SocketChannel)channel).shutdownOutput().addListener(outputShut);
    }

    private void outputShut(final ChannelFuture shut)
    {
        if (!shut.isSuccess() || !channel.isActive())
        {
            channel.close();
            return;
        }
        deadline = channel.eventLoop().schedule(this, MAX_MILLIS, TimeUnit.MILLISECONDS);
        channel.config().setAutoRead(true);  // the connection had stopped reading after its last request
    }

    /** The time is up. */
    @Override
    public void run()
    {
        channel.close();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (msg instanceof ByteBuf)
        {
            dropped += ((ByteBuf)msg).readableBytes();
        }
        ReferenceCountUtil.release(msg);
        if (dropped > MAX_BYTES)
        {
            ctx.close();
        }
    }

    /** The client ended its side (the connection allows half-closure, {@link HttpConnection}): lingering is over. */
    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event == ChannelInputShutdownEvent.INSTANCE)
        {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (deadline != null)
        {
            deadline.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
