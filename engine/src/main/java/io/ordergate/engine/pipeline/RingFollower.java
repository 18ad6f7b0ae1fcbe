package io.ordergate.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;

import io.ordergate.engine.command.CommandEvent;

/**
 * Reads the ring behind the reply stage, from a thread of its own that polls (the gateway's fan-out to streams,
 * outbound webhooks and logs), so no stage ever waits for it, and none wakes it while commands come. Once the ring
 * has been quiet a while the thread {@link #sleep}s instead, and the reply stage wakes it for the next batch
 * ({@link FollowerBell}). It gates the ring: a slot is reused only
 * after {@link #release}, so the follower sees every command, in ring order, with the engine's result and change set
 * still in the slot. A follower that stops releasing fills the ring after {@code ring_size} commands (publishers
 * then get 503 OVERLOADED): it must do bounded work per event and never block.
 *
 * <pre>
 *   publishers ─► ring ─► 1 journal ─► 2 engine ─► 3 reply ─► (follower polls up to here, reads, releases)
 * </pre>
 *
 * <b>Not thread safe</b>: one polling thread; {@link #available} may be read and {@link #wake} called from any, and
 * {@link #wakeAfterThisBatch} is the reply stage's.
 */
public final class RingFollower
{
    private final RingBuffer<CommandEvent> ring;
    private final SequenceBarrier afterReplies;
    private final Sequence released;
    private final FollowerBell bell;

    RingFollower(final RingBuffer<CommandEvent> ring, final SequenceBarrier afterReplies, final FollowerBell bell)
    {
        this.ring = ring;
        this.afterReplies = afterReplies;
        this.bell = bell;
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
     * Done with every slot up to {@code sequence}: publishers may reuse them. The caller must first drop each slot's
     * {@code replyTo} and {@code attachment} (the reply stage leaves them for the follower).
     */
    public void release(final long sequence)
    {
        released.set(sequence);
    }

    /**
     * Parks the polling thread for at most {@code maxNanos}, or until the reply stage finishes a batch or someone
     * {@link #wake}s it; returns at once if there is something to read, or a wake came since the last sleep. For a
     * ring that has been quiet a while: each batch after it costs the reply stage an unpark.
     */
    public void sleep(final long maxNanos)
    {
        bell.sleep(this, maxNanos);
    }

    /**
     * Parks the polling thread between two polls for at most {@code maxNanos}; returns at once if there is something
     * to read. No batch ends it but one that answered a read the thread waits for ({@link #wakeAfterThisBatch}): under
     * load the reply stage pays no wake-up for the follower.
     */
    public void pause(final long maxNanos)
    {
        bell.pause(this, maxNanos);
    }

    /**
     * Reply stage's thread, while it answers a read the polling thread waits for (its answer is wanted at once, not at
     * the next poll): wakes the thread, from a pause or a sleep, once the reply stage has published the batch.
     */
    public void wakeAfterThisBatch()
    {
        bell.ringAfterThisBatch();
    }

    /** Wakes the polling thread if it sleeps, or makes its next sleep return at once (work queued for it). Any thread. */
    public void wake()
    {
        bell.ring();
    }

    /** Stops gating the ring (the follower is gone): the ring never waits for it again. */
    public void detach()
    {
        ring.removeGatingSequence(released);
    }
}
