package io.ordergate.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;

import io.ordergate.engine.command.CommandEvent;

/**
 * Reads the ring behind the reply stage, from a thread of its own that polls (the gateway's fan-out to streams,
 * outbound webhooks and logs), so no stage ever waits for it or wakes it. It gates the ring: a slot is reused only
 * after {@link #release}, so the follower sees every command, in ring order, with the engine's result and change set
 * still in the slot. A follower that stops releasing fills the ring after {@code ring_size} commands (publishers
 * then get 503 OVERLOADED): it must do bounded work per event and never block.
 *
 * <pre>
 *   publishers ─► ring ─► 1 journal ─► 2 engine ─► 3 reply ─► (follower polls up to here, reads, releases)
 * </pre>
 *
 * <b>Not thread safe</b>: one polling thread; {@link #available} may be read from any.
 */
public final class RingFollower
{
    private final RingBuffer<CommandEvent> ring;
    private final SequenceBarrier afterReplies;
    private final Sequence released;

    RingFollower(final RingBuffer<CommandEvent> ring, final SequenceBarrier afterReplies)
    {
        this.ring = ring;
        this.afterReplies = afterReplies;
        this.released = new Sequence(ring.getCursor());
        ring.addGatingSequences(released);
    }

    /** The highest sequence the reply stage is done with: every slot up to it may be read. */
    public long available()
    {
        return afterReplies.getCursor();
    }

    /** The next sequence this follower has not released. */
    public long next()
    {
        return released.get() + 1;
    }

    public CommandEvent event(final long sequence)
    {
        return ring.get(sequence);
    }

    /**
     * Done with every slot up to {@code sequence}: publishers may reuse them. The follower drops each slot's
     * {@code replyTo} and {@code attachment} first (the reply stage leaves them for it).
     */
    public void release(final long sequence)
    {
        released.set(sequence);
    }

    /** Stops gating the ring (the follower is gone): the ring never waits for it again. */
    public void detach()
    {
        ring.removeGatingSequence(released);
    }
}
