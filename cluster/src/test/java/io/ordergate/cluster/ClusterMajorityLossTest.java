package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * Two members of three stop. The leader left alone takes a command (X) that no majority can commit, then loses its
 * leadership and refuses the next command (Y) for want of a leader. Y's client hears 503 NOT_READY within the offer
 * timeout instead of waiting behind X, whose fate stays unknown (so it is not answered) until a majority is back;
 * then X is committed and answered, later commands are taken, and no command is answered twice.
 */
class ClusterMajorityLossTest
{
    private static final int OFFER_TIMEOUT_MILLIS = 1_000;
    /** What the refusal may take beyond the offer timeout: an idle service thread and a loaded 2-CPU machine. */
    private static final int SLACK_MILLIS = 5_000;
    private static final String CONFIG = TestCluster.CONFIG.replace("snapshot_interval_seconds: 0",
        "snapshot_interval_seconds: 0, offer_timeout_millis: " + OFFER_TIMEOUT_MILLIS);

    @TempDir
    Path directory;

    @Test
    void aCommandRefusedForWantOfALeaderIsAnsweredWhileAnEarlierOneWaitsForAMajority() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory, CONFIG).startAll())
        {
            final TestNode lone = cluster.leader(30_000);
            // taken and committed: this member's client has a session, and X below is offered at once
            assertEquals(ResultCode.CREATED, takenOnceALeaderIs(lone, "paper-1"));
            final int back = (lone.memberId + 1) % 3;
            cluster.stop(back);
            cluster.stop((lone.memberId + 2) % 3);

            final CompletableFuture<TestNode.Answer> x = lone.send(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L));
            awaitTrue(() -> !lone.node.isLeader(), "the lone leader steps down once it hears no follower");
            final long sent = System.nanoTime();
            final CompletableFuture<TestNode.Answer> y = lone.send(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-2"));
            final TestNode.Answer refused;
            try
            {
                refused = y.get(OFFER_TIMEOUT_MILLIS + SLACK_MILLIS, TimeUnit.MILLISECONDS);
            }
            catch (final TimeoutException ex)
            {
                fail("a command refused for want of a leader was not answered within " + (OFFER_TIMEOUT_MILLIS + SLACK_MILLIS) + " ms");
                return;
            }
            assertEquals(ResultCode.NOT_READY, refused.result(), refused.toString());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) >= OFFER_TIMEOUT_MILLIS - 50, "refused only after the offer timeout");
            // X was offered before the leader stepped down (else the ingress would have refused it, and answered it, before Y)
            assertFalse(x.isDone(), "a command offered and not committed is not answered while its fate is unknown: " + x);

            cluster.start(back);
            assertEquals(ResultCode.ACCEPTED, x.get(60, TimeUnit.SECONDS).result(), "X is committed once a majority is back");
            assertEquals(ResultCode.CREATED, takenOnceALeaderIs(lone, "paper-3"));
            for (final Map.Entry<Long, Integer> answers : lone.localAnswers.entrySet())
            {
                assertEquals(1, answers.getValue(), "ring sequence " + answers.getKey() + " handed to the reply stage once");
            }
        }
    }

    /** Sends a new account until a leader takes it: refusals (503) are expected until this member's client connects. */
    private static ResultCode takenOnceALeaderIs(final TestNode via, final String account) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true)
        {
            final TestNode.Answer answer = via.await(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, account));
            if (answer.result() != ResultCode.NOT_READY)
            {
                return answer.result();
            }
            assertTrue(System.currentTimeMillis() < deadline, "a command is taken within 30 s");
        }
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean())
        {
            assertTrue(System.currentTimeMillis() < deadline, what + " within 30 s");
            Thread.sleep(20);  // polling a condition with a deadline
        }
    }
}
