package io.ordergate.gateway.executors;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

import io.ordergate.gateway.http.DirectReplyChannel;

/**
 * Who writes to one executor's socket: its event loop, through Netty, or the reply thread, straight to the JDK socket,
 * when Netty holds nothing of it unwritten. The direct write saves the event loop a wake-up per batch of frames (the
 * hand-over, an {@code eventfd} write, the loop's {@code epoll_wait} return, a context switch), which on a virtual
 * machine costs more than the write itself (docs/PERFORMANCE.md, "Executor frames written by the reply thread").
 *
 * <p>The rule that keeps the frames whole and in order: the first handler of the pipeline (this one) sees every write
 * the event loop makes and takes the socket for the loop first, waiting out a direct write already begun; the loop gives
 * it back after a flush that left Netty's outbound buffer empty. The reply thread writes only while it holds the
 * socket, taken from free by compare-and-set. What the socket does not take (its send buffer full) is left for the
 * loop, which writes it before anything else, and the socket stays the loop's until Netty has written it all.
 *
 * <p>The Close frame is the socket's last (RFC 6455, 5.5.1): every write after it is dropped (released), whoever made
 * it (a reply batch begun before the close, a pong, a ping), and the socket is never the reply thread's again. A drop
 * fails its write's promise but is no failure of the socket: it does not reach the pipeline's exception handlers, which
 * would close the socket before the Close and the frames queued before it are out.
 *
 * <p>Thread safe: {@link #write}, {@link #flush} and {@link #takeForLoop} on the event loop, {@link #tryTake} and
 * {@link #writeTaken} on the reply thread; they meet only in the state, changed by compare-and-set.
 */
final class SocketWriteGuard extends ChannelDuplexHandler
{
    /** Nothing of the socket's waits in Netty and nobody writes: either side may take it. */
    private static final int FREE = 0;
    /** The event loop writes (it has, since its last flush that emptied Netty's buffer). */
    private static final int LOOP = 1;
    /** The reply thread is writing to the socket. */
    private static final int REPLY = 2;
    /** Spins of the loop, waiting out a direct write, before it yields its core to the writer instead. */
    private static final int SPINS_BEFORE_YIELD = 256;
    private final boolean enabled;
    /** One per executor socket: an atomic is plainer than a field handle, and there are few. */
    private final AtomicInteger state = new AtomicInteger(LOOP);
    /** What a direct write left unwritten: set by the reply thread before it hands the socket to the loop, taken by the loop. */
    private ByteBuf remainder;
    private ChannelHandlerContext ctx;
    private Channel channel;
    private SocketChannel socket;
    /** Event loop: the next write is the Close frame (a control frame, encoded into one buffer). */
    private boolean closeIsNext;
    /** Event loop: the Close frame is written; nothing may follow it. */
    private boolean closeWritten;

    /** @param enabled {@code server.direct_replies}: false keeps every write on the event loop */
    SocketWriteGuard(final boolean enabled)
    {
        this.enabled = enabled;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext context)
    {
        this.ctx = context;
        this.channel = context.channel();
        this.socket = DirectReplyChannel.acceptedSocket(channel);
    }

    /** Every write of the event loop's: the socket is the loop's first, and a direct write's remainder goes before it. */
    @Override
    public void write(final ChannelHandlerContext context, final Object msg, final ChannelPromise promise)
    {
        takeForLoop();
        if (closeWritten)
        {
            ReferenceCountUtil.release(msg);
            if (!promise.isVoid())
            {
                promise.tryFailure(new WrittenAfterClose());
            }
            return;
        }
        closeWritten = closeIsNext;
        context.write(msg, promise);
    }

