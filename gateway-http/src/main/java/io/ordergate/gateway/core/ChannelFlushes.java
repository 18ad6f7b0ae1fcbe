package io.ordergate.gateway.core;

import io.netty.channel.Channel;

/**
 * The channels the reply stage wrote to in its current batch: each write goes out unflushed, and each channel is
 * flushed once at the batch's end (one syscall per channel per batch, not per answer or push). A socket that queues
 * its frames itself ({@link BatchEnd}) is told instead, so it can hand the batch's frames to its event loop in one task.
 * <b>Not thread safe</b>: owned by the reply thread.
 */
public final class ChannelFlushes
{
    /** A socket that collects the reply stage's frames and sends them at the end of the batch. */
    public interface BatchEnd
    {
        /** The reply stage's batch ended (reply thread): send what was collected. */
        void endOfBatch();
    }

    private Object[] pending = new Object[64];
    private int count;

    /** Flush this channel at the end of the batch. */
    public void later(final Channel channel)
    {
        remember(channel);
    }

    /** Tell this socket at the end of the batch. */
    public void later(final BatchEnd socket)
    {
        remember(socket);
    }

    private void remember(final Object target)
    {
        for (int i = Math.max(0, count - 8); i < count; i++)
        {
            if (pending[i] == target)
            {
                return;  // the common repeat (one connection's burst); a rarer one costs only a second empty flush
            }
        }
        if (count == pending.length)
        {
            final Object[] more = new Object[count * 2];
            System.arraycopy(pending, 0, more, 0, count);
            pending = more;
        }
        pending[count++] = target;
    }

    /** The batch ended: flush every channel written to, tell every socket, and forget them. */
    public void flushAll()
    {
        for (int i = 0; i < count; i++)
        {
            final Object target = pending[i];
            pending[i] = null;
            if (target instanceof BatchEnd)
            {
                ((BatchEnd)target).endOfBatch();
            }
            else
            {
                ((Channel)target).flush();
            }
        }
        count = 0;
    }
}
