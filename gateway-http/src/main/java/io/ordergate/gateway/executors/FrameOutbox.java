package io.ordergate.gateway.executors;

import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.metrics.HttpStatusCounts;

/**
 * The text frames the reply stage sends one executor socket, sent at the end of its batch: written by the reply thread
 * itself in one system call when the socket's {@link SocketWriteGuard} lets it (nothing of the socket's waits in
 * Netty), otherwise handed to the socket's event loop in one task that writes them all and flushes once. Written from
 * the reply thread one by one, each frame would be a write task of its own and the flush one more, each queued to the
 * event loop and each a chance to wake it: an MT5 order sends three frames (the command and the answers to its result
 * and trade report; docs/PERFORMANCE.md, "Item 8 on a busy machine").
 * <b>Thread safe</b>: frames are added and sent on the reply thread, taken by the drain task on the channel's event loop.
 */
final class FrameOutbox implements ChannelFlushes.BatchEnd, Runnable
{
    /** A final text frame, unmasked (server to client): FIN and opcode 1 (RFC 6455, 5.2). */
    private static final int FINAL_TEXT = 0x81;
    private static final int LENGTH_16_BITS = 126;
    private static final int LENGTH_64_BITS = 127;
    private static final int LONGEST_7_BIT_LENGTH = 125;
    private static final int LONGEST_16_BIT_LENGTH = 0xFFFF;

    private final Channel channel;
    private final SocketWriteGuard guard;
    private final HttpStatusCounts counts;
    private final Queue<ByteBuf> frames = PlatformDependent.newMpscQueue();
    /** A drain task is queued and has not started taking frames yet. */
    private final AtomicBoolean queued = new AtomicBoolean();

    FrameOutbox(final Channel channel, final SocketWriteGuard guard, final HttpStatusCounts counts)
    {
        this.channel = channel;
        this.guard = guard;
        this.counts = counts;
    }

    /** One frame's text (owned from here on); sent at the end of the reply stage's batch. */
    void add(final ByteBuf text)
    {
        frames.add(text);
    }

    @Override
    public void endOfBatch()
    {
        if (frames.isEmpty())
        {
            return;
        }
        if (guard.tryTake())
        {
            // Frames a drain task has not taken yet go too, in order: the task takes the socket before it polls.
            if (guard.writeTaken(encodeAll()))
            {
                return;
            }
        }
        drainOnEventLoop();
    }

    private void drainOnEventLoop()
    {
        if (queued.compareAndSet(false, true))
        {
            try
            {
                channel.eventLoop().execute(this);
            }
            catch (final RejectedExecutionException shutDown)
            {
                queued.set(false);
                releaseAll();
                guard.dropRemainder();
            }
        }
    }

    /** Event loop: writes what a direct write left, then what was added, in order, and flushes once. */
    @Override
    public void run()
    {
        queued.set(false);  // a frame added from here on queues a new task (or is taken by this one: then it finds none)
        guard.takeForLoop();
        ByteBuf text;
        while ((text = frames.poll()) != null)
        {
            channel.write(new TextWebSocketFrame(text), channel.voidPromise());  // on a closed channel: released
        }
        channel.flush();
    }

    /** Reply thread, holding the socket: every queued frame as the WebSocket encoder would put it on the wire, in one buffer. */
    private ByteBuf encodeAll()
    {
        final ByteBuf out = channel.alloc().directBuffer(1_024);
        int count = 0;
        ByteBuf text;
        while ((text = frames.poll()) != null)
        {
            count++;
            final int length = text.readableBytes();
            out.writeByte(FINAL_TEXT);
            if (length <= LONGEST_7_BIT_LENGTH)
            {
                out.writeByte(length);
            }
            else if (length <= LONGEST_16_BIT_LENGTH)
            {
                out.writeByte(LENGTH_16_BITS).writeShort(length);
            }
            else
            {
                out.writeByte(LENGTH_64_BITS).writeLong(length);
            }
            out.writeBytes(text, text.readerIndex(), length);
            text.release();
        }
        counts.countFramesByReplyThread(count);
        return out;
    }

    private void releaseAll()
    {
        ByteBuf text;
        while ((text = frames.poll()) != null)
        {
            text.release();
        }
    }
}
