package io.ordergate.gateway.executors;

import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.internal.PlatformDependent;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.metrics.HttpStatusCounts;

/**
 * The text frames the reply stage sends one executor socket, sent at the end of its batch: each frame is encoded as
 * the WebSocket encoder would put it on the wire (final text frame, unmasked, 7/16/64-bit length) straight into the
 * batch's one buffer, which the reply thread writes itself in one system call when the socket's
 * {@link SocketWriteGuard} lets it (nothing of the socket's waits in Netty), or hands to the socket's event loop in
 * one task that writes it and flushes once. Written from the reply thread one by one, each frame would be a write task
 * of its own and the flush one more, each queued to the event loop and each a chance to wake it: an MT5 order sends
 * three frames (the command and the answers to its result and trade report; docs/PERFORMANCE.md, "Item 8 on a busy
 * machine"). A buffer per frame, copied into the batch's at its end, was a pooled buffer taken and freed per frame.
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
    private static final int LONGEST_HEADER = 10;
    private static final int FIRST_CAPACITY = 1_024;

    private final Channel channel;
    private final SocketWriteGuard guard;
    private final HttpStatusCounts counts;
    /** Whole batches, encoded, not yet written: each starts with its number of frames (an int, not sent). */
    private final Queue<ByteBuf> batches = PlatformDependent.newMpscQueue();
    /** A drain task is queued and has not started taking batches yet. */
    private final AtomicBoolean queued = new AtomicBoolean();
    /** Reply thread: this batch's frames so far, after room for their count; null before its first frame. */
    private ByteBuf batch;
    /** Reply thread: how many frames {@link #batch} holds (written into its room when the batch ends). */
    private int batchFrames;

    FrameOutbox(final Channel channel, final SocketWriteGuard guard, final HttpStatusCounts counts)
    {
        this.channel = channel;
        this.guard = guard;
        this.counts = counts;
    }

    /** Reply thread: one frame's text, encoded into this batch's bytes; sent at the end of the reply stage's batch. */
    void add(final byte[] text, final int offset, final int length)
    {
        ByteBuf out = batch;
        if (out == null)
        {
            out = batch = channel.alloc().directBuffer(Math.max(FIRST_CAPACITY, Integer.BYTES + LONGEST_HEADER + length));
            out.writerIndex(Integer.BYTES);
        }
        batchFrames++;
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
        out.writeBytes(text, offset, length);
    }

    @Override
    public void endOfBatch()
    {
        final ByteBuf out = batch;
        if (out == null)
        {
            return;
        }
        out.setInt(out.readerIndex(), batchFrames);
        batch = null;
        batchFrames = 0;
        // The socket first, then the queue: while this thread holds it, no drain task can be polling (one takes the
        // socket before it polls, and frees it only after its flush), so the queue still holds this batch for takeAll.
        // Queued first, a drain task running meanwhile could take and write it and free the socket, and takeAll would
        // find the queue empty with the socket held.
        if (guard.tryTake())
        {
            batches.add(out);
            // Batches a drain task has not taken yet go too, in order, ahead of this one.
            if (guard.writeTaken(takeAll()))
            {
                return;
            }
        }
        else
        {
            batches.add(out);
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
        queued.set(false);  // a batch added from here on queues a new task (or is taken by this one: then it finds none)
        guard.takeForLoop();
        ByteBuf out;
        while ((out = batches.poll()) != null)
        {
            out.skipBytes(Integer.BYTES);  // frames encoded already: past Netty's WebSocket encoder as they are
            channel.write(out, channel.voidPromise());  // on a closed channel: released
        }
        channel.flush();
    }

    /** Reply thread, holding the socket: every queued batch, counted, in one buffer (nearly always the one just ended). */
    private ByteBuf takeAll()
    {
        ByteBuf all = batches.poll();
        int frames = all.readInt();
        ByteBuf next;
        while ((next = batches.poll()) != null)
        {
            frames += next.readInt();
            final ByteBuf joined = channel.alloc().directBuffer(all.readableBytes() + next.readableBytes());
            joined.writeBytes(all).writeBytes(next);
            all.release();
            next.release();
            all = joined;
        }
        counts.countFramesByReplyThread(frames);
        return all;
    }

    private void releaseAll()
    {
        ByteBuf out;
        while ((out = batches.poll()) != null)
        {
            out.release();
        }
    }
}
