package io.ordergate.engine.pipeline;

import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.dsl.Disruptor;

import io.ordergate.engine.command.CommandEvent;

/**
 * Where the publisher's commands go to be made durable and applied: the one seam between the ring and "the log".
 * <ul>
 *   <li>{@link JournalLog}, the embedded single-node form: og-journal appends each frame to the Chronicle Queue
 *       journal, then og-engine applies it, then og-reply answers (or all three in turn on og-pipeline);</li>
 *   <li>the cluster's (module {@code cluster}): each frame is offered to the Aeron Cluster's ingress, and the engine
 *       applies it on the clustered service's thread once a majority has it, in the cluster log's order.</li>
 * </ul>
 * Either way the publisher ({@code CommandPublisher} through {@link Pipeline#tryPublish}) and the reply stage
 * ({@link ResultHandler}) are the same, and nobody hears "accepted" before the command is durable.
 */
public interface CommandLog extends AutoCloseable
{
    /** The names of the threads the Disruptor starts for this log's consumers, in the order it starts them. */
    String[] threadNames(RingStages stages);

    /**
     * Subscribes this log's consumers to the ring (handlers, or its own gating sequences); once, before the ring
     * starts. Every published sequence must reach {@link RingStages#replies()} exactly once.
     *
     * @return a barrier on the slots the reply stage is done with (a {@link RingFollower} reads behind it)
     */
    SequenceBarrier attach(Disruptor<CommandEvent> disruptor, RingStages stages);

    /** After the ring started: begin taking commands. */
    default void start()
    {
    }

    /** After the ring's own consumers stopped: stop this log's threads. */
    @Override
    default void close()
    {
    }
}
