package io.ordergate.gateway.core;

import java.util.List;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * Stage 3 of the pipeline, the reply stage: every feature's {@link ReplyListener} sees each command (registries first,
 * in the order given, so a key works the moment its creator hears of it), then whoever waits is answered, and at the
 * end of each batch every channel written to is flushed once.
 * <b>Not thread safe</b>: owned by the reply thread (and by the replaying thread before the pipeline starts).
 */
public final class GatewayReplies implements ResultHandler
{
    private final ReplyListener[] listeners;
    private final ChannelFlushes flushes = new ChannelFlushes();
    /** Cluster form: false on a follower, whose listeners keep state but send nothing to venues. */
    private boolean leading = true;

    public GatewayReplies(final List<ReplyListener> listeners)
    {
        this.listeners = listeners.toArray(new ReplyListener[0]);
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        for (final ReplyListener listener : listeners)
        {
            listener.onReplayed(event);
        }
    }

    @Override
    public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            for (final ReplyListener listener : listeners)
            {
                if (leading)
                {
                    listener.onResult(event, flushes);
                }
                else
                {
                    listener.onFollowing(event, flushes);
                }
            }
            if (event.replyTo instanceof ReplyTarget)
            {
                ((ReplyTarget)event.replyTo).onReply(event, flushes);
            }
        }
        finally
        {
            if (endOfBatch)
            {
                flushes.flushAll();
            }
        }
    }

    @Override
    public void leading(final boolean leading)
    {
        this.leading = leading;
        for (final ReplyListener listener : listeners)
        {
            listener.leading(leading);
        }
    }

    @Override
    public java.util.Map<String, Object> stateBesideEngine()
    {
        final java.util.Map<String, Object> roots = new java.util.LinkedHashMap<>();
        for (final ReplyListener listener : listeners)
        {
            if (listener instanceof StateBesideEngine)
            {
                ((StateBesideEngine)listener).stateRoots(roots);
            }
        }
        return roots;
    }

    @Override
    public void idle(final long nowNanos)
    {
        for (final ReplyListener listener : listeners)
        {
            listener.onIdle(nowNanos);
        }
    }

    @Override
    public void flush()
    {
        flushes.flushAll();
    }
}
