package io.ordergate.cluster;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
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
 * (sends to venues) only while this node leads a finished election ({@link #isLeader}). When and how this node's own clients are answered (at once when
 * refused, 503 with an unknown outcome when not committed in time) is {@link RingAnswers}'.
 *
 * <p>A client that lost its leader offers again what it has not seen applied; a frame whose correlation id is not
 * above the last one applied for its session is that resend of a command already applied, and is passed by
 * ({@link #lastApplied}: replicated state, kept in the snapshot). A new leader's resume ({@code RECOVER_ROUTED},
 * {@code EXCHANGE_RECOVER}) is applied once per leadership term of the log; a second copy is passed by ({@link ResumeTerms}).
 *
 * <p><b>Not thread safe</b>: every callback runs on the clustered service's thread.
 */
public final class EngineService implements ClusteredService
{
    private static final Logger LOG = Logger.getLogger(EngineService.class.getName());

    private final Engine engine;
    private final ResultHandler replies;
    private final Leadership leadership;
    /** Whether this member's consensus module is the leader of a finished election (read from its counters). */
    private final BooleanSupplier electionWon;
    private final RingAnswers answers;
    private final EngineSnapshots snapshots;
    private final CommandEvent scratch = new CommandEvent();
    /** Per client session: the correlation id of the last command applied. */
    private final Long2LongHashMap lastApplied = new Long2LongHashMap(Long.MIN_VALUE);
    /** The log's leadership term and the terms whose resume was applied: replicated state, kept in the snapshot. */
    private final ResumeTerms resumeTerms = new ResumeTerms();
    private volatile RingLink link;
    private volatile long lastOpenedSession = RingLink.NO_SESSION;
    /** Aeron's role for this member as the service last heard it ({@link #onRoleChange}); service thread only. */
    private boolean elected;
    /** Whether this member acts as the leader: {@link #elected} and its election finished ({@link #isLeader}). */
    private volatile boolean leader;
    private volatile long appliedMessages;
    private volatile boolean loadedSnapshot;
    private boolean unflushed;
    private Cluster cluster;

    /** Told when this node starts or stops leading; called on the service thread, must not block. */
    @FunctionalInterface
    public interface Leadership
    {
        void leading(boolean leading);
    }

    /**
     * {@code commitTimeoutMillis}: how long a command this node offered may wait for the log before its client hears 503;
     * {@code electionWon}: whether this member's consensus module leads a finished election (any thread, no allocation).
     */
    public EngineService(final Engine engine, final ResultHandler replies, final Leadership leadership, final long commitTimeoutMillis,
        final BooleanSupplier electionWon)
    {
        this.engine = engine;
        this.replies = replies;
        this.leadership = leadership;
        this.electionWon = electionWon;
        this.answers = new RingAnswers(replies, commitTimeoutMillis);
        this.snapshots = new EngineSnapshots(engine, lastApplied, resumeTerms, replies::stateBesideEngine);
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

    /**
     * Any thread: whether this node acts as the cluster's leader now: Aeron made it the leader and its election is over
     * (so it takes commands). Aeron tells the service "leader" as the election starts its leader phases, and a member
     * elected with the vote of a follower that then stops waits in the election for good (Aeron 1.51's LEADER_READY),
     * "leader" all along, taking no command; a leader that lost its followers also starts an election before it says
     * "follower". Meanwhile another member may be elected and lead: so the venue side effects (exchange links, webhooks,
     * the resume after a change of leader) and {@code /health}'s role follow this, not Aeron's role alone.
     */
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
        final CommandEvent event = ring.ring.get(sequence);
        if (sequence <= ring.released.get() || event.correlationId() != sequence)
        {
            // Its slot was released (answered, and maybe reused) when a later command of this node's was applied first,
            // which a session's order in the log rules out. Committed all the same: every member applies it in log order,
            // so this one does too, as another member's command, its slot and its client left alone (they were answered).
            LOG.severe(() -> "the log holds ring sequence " + sequence + " of this node after its slot was released: applied with no one waiting");
            applyRemote(buffer, offset, length, logPosition);
            return;
        }
        answers.releaseBefore(ring, sequence);
        event.frame.putBytes(0, buffer, offset, length);  // the committed bytes, exactly as every other node applies them
        event.journalIndex = logPosition;
        event.journaledNanos = System.nanoTime();
        apply(event);
        event.engineDoneNanos = System.nanoTime();  // the stage wrapper reads the clock, never the engine
        answers.applied(ring, event, sequence);
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
        if (resumeTerms.resumedAlready(event.type.code()))
        {
            // This term's resume was applied already: a second copy would change what the first left (ResumeTerms).
            event.clearResult();
            event.result = ResultCode.OK;
            return;
        }
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

    @Override
    public int doBackgroundWork(final long nowNs)
    {
        int work = followElection();
        final RingLink ring = link;
        if (ring != null)
        {
            work += answers.answerPassedBy(ring);
            work += answers.answerUncommitted(ring, nowNs);
        }
        final boolean answered = answers.takeUnflushed();
        if (unflushed || answered)
        {
            unflushed = false;
            replies.flush();
            work++;
        }
        replies.idle(nowNs);
        return work;
    }

    @Override
    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    @Override
    public void onNewLeadershipTermEvent(final long leadershipTermId, final long logPosition, final long timestamp,
        final long termBaseLogPosition, final int leaderMemberId, final int logSessionId, final TimeUnit timeUnit, final int appVersion)
    {
        resumeTerms.termBegins(leadershipTermId);  // from the log, so the same on every member and in every replay
    }

    @Override
    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        snapshots.take(snapshotPublication, cluster.idleStrategy());
    }

    @Override
    public void onRoleChange(final Cluster.Role newRole)
    {
        elected = newRole == Cluster.Role.LEADER;
        followElection();
    }

    /** Starts or stops acting as the leader as {@link #isLeader} changes; each duty cycle reads the consensus module's counters. */
    private int followElection()
    {
        final boolean leading = elected && electionWon.getAsBoolean();
        if (leading == leader)
        {
            return 0;
        }
        leader = leading;
        replies.leading(leading);
        leadership.leading(leading);
        return 1;
    }

    @Override
    public void onTerminate(final Cluster cluster)
    {
        replies.flush();
    }
}
