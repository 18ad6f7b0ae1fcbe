package io.ordergate.gateway.core;

import io.ordergate.engine.command.CommandEvent;

/**
 * A feature that follows every command after the reply stage, off the order path: streams, outbound webhooks, logs.
 * Called on the fan-out thread ({@code og-fanout}), in ring order; at start-up, on the replaying thread, with every
 * journaled command in journal order (then nothing must be sent to anyone). Read the event before returning: its
 * slot is reused after. Work per event must be bounded and never block (the ring waits for the fan-out).
 */
public interface FanOutListener
{
    /**
     * @param replaying true at start-up (journaled commands only, nothing to send), false once the gateway runs
     */
    void onEvent(CommandEvent event, boolean replaying);

    /**
     * After each batch and when a poll finds nothing: periodic work (timers, sweeps) and work queued from other
     * threads. Fan-out thread. At least every millisecond while commands come, at least every 64 ms on an idle
     * gateway (the thread sleeps); work queued from another thread must call the waker of {@link #wakeWith}.
     */
    default void onIdle(final long nowNanos)
    {
    }

    /**
     * Once, before anything else: how to wake the fan-out thread when this listener queued work for its
     * {@link #onIdle} from another thread. Any thread may run it; it costs an unpark only while the thread sleeps.
     */
    default void wakeWith(final Runnable waker)
    {
    }

    /**
     * Cluster form: whether this member leads, which alone sends to the outside world (outbound webhooks); a member
     * that does not lead keeps the same state and sends nothing. The single-node form always leads. Fan-out thread.
     */
    default void leading(final boolean leading)
    {
    }

    /** The gateway is closing: the fan-out thread has stopped. */
    default void onClose()
    {
    }
}
