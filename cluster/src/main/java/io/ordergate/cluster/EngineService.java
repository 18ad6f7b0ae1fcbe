package io.ordergate.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * The engine as an Aeron Cluster service: each committed message of the cluster's log is one command frame, the
 * same bytes the single-node journal holds, applied in log order on this thread (the engine thread of the cluster
 * form). Every node applies every state-changing command, so every node reaches the same state and the same ids.
 *
 * <p>A command this node's gateway offered is applied into the ring slot it waits in (its correlation id is its ring
 * sequence), then answered here; other nodes' commands are applied into a scratch event and shown to the reply
 * stage with no one waiting; reads (not journaled) are applied only by the node that asked. The reply stage leads
 * (sends to venues) only while this node is the leader.
 *
 * <p>A client that lost its leader offers again what it has not seen applied; a frame whose correlation id is not
 * above the last one applied for its session is that resend of a command already applied, and is passed by
 * ({@link #lastApplied}: replicated state, kept in the snapshot).
 *
 * <p><b>Not thread safe</b>: every callback runs on the clustered service's thread.
 */
public final class EngineService implements ClusteredService
{
    private static final Logger LOG = Logger.getLogger(EngineService.class.getName());

    private final Engine engine;
    private final ResultHandler replies;
    private final Leadership leadership;
    private final EngineSnapshots snapshots;
    private final CommandEvent scratch = new CommandEvent();
    /** Per client session: the correlation id of the last command applied. */
    private final Long2LongHashMap lastApplied = new Long2LongHashMap(Long.MIN_VALUE);
    private volatile RingLink link;
    private volatile long lastOpenedSession = RingLink.NO_SESSION;
    private volatile boolean leader;
    private volatile long appliedMessages;
    private volatile boolean loadedSnapshot;
    private boolean unflushed;
    /** The last ring sequence {@link #answerPassedBy} looked at for an early answer (each is looked at once). */
    private long earlyScanned = -1;
    private Cluster cluster;

    /** Told when this node starts or stops leading; called on the service thread, must not block. */
    @FunctionalInterface
    public interface Leadership
    {
        void leading(boolean leading);
    }

    public EngineService(final Engine engine, final ResultHandler replies, final Leadership leadership)
    {
        this.engine = engine;
        this.replies = replies;
        this.leadership = leadership;
        this.snapshots = new EngineSnapshots(engine, lastApplied, replies::stateBesideEngine);
    }

    /** The ring of this node's gateway, once its pipeline is built (before its ingress connects). */
    void link(final RingLink ring)
    {
        this.link = ring;
    }

    /** Any thread: the highest client session the log has opened so far. */
    long lastOpenedSession()
    {
        return lastOpenedSession;
    }

    /** Any thread: whether this node is the cluster's leader now. */
    public boolean isLeader()
    {
        return leader;
    }

    /** Any thread: log messages applied since start (commands and reads, snapshot not counted). */
    public long appliedMessages()
    {
        return appliedMessages;
    }

    /** Any thread: whether this start began from a snapshot (then only the log after it was replayed). */
    public boolean loadedSnapshot()
    {
        return loadedSnapshot;
    }

    @Override
    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        replies.leading(false);  // until an election makes this node the leader: replay sends nothing
        if (snapshotImage != null)
        {
            snapshots.load(snapshotImage, cluster.idleStrategy());
            loadedSnapshot = true;
        }
    }

    @Override
    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
        if (session.id() > lastOpenedSession)
        {
            lastOpenedSession = session.id();
        }
    }

    @Override
    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
        lastApplied.remove(session.id());
    }

    @Override
    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        if (length < CommandFrame.HEADER_LENGTH)
        {
            return;
        }
        final long sessionId = session == null ? RingLink.NO_SESSION : session.id();
        final long correlationId = buffer.getLong(offset + CommandFrame.CORRELATION_ID_OFFSET);
        if (session != null)
        {
            if (correlationId <= lastApplied.get(sessionId))
            {
                return;  // a resend after a change of leader of a command the log already holds
            }
            lastApplied.put(sessionId, correlationId);
        }
        appliedMessages++;
        final RingLink ring = link;
        if (ring != null && ring.isLocal(sessionId))
        {
            applyLocal(ring, correlationId, buffer, offset, length, header.position());
        }
        else
        {
            applyRemote(buffer, offset, length, header.position());
        }
    }

    private void applyLocal(final RingLink ring, final long sequence, final DirectBuffer buffer, final int offset, final int length,
        final long logPosition)
    {
        releaseBefore(ring, sequence);
        final CommandEvent event = ring.ring.get(sequence);
        if (event.correlationId() != sequence)
        {
            LOG.severe(() -> "the log holds ring sequence " + sequence + " of this node, whose slot holds another command: not applied");
            return;
        }
        event.frame.putBytes(0, buffer, offset, length);  // the committed bytes, exactly as every other node applies them
        event.journalIndex = logPosition;
        event.journaledNanos = System.nanoTime();
        apply(event);
        event.engineDoneNanos = System.nanoTime();  // the stage wrapper reads the clock, never the engine
        answer(ring, event, sequence);
    }

    private void applyRemote(final DirectBuffer buffer, final int offset, final int length, final long logPosition)
    {
        final CommandType type = CommandType.fromCode(buffer.getInt(offset + CommandFrame.TYPE_OFFSET));
        if (type == null || !type.journaled())
        {
            return;  // another node's read, or a type this build does not know (it changes nothing)
        }
        scratch.reset(type);
        scratch.frame.putBytes(0, buffer, offset, length);
        scratch.journalIndex = logPosition;
        apply(scratch);
        try
        {
            replies.onResult(scratch, -1, false);
            unflushed = true;
        }
        catch (final RuntimeException ex)
        {
            LOG.log(Level.SEVERE, "the reply stage failed on a command of another node", ex);
        }
    }

    private void apply(final CommandEvent event)
    {
        try
        {
            engine.apply(event);
        }
        catch (final RuntimeException ex)
        {
            // As in the single-node stages: the command goes on without a result, so whoever waits hears 500.
            LOG.log(Level.SEVERE, "the engine failed on a " + event.type + " command", ex);
            event.clearResult();
        }
    }

    /**
     * Answers, in ring order, every slot before {@code sequence} still waiting: the ones the ingress passed by without
     * offering (skipped, or refused for want of a leader) and not yet answered early, and, should one be there, one it
     * offered that never reached the log (a later command of this node's is in the log, so it never will).
     */
    private void releaseBefore(final RingLink ring, final long sequence)
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

    @Override
    public int doBackgroundWork(final long nowNs)
    {
        int work = 0;
        final RingLink ring = link;
        if (ring != null)
        {
            work += answerPassedBy(ring);
        }
        if (unflushed)
        {
            unflushed = false;
            replies.flush();
            work++;
        }
        replies.idle(nowNs);
        return work;
    }

    /**
     * Answers the slots the ingress passed by without offering (skipped, or refused for want of a leader): in turn up
     * to the first offered one still waiting for the log, then those after it at once, out of ring order. Without a
     * majority that offered command may wait for good (its fate is unknown, so it is not answered), while the ingress
     * goes on refusing later ones; held behind it, their clients would never hear their 503. An early answer is final
     * (never offered, never applied); its slot is released only when {@code released} reaches it, as slots are reused
     * in ring order, and is marked so that it is not answered twice. Safe for the clients: an HTTP connection has at
     * most one command in the ring, so an answer cannot overtake another of the same connection.
     */
    private int answerPassedBy(final RingLink ring)
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

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        snapshots.take(snapshotPublication, cluster.idleStrategy());
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        final boolean leading = newRole == Cluster.Role.LEADER;
        if (leading != leader)
        {
            leader = leading;
            replies.leading(leading);
            leadership.leading(leading);
        }
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        replies.flush();
    }
}
