package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * A command offered to a leader that no majority follows is answered 503 NOT_READY after
 * {@code cluster.commit_timeout_millis}, saying its outcome is unknown, instead of holding its client for as long as the
 * majority is away. It is not refused: once a majority is back it is committed and applied, on every member, once, with
 * no one answered a second time.
 */
class ClusterCommitTimeoutTest
{
    private static final int COMMIT_TIMEOUT_MILLIS = 2_000;
    /** What the answer may take beyond the commit timeout: an idle service thread and a loaded 2-CPU machine. */
    private static final int SLACK_MILLIS = 5_000;
    private static final String CONFIG = TestCluster.CONFIG.replace("snapshot_interval_seconds: 0",
        "snapshot_interval_seconds: 0, offer_timeout_millis: 1000, commit_timeout_millis: " + COMMIT_TIMEOUT_MILLIS);

    @TempDir
    Path directory;

    @Test
    void aCommandNotCommittedInTimeIsAnsweredWithAnUnknownOutcomeAndAppliedOnceWhenAMajorityIsBack() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory, CONFIG).startAll())
        {
            final TestCluster.Loss loss = cluster.loseTheMajorityWithACommandOffered(CommandType.CREATE_ACCOUNT,
                w -> TestCluster.account(w, "paper-late"));
            final CompletableFuture<TestNode.Answer> late = loss.offered();
            final TestNode.Answer answer = TestCluster.answerWithin(late, COMMIT_TIMEOUT_MILLIS + SLACK_MILLIS, "a command offered to a leader without a majority");
            assertEquals(ResultCode.NOT_READY, answer.result(), answer.toString());
            assertTrue(answer.message().contains("its outcome is unknown"), answer.message());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loss.sentNanos()) >= COMMIT_TIMEOUT_MILLIS - 50, "answered only after the commit timeout");

            final TestNode lone = loss.lone();
            final long applied = lone.node.appliedMessages();
            final TestNode back = cluster.start(loss.back());
            // Committed once a majority is back (the lone member's log holds it): the only command of the log's since.
            // Until then its ring slot is held (the slot's frame is what is applied), so nothing is sent meanwhile.
            TestCluster.awaitTrue(() -> lone.node.appliedMessages() > applied, "the late command is applied once a majority is back");
            assertEquals(ResultCode.CONFLICT, TestCluster.createdOnceALeaderTakes(lone, "paper-late"), "the late command was applied");
            assertEquals(ResultCode.CONFLICT, TestCluster.createdOnceALeaderTakes(back, "paper-late"), "... on the other member too");
            assertEquals(lone.digest(), back.digest());
            for (final Map.Entry<Long, Integer> answers : lone.localAnswers.entrySet())
            {
                assertEquals(1, answers.getValue(), "ring sequence " + answers.getKey() + " handed to the reply stage as an answer once");
            }
        }
    }
}