    /**
     * Any thread: writes the Close frame, after which nothing is written, and closes the socket once it is out. A
     * socket whose event loop is shut down is closed already.
     */
    void writeClose(final CloseWebSocketFrame close)
    {
        if (!channel.eventLoop().inEventLoop())
        {
            if (!executeOnLoop(channel, () -> writeClose(close)))
            {
                close.release();
            }
            return;
        }
        if (closeIsNext)
        {
            close.release();  // one Close per socket
            return;
        }
        closeIsNext = true;
        channel.writeAndFlush(close).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * A drop's failure, fired through the pipeline when its promise was void once: the idle handler gives every write a
     * promise of its own to watch, and that promise reports a failure as an exception. The executor socket closes on an
     * exception; here the Close's own write closes the socket once it is out, so this one goes no further.
     */
    @Override
    public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause)
    {
        if (!(cause instanceof WrittenAfterClose))
        {
            context.fireExceptionCaught(cause);
        }
    }

    /** The failure of a write made after the Close frame: dropped, as nothing may follow the Close. */
    static final class WrittenAfterClose extends ClosedChannelException
    {
    }

    /** After the loop's flush: the socket is free again once Netty has written everything it held. */
    @Override
    public void flush(final ChannelHandlerContext context)
    {
        context.flush();
        if (enabled && socket != null && state.get() == LOOP && remainder == null && !closeIsNext)
        {
            final ChannelOutboundBuffer unwritten = channel.unsafe().outboundBuffer();
            if (unwritten != null && unwritten.totalPendingWriteBytes() == 0 && channel.isActive())
            {
                state.set(FREE);
            }
        }
    }

    /** Event loop: the socket is the loop's from here on (a direct write begun ends first); a remainder is queued first. */
    void takeForLoop()
    {
        int spins = 0;
        while (true)
        {
            final int now = state.get();
            if (now == LOOP || now == FREE && state.compareAndSet(FREE, LOOP))
            {
                break;
            }
            if (now == REPLY)
            {
                // A non-blocking write of one batch: microseconds, unless its thread lost its core meanwhile.
                if (++spins < SPINS_BEFORE_YIELD)
                {
                    Thread.onSpinWait();
                }
                else
                {
                    Thread.yield();
                }
            }
        }
        final ByteBuf rest = remainder;
        if (rest != null)
        {
            remainder = null;
            ctx.write(rest, ctx.voidPromise());  // a failure closes the socket (exceptionCaught)
        }
    }

    /** Reply thread: true when it now holds the socket (nothing of it waits in Netty); then it must call {@link #writeTaken}. */
    boolean tryTake()
    {
        if (!enabled || socket == null || !state.compareAndSet(FREE, REPLY))
        {
            return false;
        }
        final ChannelOutboundBuffer unwritten = channel.unsafe().outboundBuffer();
        if (unwritten == null || unwritten.totalPendingWriteBytes() != 0)
        {
            state.set(LOOP);  // closed, or something bypassed this handler: the loop decides
            return false;
        }
        return true;
    }

    /**
     * Reply thread, holding the socket: writes {@code bytes} (owned from here on) and gives the socket back. True when
     * the socket took them whole; false when the rest was left for the event loop, which the caller must then wake
     * (a write that failed leaves it too: the loop's write of it fails the same way and closes the socket).
     */
    boolean writeTaken(final ByteBuf bytes)
    {
        boolean whole;
        try
        {
            whole = DirectReplyChannel.writeWhatFits(socket, bytes);
        }
        catch (final IOException | RuntimeException failed)
        {
            whole = false;
        }
        if (whole)
        {
            bytes.release();
            state.set(FREE);
            return true;
        }
        remainder = bytes;
        state.set(LOOP);  // publishes the remainder to the loop
        return false;
    }

    /** Any thread: runs a task on the channel's event loop; false when the loop, shut down, refused it (the channel is closed). */
    static boolean executeOnLoop(final Channel channel, final Runnable task)
    {
        try
        {
            channel.eventLoop().execute(task);
            return true;
        }
        catch (final RejectedExecutionException shutDown)
        {
            return false;
        }
    }

    /** Reply thread, after {@link #writeTaken} returned false and the event loop refused the task: it is shut down, so is the socket. */
    void dropRemainder()
    {
        final ByteBuf rest = remainder;
        remainder = null;
        if (rest != null)
        {
            rest.release();
        }
    }
}
