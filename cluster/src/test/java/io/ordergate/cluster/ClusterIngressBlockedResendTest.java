package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import com.lmax.disruptor.RingBuffer;

import io.aeron.Publication;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * A new leader that takes nothing (its ingress not connected yet, an election, back pressure) while this member's
 * gateway offers it again what the old leader may not have had: a command published meanwhile was never offered, so
 * its client hears 503 NOT_READY after {@code cluster.offer_timeout_millis}, as when no leader answers at all, while
 * the command being offered again keeps waiting (its outcome is the log's). Until 2026-12-05 og-ingress returned from a
 * blocked resend before looking at new commands, so they were neither offered nor refused: their clients waited as long
 * as the resend was blocked (until Aeron closed the session, or for good against a leader that stays connected and
 * back-pressured), and the ring filled behind them.
 */
class ClusterIngressBlockedResendTest
{
    private static final long OFFER_TIMEOUT_MILLIS = 100;
    private static final long SESSION_ID = 5;
    private static final long WALL_MICROS = 1_700_000_000_000_000L;

    private final RingBuffer<CommandEvent> ring = RingBuffer.createMultiProducer(CommandEvent.FACTORY, 8);
    private final RingLink link = new RingLink(ring);
    /** Per ring sequence: how many times this member's reply stage was handed it. */
    private final Map<Long, Integer> answers = new HashMap<>();
    private final EngineService service = new EngineService(new Engine(ConfigLoader.parse(TestCluster.CONFIG, "blocked-resend-test")),
        new ResultHandler()
        {
            @Override
            public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
            {
                answers.merge(sequence, 1, Integer::sum);
            }
        }, leading -> { }, 10_000, () -> false);
    private final StalledLeader leader = new StalledLeader();
    private final ClusterIngress ingress = new ClusterIngress(link, service, listener -> new LeaderSession.Connecting()
    {
        @Override
        public LeaderSession poll()
        {
            return leader;
        }

        @Override
        public void close()
        {
        }
    }, OFFER_TIMEOUT_MILLIS);

    ClusterIngressBlockedResendTest()
    {
        ring.addGatingSequences(link.released);
        service.link(link);
    }

    @Test
    void aCommandPublishedWhileTheResendToANewLeaderIsBlockedIsRefusedAfterTheOfferTimeout()
    {
        ingress.doWork();
        assertTrue(ingress.hasSession(), "connected");
        final long waiting = publish(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L));
        ingress.doWork();
        assertEquals(List.of(waiting), leader.taken, "offered to the old leader");

        leader.taking = false;
        ingress.onNewLeader(SESSION_ID, 2, 1, "");  // the old leader may not have had it: offered again, first
        final long later = publish(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-later"));
        final long blockedAt = System.nanoTime();
        final long deadline = blockedAt + TimeUnit.MILLISECONDS.toNanos(50 * OFFER_TIMEOUT_MILLIS);
        while (link.ingressed.get() < later && System.nanoTime() < deadline)
        {
            ingress.doWork();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));  // og-ingress's idle between duty cycles
        }
        final long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - blockedAt);

        assertTrue(link.ingressed.get() >= later, "the command published behind the blocked resend is decided on (refused) within "
            + 50 * OFFER_TIMEOUT_MILLIS + " ms, not held for as long as the new leader takes nothing");
        assertFalse(link.wasOffered(later), "never offered ...");
        assertEquals(ResultCode.NOT_READY, ring.get(later).result, "... so refused: its answer is final");
        assertTrue(waitedMillis >= OFFER_TIMEOUT_MILLIS - 5, "refused only after the offer timeout, not at the first refused offer");
        assertNull(ring.get(waiting).result, "the command offered again is not refused: it may be in the log");

        service.doBackgroundWork(System.nanoTime());
        assertEquals(Map.of(later, 1), answers, "its client hears the 503 while the earlier command still waits for the log");

        leader.taking = true;
        final long next = publish(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-next"));
        ingress.doWork();
        assertEquals(List.of(waiting, waiting, next), leader.taken, "once the leader takes again: the resend first, then what is new");
    }

    /** Publishes a command on this member's ring as the gateway's publisher does; returns its ring sequence. */
    private long publish(final CommandType type, final java.util.function.Consumer<BodyWriter> body)
    {
        return TestCluster.publishSystem(ring, type, WALL_MICROS, body);
    }

    /** A leader's session that takes offers while {@link #taking}, and answers back pressure otherwise (it stays connected). */
    private static final class StalledLeader implements LeaderSession
    {
        final List<Long> taken = new ArrayList<>();
        boolean taking = true;

        @Override
        public long offer(final DirectBuffer buffer, final int offset, final int length)
        {
            if (!taking)
            {
                return Publication.BACK_PRESSURED;
            }
            taken.add(buffer.getLong(offset + CommandFrame.CORRELATION_ID_OFFSET));
            return 64L * taken.size();
        }

        @Override
        public int pollEgress()
        {
            return 0;
        }

        @Override
        public boolean isClosed()
        {
            return false;
        }

        @Override
        public long clusterSessionId()
        {
            return SESSION_ID;
        }

        @Override
        public boolean sendKeepAlive()
        {
            return true;
        }

        @Override
        public void close()
        {
        }
    }
}
