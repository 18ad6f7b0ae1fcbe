package io.ordergate.gateway.core;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * Stage 3 of the pipeline, the reply stage: every feature's {@link ReplyListener} sees each command (registries first,
 * in the order given, so a key works the moment its creator hears of it), then whoever waits is answered, and at the
 * end of each batch the executor sockets that queued frames are told to send them ({@link ChannelFlushes}).
 *
 * <p>A listener that throws does not stop the others, and whoever waits is still answered, from the engine's result:
 * the command is journaled and applied whatever a feature beside the engine made of it, and an answer that never came
 * would hold the client's connection (and the fan-out would see the command without its result if the stage's
 * exception handler took over). The failure is counted ({@link #listenerFailures}, {@code /metrics}) and logged once
 * per listener and kind of exception: a bug that throws on every command must not flood the log from this thread.
 * <b>Not thread safe</b>: owned by the reply thread (and by the replaying thread before the pipeline starts).
 */
public final class GatewayReplies implements ResultHandler
{
    private static final Logger LOG = Logger.getLogger(GatewayReplies.class.getName());

    private final ReplyListener[] listeners;
    private final FailuresOncePerKind failures = new FailuresOncePerKind(LOG, Level.SEVERE);
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
            try
            {
                listener.onReplayed(event);
            }
            catch (final RuntimeException ex)
            {
                // As live: one listener's failure neither stops the others nor (here) the start-up
                failures.failed(listener, ex, () -> "reply listener " + listener.getClass().getSimpleName() + " failed replaying " + event.type
                    + " (logged once per listener and kind; replay goes on as the live run did)");
            }
        }
    }

    @Override
    public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            for (final ReplyListener listener : listeners)
            {
                try
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
                catch (final RuntimeException ex)
                {
                    failures.failed(listener, ex, () -> "reply listener " + listener.getClass().getSimpleName() + " failed on " + event.type
                        + " (logged once per listener and kind; the command was answered from the engine's result)");
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

    /** Commands a listener threw on, since start; any thread. */
    public long listenerFailures()
    {
        return failures.count();
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
