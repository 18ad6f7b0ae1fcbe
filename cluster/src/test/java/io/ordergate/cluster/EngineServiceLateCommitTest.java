package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.lmax.disruptor.RingBuffer;

import io.aeron.DirectBufferVector;
import io.aeron.cluster.service.ClientSession;
import io.aeron.logbuffer.BufferClaim;
import io.aeron.logbuffer.Header;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.pipeline.ResultHandler;

/**
 * A committed command of this member's whose ring slot was already released (its client answered 503 when a later
 * command of the member's was applied first, {@code RingAnswers.releaseBefore}) is applied all the same, as another
 * member's command, with no one answered again. One session's order in the log rules that out (and a late copy in the
 * same session is passed by as a resend); only a command of an earlier session of this member's reaching the log
 * after the next session's command could do it, which ClusterIngress's wait for the new session's opening is there to
 * prevent, so this test writes that log order itself. Should it happen anyway, every member applies the command in log
 * order, so this one must too. Until 2026-12-05 this member logged it and did not apply it when the slot held another
 * command (its state drifted from the others'), and when the slot was not reused yet it answered the slot a second
 * time and moved the ring's release back.
 */
class EngineServiceLateCommitTest
{
    private static final long OLD_SESSION = 7;
    private static final long NEW_SESSION = 8;
    private static final long WALL_MICROS = 1_700_000_000_000_000L;

    private final Engine engine = new Engine(ConfigLoader.parse(TestCluster.CONFIG, "late-commit-test"));
    private final Map<Long, Integer> answers = new HashMap<>();
    /** Per ring sequence: the frame as offered (the bytes the log holds). */
    private final Map<Long, CommandEvent> offered = new HashMap<>();
    private int remoteResults;
    private final EngineService service = new EngineService(engine, new ResultHandler()
    {
        @Override
        public void onResult(final CommandEvent event, final long sequence, final boolean endOfBatch)
        {
            if (sequence >= 0)
            {
                answers.merge(sequence, 1, Integer::sum);
            }
            else
            {
                remoteResults++;
            }
        }
    }, leading -> { }, 10_000, () -> false);
    private final RingBuffer<CommandEvent> ring = RingBuffer.createMultiProducer(CommandEvent.FACTORY, 2);
    private final RingLink link = new RingLink(ring);
    private final Header header = new Header(0, 16).buffer(new UnsafeBuffer(new byte[64]));

    EngineServiceLateCommitTest()
    {
        ring.addGatingSequences(link.released);
        link.addSession(OLD_SESSION);
        link.addSession(NEW_SESSION);
        service.link(link);
    }

    @Test
    void aCommandCommittedAfterItsSlotWasReusedIsAppliedWithNoOneAnsweredAgain()
    {
        final long late = offer(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-late"));
        commit(NEW_SESSION, offer(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L)));
        final long next = offer(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-next"));
        final CommandEvent slot = ring.get(next);
        assertSame(ring.get(late), slot, "the next command took the released slot");
        final Object waiting = slot.replyTo;

        commit(OLD_SESSION, late);

        assertTrue(engine.hasAccount("paper-late"), "committed, so applied on this member as on every other");
        assertEquals(Map.of(0L, 1, 1L, 1), answers, "the late command answered once (503, when it was taken as lost), the quote once");
        assertEquals(1, remoteResults, "the late command shown to the reply stage with no one waiting");
        assertSame(waiting, slot.replyTo, "the slot's own command still waits for the log");
        assertNull(slot.result, "... untouched");
        assertEquals(1, link.released.get());
    }

    @Test
    void aCommandCommittedAfterItsSlotWasReleasedIsNotAnsweredTwiceNorReleasedBack()
    {
        final long late = offer(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-late"));
        commit(NEW_SESSION, offer(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L)));

        commit(OLD_SESSION, late);

        assertTrue(engine.hasAccount("paper-late"));
        assertEquals(Map.of(0L, 1, 1L, 1), answers, "the late command answered once (503), the quote once");
        assertEquals(1, link.released.get(), "the ring's release never moves back");
    }

    /** Publishes a command on this member's ring and marks it offered, as og-ingress does; returns its ring sequence. */
    private long offer(final CommandType type, final Consumer<BodyWriter> body)
    {
        final long sequence = TestCluster.publishSystem(ring, type, WALL_MICROS, body);
        final CommandEvent event = ring.get(sequence);
        link.markOffered(sequence, 0);
        link.ingressed.set(sequence);
        final CommandEvent copy = new CommandEvent();
        copy.frame.putBytes(0, event.frame, 0, event.frameLength());
        offered.put(sequence, copy);
        return sequence;
    }

    /** The log brings the command offered at {@code sequence} back, committed, from this member's session {@code sessionId}. */
    private void commit(final long sessionId, final long sequence)
    {
        final CommandEvent frame = offered.get(sequence);
        service.onSessionMessage(new Session(sessionId), WALL_MICROS, frame.frame, 0, frame.frameLength(), header);
    }

    /** This member's client session, as the log names it. */
    private static final class Session implements ClientSession
    {
        private final long id;

        Session(final long id)
        {
            this.id = id;
        }

        @Override
        public long id()
        {
            return id;
        }

        @Override
        public int responseStreamId()
        {
            return 0;
        }

        @Override
        public String responseChannel()
        {
            return "";
        }

        @Override
        public byte[] encodedPrincipal()
        {
            return new byte[0];
        }

        @Override
        public void close()
        {
        }

        @Override
        public boolean isClosing()
        {
            return false;
        }

        @Override
        public long offer(final org.agrona.DirectBuffer buffer, final int offset, final int length)
        {
            return MOCKED_OFFER;
        }

        @Override
        public long offer(final DirectBufferVector[] vector)
        {
            return MOCKED_OFFER;
        }

        @Override
        public long tryClaim(final int length, final BufferClaim bufferClaim)
        {
            return MOCKED_OFFER;
        }
    }
}
