package io.ordergate.gateway.core;

import io.netty.channel.Channel;

/**
 * The channels the reply stage wrote to in its current batch: each write goes out unflushed, and each channel is
 * flushed once at the batch's end (one syscall per channel per batch, not per answer or push).
 * <b>Not thread safe</b>: owned by the reply thread.
 */
public final class ChannelFlushes
{
    private Channel[] channels = new Channel[64];
    private int count;

    /** Flush this channel at the end of the batch. */
    public void later(final Channel channel)
    {
        for (int i = Math.max(0, count - 8); i < count; i++)
        {
            if (channels[i] == channel)
            {
                return;  // the common repeat (one connection's burst); a rarer one costs only a second empty flush
            }
        }
        if (count == channels.length)
        {
            final Channel[] more = new Channel[count * 2];
            System.arraycopy(channels, 0, more, 0, count);
            channels = more;
        }
        channels[count++] = channel;
    }

    /** The batch ended: flush every channel written to, and forget them. */
    public void flushAll()
    {
        for (int i = 0; i < count; i++)
        {
            channels[i].flush();
            channels[i] = null;
        }
        count = 0;
    }
}
