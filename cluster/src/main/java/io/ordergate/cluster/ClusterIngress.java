package io.ordergate.cluster;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.Agent;

import io.aeron.cluster.client.EgressListener;
import io.aeron.cluster.codecs.EventCode;
import io.aeron.logbuffer.Header;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;

/**
 * og-ingress: this node's gateway as a client of the cluster. Takes each published command from the ring in order
 * and offers its frame to the leader's ingress; the answer comes later from the engine, on the service thread, once
 * the command is committed (a majority has it) and applied.
 *
 * <p>When the leader changes, whatever this node offered and has not yet seen applied may be lost (the old leader
 * never appended it) or may still arrive (it did): all of it is offered again, in order, before anything new, and
 * the service passes by the copies of what was already applied. When the session itself is lost (no new leader in
 * time), a new session waits until the service has applied the log up to its opening, so every command of the old
 * session that the log holds has been applied, and then offers again only what was not.
 *
 * <p>A command that no leader takes within {@code cluster.offer_timeout_millis} is refused (503): it was never
 * offered; so is one published while an offer again to a new leader is blocked (it waits behind that resend). A
 * command offered and not yet applied is never refused here: it may be committed. Its client hears 503 with an
 * unknown outcome after {@code cluster.commit_timeout_millis} (from the service thread, {@link EngineService}), and
 * it is still offered again after a change of leader: it may be committed either way, and is then applied once.
 *
 * <p><b>Not thread safe</b>: owned by the og-ingress thread.
 */
final class ClusterIngress implements Agent, EgressListener
{
    private static final Logger LOG = Logger.getLogger(ClusterIngress.class.getName());
    private static final long KEEP_ALIVE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final RingLink link;
    private final EngineService service;
    private final LeaderSession.Connector clients;
    private final long offerTimeoutNanos;
    private final ExpandableArrayBuffer resendCopy = new ExpandableArrayBuffer(512);
    private LeaderSession client;
    private LeaderSession.Connecting connecting;
    private long next;
    private long lastOffered = -1;
    /** At or above zero: offer again from here up to {@link #lastOffered} before anything new. */
    private long resendNext = -1;
    /** Whether a session was lost, so the next one must wait for the log to open it before offering again. */
    private boolean sessionLost;
    private boolean awaitingOpen;
    private long blockedSinceNanos;
    private long lastSentNanos;
    /** Whether this node has a session with a leader: written here, read by any thread ({@link #hasSession}). */
    private volatile boolean hasSession;

    ClusterIngress(final RingLink link, final EngineService service, final LeaderSession.Connector clients, final long offerTimeoutMillis)
    {
        this.link = link;
        this.service = service;
        this.clients = clients;
        this.offerTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(offerTimeoutMillis);
    }

    /**
     * Any thread: whether this node's client has a session with a leader. A command published while it has none is
     * refused after the offer timeout; one published before it noticed a loss of its leader is offered to that leader
     * (and waits: it may have been taken).
     */
    boolean hasSession()
    {
        return hasSession;
    }

    @Override
    public String roleName()
    {
        return "og-ingress";
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (client == null || client.isClosed())
        {
            hasSession = false;
            return connect(now);
        }
        int work = client.pollEgress();
        if (client.isClosed())
        {
            return work;
        }
        if (awaitingOpen)
        {
            if (service.lastOpenedSession() < client.clusterSessionId())
            {
                return work + refuseWaiting(now);
            }
            awaitingOpen = false;
            resendFrom(link.released.get() + 1);
        }
        if (resendNext >= 0)
        {
            work += resend(now);
            if (resendNext >= 0)
            {
                // The new leader takes nothing yet (not connected, an election, back pressure), maybe for good while the
                // session stays open: what was published since was never offered, so it is refused after the offer
                // timeout as when no leader answers, rather than wait unanswered behind the resend.
                return work + refuseWaiting(now);
            }
        }
        work += offerNew(now);
        if (now - lastSentNanos > KEEP_ALIVE_NANOS && client.sendKeepAlive())
        {
            lastSentNanos = now;
        }
        return work;
    }

