package io.ordergate.gateway.executors;

import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import io.ordergate.gateway.core.ChannelFlushes;

/**
 * The text frames the reply stage sends one executor socket, handed to the socket's event loop in one task per batch
 * that writes them all and flushes once. Written from the reply thread one by one, each frame would be a write task of
 * its own and the flush one more, each queued to the event loop and each a chance to wake it: an MT5 order sends three
 * frames (the command and the answers to its result and trade report; docs/PERFORMANCE.md, "Item 8 on a busy machine").
 * <b>Thread safe</b>: frames are added on the reply thread (any thread), taken on the channel's event loop.
 */
final class FrameOutbox implements ChannelFlushes.BatchEnd, Runnable
{
    private final Channel channel;
    private final Queue<ByteBuf> frames = PlatformDependent.newMpscQueue();
    /** A drain task is queued and has not started taking frames yet. */
    private final AtomicBoolean queued = new AtomicBoolean();

    FrameOutbox(final Channel channel)
    {
        this.channel = channel;
    }

    /** One frame's text (owned from here on); sent at the end of the reply stage's batch. */
    void add(final ByteBuf text)
    {
        frames.add(text);
    }

    @Override
    public void endOfBatch()
    {
        if (!frames.isEmpty() && queued.compareAndSet(false, true))
        {
            try
            {
                channel.eventLoop().execute(this);
            }
            catch (final RejectedExecutionException shutDown)
            {
                queued.set(false);
                releaseAll();
            }
        }
    }

    /** Event loop: writes what was added, in order, and flushes once. */
    @Override
    public void run()
    {
        queued.set(false);  // a frame added from here on queues a new task (or is taken by this one: then it finds none)
        ByteBuf text;
        while ((text = frames.poll()) != null)
        {
            channel.write(new TextWebSocketFrame(text), channel.voidPromise());  // on a closed channel: released
        }
        channel.flush();
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
