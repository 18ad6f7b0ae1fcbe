package io.ordergate.cluster;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import io.ordergate.engine.command.CommandEvent;

/**
 * What the ingress (og-ingress) and the clustered service (the engine's thread) share about this node's ring.
 *
 * <pre>
 *   publishers ─► ring ─► og-ingress: offers each command's frame to the cluster   ── ingressed ──►
 *                   ▲           (or passes it by: skipped, or refused for want of a leader)
 *                   │
 *   released ◄── service thread: applies the committed frame in log order into the same ring slot, answers it
 * </pre>
 *
 * The ring's producers are gated on {@link #released}, so a slot is reused only once its command was answered.
 * Commands this node offered reach the service in ring order (one client session, one ordered publication), so
 * {@code released} advances in ring order; a slot the ingress passed by is answered by the service when its turn
 * comes, or earlier, while an offered command before it still waits for the log (no majority): it was never offered,
 * so its answer is final and its client need not wait with the offered one; its slot is still released in turn.
 * Thread safety: each field has one writer, named; the readers see it through the volatile sequences.
 */
final class RingLink
{
    /** No session: the ingress has not connected yet. */
    static final long NO_SESSION = Long.MIN_VALUE;
    private static final int MAX_SESSIONS = 8;

    final RingBuffer<CommandEvent> ring;
    /** Written by og-ingress: the last sequence it offered or passed by. */
    final Sequence ingressed = new Sequence(-1);
    /** Written by the service thread: the last sequence answered (the ring's producers wait on it). */
    final Sequence released = new Sequence(-1);
    /** Written by og-ingress before {@link #ingressed}: {@code offered[s & mask] == s} when s went to the cluster. */
    private final long[] offered;
    /** Written by og-ingress with {@link #offered}: when s was first offered ({@code System.nanoTime}), for its commit time limit. */
    private final long[] offeredAtNanos;
    /**
     * Service thread only: {@code answeredEarly[s & mask] == s} when s (passed by, never offered) was answered while an
     * earlier offered command still waited for the log, so the release that later passes s does not answer it again.
     */
    private final long[] answeredEarly;
    private final int mask;
    /** Written by og-ingress (rarely: at each connect): this node's client sessions, current and earlier ones. */
    private volatile long[] sessions = new long[0];

    RingLink(final RingBuffer<CommandEvent> ring)
    {
        this.ring = ring;
        this.offered = new long[ring.getBufferSize()];
        this.offeredAtNanos = new long[ring.getBufferSize()];
        this.answeredEarly = new long[ring.getBufferSize()];
        this.mask = ring.getBufferSize() - 1;
        java.util.Arrays.fill(offered, -1);
        java.util.Arrays.fill(answeredEarly, -1);
    }

    /** The last sequence published without a gap from {@code next} on (next - 1 when {@code next} is not yet). */
    long published(final long next)
    {
        final long cursor = ring.getCursor();
        long sequence = next;
        while (sequence <= cursor && ring.isAvailable(sequence))
        {
            sequence++;
        }
        return sequence - 1;
    }

    /** og-ingress: {@code sequence} was offered to the cluster at {@code nowNanos}. Call before advancing {@link #ingressed}. */
    void markOffered(final long sequence, final long nowNanos)
    {
        offeredAtNanos[(int)(sequence & mask)] = nowNanos;
        offered[(int)(sequence & mask)] = sequence;
    }

    /** Service thread, for a sequence {@link #wasOffered}: when it was first offered (an offer again after a change of leader keeps it). */
    long offeredAtNanos(final long sequence)
    {
        return offeredAtNanos[(int)(sequence & mask)];
    }

    /** Service thread, for a sequence at or below {@link #ingressed}: whether it went to the cluster. */
    boolean wasOffered(final long sequence)
    {
        return offered[(int)(sequence & mask)] == sequence;
    }

    /** Service thread: {@code sequence}, not yet released, was answered ahead of its turn. */
    void markAnsweredEarly(final long sequence)
    {
        answeredEarly[(int)(sequence & mask)] = sequence;
    }

    /** Service thread: whether {@code sequence} was answered ahead of its turn (its release must not answer it again). */
    boolean wasAnsweredEarly(final long sequence)
    {
        return answeredEarly[(int)(sequence & mask)] == sequence;
    }

    /** og-ingress: a session of this node's client; kept so that what it offered is still known as ours. */
    void addSession(final long sessionId)
    {
        final long[] current = sessions;
        final int keep = Math.min(current.length, MAX_SESSIONS - 1);
        final long[] next = new long[keep + 1];
        System.arraycopy(current, current.length - keep, next, 0, keep);
        next[keep] = sessionId;
        sessions = next;
    }

    /** Service thread: whether a log message came from this node's client (so a ring slot here waits for it). */
    boolean isLocal(final long sessionId)
    {
        final long[] current = sessions;
        for (int i = current.length - 1; i >= 0; i--)
        {
            if (current[i] == sessionId)
            {
                return true;
            }
        }
        return false;
    }
}