    private int connect(final long now)
    {
        if (client != null)
        {
            LOG.warning("the cluster closed this node's client session; connecting a new one");
            client.close();
            client = null;
            sessionLost = true;
        }
        if (connecting == null)
        {
            connecting = clients.connect(this);
        }
        try
        {
            final LeaderSession connected = connecting.poll();
            if (connected != null)
            {
                connecting = null;
                client = connected;
                hasSession = true;
                link.addSession(connected.clusterSessionId());
                awaitingOpen = sessionLost;
                sessionLost = false;
                lastSentNanos = now;
                // A new episode: the wait that counted toward refusing ended with the connect. Left at its old
                // start, the next transient offer failure (back pressure) would refuse every waiting command at once.
                blockedSinceNanos = 0;
                return 1;
            }
        }
        catch (final RuntimeException ex)
        {
            // No leader answered in time (an election, a majority down): try again, refusing what waits too long.
            connecting.close();
            connecting = null;
        }
        return refuseWaiting(now);
    }

    private void resendFrom(final long sequence)
    {
        if (sequence <= lastOffered)
        {
            resendNext = sequence;
        }
    }

    /** Offers again, in order, what this node offered and has not seen applied. */
    private int resend(final long now)
    {
        int work = 0;
        while (resendNext >= 0 && resendNext <= lastOffered)
        {
            final long sequence = resendNext;
            if (!link.wasOffered(sequence) || link.released.get() >= sequence)
            {
                resendNext++;
                continue;
            }
            final CommandEvent event = link.ring.get(sequence);
            final int length = event.frameLength();
            resendCopy.putBytes(0, event.frame, 0, length);
            // The slot is reused only after its release: checked after the copy, the copy is this command's.
            if (link.released.get() >= sequence || resendCopy.getLong(CommandFrame.CORRELATION_ID_OFFSET) != sequence)
            {
                resendNext++;
                continue;
            }
            if (offer(resendCopy, length, now) <= 0)
            {
                return work;
            }
            resendNext++;
            work++;
        }
        resendNext = -1;
        return work;
    }

    /** Offers, in ring order, every command published since the last call. */
    private int offerNew(final long now)
    {
        int work = 0;
        final long available = link.published(next);
        while (next <= available)
        {
            final CommandEvent event = link.ring.get(next);
            if (event.type == null || event.result != null)
            {
                pass(next);  // skipped by its publisher: the service answers it in turn
                work++;
                continue;
            }
            final long result;
            try
            {
                result = offer(event.frame, event.frameLength(), now);
            }
            catch (final IllegalArgumentException ex)
            {
                event.reject(ResultCode.PAYLOAD_TOO_LARGE, "the command is larger than the cluster log takes", null);
                pass(next);
                continue;
            }
            if (result > 0)
            {
                link.markOffered(next, now);
                lastOffered = next;
                pass(next);
                work++;
            }
            else
            {
                return work + refuseWaiting(now);
            }
        }
        return work;
    }

    private long offer(final DirectBuffer frame, final int length, final long now)
    {
        final long result = client.offer(frame, 0, length);
        if (result > 0)
        {
            blockedSinceNanos = 0;
            lastSentNanos = now;
        }
        else if (blockedSinceNanos == 0)
        {
            blockedSinceNanos = now;
        }
        return result;
    }

    /** Refuses (503) the commands not yet offered once no leader has taken one for the offer timeout. */
    private int refuseWaiting(final long now)
    {
        if (blockedSinceNanos == 0)
        {
            blockedSinceNanos = now;
            return 0;
        }
        if (now - blockedSinceNanos < offerTimeoutNanos)
        {
            return 0;
        }
        int work = 0;
        final long available = link.published(next);
        while (next <= available)
        {
            final CommandEvent event = link.ring.get(next);
            if (event.type != null && event.result == null)
            {
                event.reject(ResultCode.NOT_READY, "the cluster has no leader to take the command; retry", null);
            }
            pass(next);
            work++;
        }
        return work;
    }

    private void pass(final long sequence)
    {
        link.ingressed.set(sequence);
        next = sequence + 1;
    }

    @Override
    public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length, final Header header)
    {
        // The answers come from this node's engine, not from egress.
    }

    @Override
    public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
        final String ingressEndpoints)
    {
        LOG.info(() -> "cluster leader is now member " + leaderMemberId + " (term " + leadershipTermId + "); offering again what it may not have");
        resendFrom(link.released.get() + 1);
    }

    @Override
    public void onSessionEvent(final long correlationId, final long clusterSessionId, final long leadershipTermId,
        final int leaderMemberId, final EventCode code, final String detail)
    {
        if (code == EventCode.ERROR || code == EventCode.CLOSED)
        {
            LOG.warning(() -> "cluster session event " + code + ": " + detail);
        }
    }

    @Override
    public void onClose()
    {
        if (connecting != null)
        {
            connecting.close();
        }
        if (client != null)
        {
            client.close();
        }
    }
}
