package io.ordergate.gateway.core;

import io.ordergate.engine.command.CommandEvent;

/**
 * A part of the reply stage owned by a feature: state kept beside the engine and rebuilt from the same journal (key
 * registries), connectors that take the engine's outbox (executor pushes), measurements. Reply thread (or the
 * replaying thread before the pipeline starts) only.
 */
public interface ReplyListener
{
    /** Every journaled command at replay, after the engine applied it. Nothing is sent to anyone. */
    default void onReplayed(final CommandEvent event)
    {
    }

    /** Every command, after the engine applied it and before whoever waits is answered. */
    void onResult(CommandEvent event, ChannelFlushes flushes);

    /**
     * Cluster form, on a follower: every command, after the engine applied it. The leader alone sends venue side
     * effects, so by default a follower keeps the state beside the engine exactly as replay does and sends nothing;
     * a listener that only measures or answers may do what it does in {@link #onResult}.
     */
    default void onFollowing(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.type != null && event.type.journaled())
        {
            onReplayed(event);
        }
    }

    /** Cluster form: this member starts or stops leading; called between two results on their thread. */
    default void leading(final boolean leading)
    {
    }

    /** Cluster form: the results' thread has nothing to do now (at least about every millisecond). */
    default void onIdle(final long nowNanos)
    {
    }
}
