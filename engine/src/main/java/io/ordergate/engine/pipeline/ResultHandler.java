package io.ordergate.engine.pipeline;

import io.ordergate.engine.command.CommandEvent;

/**
 * Stage 3: answers the waiting client and hands venue actions to connectors. Called on the reply thread only.
 * It may read the event but never engine state.
 */
public interface ResultHandler
{
    void onResult(CommandEvent event, long sequence, boolean endOfBatch);

    /**
     * Called on the replaying thread for every journaled command after the engine applied it at start-up,
     * so state kept beside the engine (the API key registry, executor queues) is rebuilt from the same journal.
     * Nothing is sent to anyone during replay.
     */
    default void onReplayed(final CommandEvent event)
    {
    }

    /**
     * Cluster form: whether this node is the leader, which alone sends venue side effects (executor pushes, exchange
     * calls, outbound webhooks). A follower keeps the state beside the engine as replay does and answers its own
     * clients, and sends nothing to venues. The single-node form never calls this: it always leads. Called on the
     * thread that calls {@link #onResult}, between two results.
     */
    default void leading(final boolean leading)
    {
    }

    /**
     * Cluster form: the service thread has nothing to apply now (called at least about every millisecond), for work
     * that follows the results on the same thread (the fan-out's timers). The single-node form never calls this.
     */
    default void idle(final long nowNanos)
    {
    }

    /**
     * Cluster form: the state kept beside the engine from the commands applied (key registries, exchange credentials,
     * webhooks, executor tables), as named roots a snapshot carries with the engine's state: a member started from a
     * snapshot has what a member that applied the whole log has. Each root is an object kept for good (a map, a table),
     * filled in place on load; called on the thread that calls {@link #onResult} (or before it starts).
     */
    default java.util.Map<String, Object> stateBesideEngine()
    {
        return java.util.Map.of();
    }

    /** Writes out what the results so far left buffered, when the caller has no batch end to pass to {@link #onResult}. */
    default void flush()
    {
    }
}
