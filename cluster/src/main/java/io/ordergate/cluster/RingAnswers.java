package io.ordergate.cluster;

import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * Who hears what, and when, of this node's own commands: answers the ring slots ({@link RingLink}) through the reply
 * stage and releases them in ring order. A command the log applies is answered then ({@link #applied}); a command the
 * ingress passed by (skipped, or refused for want of a leader) is answered at once, even while an offered one before
 * it waits ({@link #answerPassedBy}); an offered one the log has not brought back in time is answered 503 with an
 * unknown outcome and still applied, with no one waiting, should the log bring it later ({@link #answerUncommitted}).
 * Every command is handed to the reply stage as its ring sequence once, and once more (as {@code -1}, no one waiting)
 * only if it is applied after that answer.
 *
 * <p><b>Not thread safe</b>: owned by the clustered service's thread ({@link EngineService}).
 */
final class RingAnswers
{
    /** The answer to a command offered and not committed in time: 503, and what its client may and may not assume. */
    static final String UNKNOWN_OUTCOME = "the cluster did not commit the command within cluster.commit_timeout_millis (no majority, or "
        + "a change of leader); its outcome is unknown: it may still be applied, once, when a majority is back. Look it up, or send "
        + "it again with the same client_order_id, before placing it anew";
    /**
     * The answer to a read offered and not committed in time. A read travels the log so that it sees every command committed
     * before it; uncommitted, it read nothing and changed nothing, so its client may simply ask again.
     */
    static final String READ_NOT_COMMITTED = "the cluster did not commit the read within cluster.commit_timeout_millis (no majority: this "
        + "member may be cut off from the others, or the leader changed); nothing was read and nothing changed: ask again, or ask another member";
    private static final Logger LOG = Logger.getLogger(RingAnswers.class.getName());

    private final ResultHandler replies;
    private final long commitTimeoutNanos;
    /** The last ring sequence {@link #answerPassedBy} looked at for an early answer (each is looked at once). */
    private long earlyScanned = -1;
    /** The last ring sequence {@link #answerUncommitted} is done with (answered for want of a commit, or passed by). */
    private long commitScanned = -1;
    private boolean unflushed;

    RingAnswers(final ResultHandler replies, final long commitTimeoutMillis)
    {
        this.replies = replies;
        this.commitTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(commitTimeoutMillis);
    }

    /** Whether the reply stage was handed anything since the last call (then it is to be flushed). */
    boolean takeUnflushed()
    {
        final boolean was = unflushed;
        unflushed = false;
        return was;
    }

    /**
     * {@code event}, this node's command at {@code sequence}, was applied: its client is answered, or, when it was
     * answered already (503, not committed in time), the reply stage sees it as it sees another member's command, with
     * no one waiting (its {@code replyTo} was cleared then): every member applied it, so every member's state beside
     * the engine and streams follow it.
     */
    void applied(final RingLink ring, final CommandEvent event, final long sequence)
    {
        if (!ring.wasAnsweredEarly(sequence))
        {
            answer(ring, event, sequence);
            return;
        }
        try
        {
            replies.onResult(event, -1, false);
            unflushed = true;
        }
        catch (final RuntimeException ex)
        {
            LOG.log(Level.SEVERE, "the reply stage failed on a command committed after its client was answered", ex);
        }
        finally
        {
            ring.released.set(sequence);
        }
    }

    /**
     * Answers, in ring order, every slot before {@code sequence} still waiting: the ones the ingress passed by without
     * offering (skipped, or refused for want of a leader) and not yet answered early, and, should one be there, one it
     * offered that never reached the log (a later command of this node's is in the log, so it never will).
     */
    void releaseBefore(final RingLink ring, final long sequence)
    {
        for (long next = ring.released.get() + 1; next < sequence; next++)
        {
            if (ring.wasAnsweredEarly(next))
            {
                ring.released.set(next);  // answered while an earlier command waited: only its slot was held
                continue;
            }
            final CommandEvent event = ring.ring.get(next);
            if (ring.wasOffered(next))
            {
                LOG.warning("a command of this node never reached the cluster's log; its client hears 503");
                event.reject(ResultCode.NOT_READY, "the cluster lost the command while its leader changed; retry", null);
            }
            answer(ring, event, next);
        }
    }

    private void answer(final RingLink ring, final CommandEvent event, final long sequence)
    {
        try
        {
            reply(event, sequence);
        }
        finally
        {
            ring.released.set(sequence);
        }
    }

    /** Hands the event to the reply stage; the slot is released by the caller (now, or when its turn comes). */
    private void reply(final CommandEvent event, final long sequence)
    {
        try
        {
            replies.onResult(event, sequence, false);
            unflushed = true;
        }
        catch (final RuntimeException ex)
        {
            LOG.log(Level.SEVERE, "the reply stage failed", ex);
        }
        finally
        {
            event.replyTo = null;
            event.attachment = null;
        }
    }

    /**
     * Answers the slots the ingress passed by without offering (skipped, or refused for want of a leader): in turn up
     * to the first offered one still waiting for the log, then those after it at once, out of ring order. Without a
     * majority that offered command waits for good (its fate is unknown: its client hears so only after the commit
     * timeout, {@link #answerUncommitted}), while the ingress goes on refusing later ones; held behind it, their clients
     * would not hear their 503 before it. An early answer is final
     * (never offered, never applied); its slot is released only when {@code released} reaches it, as slots are reused
     * in ring order, and is marked so that it is not answered twice. Safe for the clients: an HTTP connection has at
     * most one command in the ring, so an answer cannot overtake another of the same connection.
     */
    int answerPassedBy(final RingLink ring)
    {
        final long before = ring.released.get();
        long next = before + 1;
        final long end = ring.ingressed.get();
        while (next <= end && !ring.wasOffered(next))
        {
            if (ring.wasAnsweredEarly(next))
            {
                ring.released.set(next);
            }
            else
            {
                answer(ring, ring.ring.get(next), next);
            }
            next++;
        }
        int work = (int)(next - before - 1);
        for (long later = Math.max(next + 1, earlyScanned + 1); later <= end; later++)
        {
            if (!ring.wasOffered(later))
            {
                reply(ring.ring.get(later), later);
                ring.markAnsweredEarly(later);
                work++;
            }
        }
        earlyScanned = Math.max(earlyScanned, end);
        return work;
    }

    /**
     * Answers 503 ({@link #UNKNOWN_OUTCOME}; a read {@link #READ_NOT_COMMITTED}) every command this node offered that the log has not brought back within
     * {@code cluster.commit_timeout_millis} of its first offer: without a majority it could wait for good. It is not
     * refused: it may still be committed (the old leader's log once a majority is back, or an offer again to a new
     * leader), so its slot stays held until the log applies it (then with no one waiting, {@link #applied}) or a later
     * command of this node's is applied ({@link #releaseBefore}), and it is marked answered early so that neither answers
     * it twice. Offers are made in ring order and keep their first time, so the scan stops at the first one still in time.
     * {@code nowNs} is the service's duty-cycle time (System.nanoTime, as the ingress's); no clock is read here.
     */
    int answerUncommitted(final RingLink ring, final long nowNs)
    {
        int work = 0;
        final long end = ring.ingressed.get();
        long next = Math.max(ring.released.get(), commitScanned) + 1;
        while (next <= end)
        {
            if (ring.wasOffered(next) && !ring.wasAnsweredEarly(next))
            {
                if (nowNs - ring.offeredAtNanos(next) < commitTimeoutNanos)
                {
                    break;
                }
                final CommandEvent event = ring.ring.get(next);
                event.reject(ResultCode.NOT_READY, event.type.journaled() ? UNKNOWN_OUTCOME : READ_NOT_COMMITTED, null);
                reply(event, next);
                ring.markAnsweredEarly(next);
                work++;
            }
            next++;
        }
        commitScanned = next - 1;
        return work;
    }
}
