package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * A leader cut off from the others (deposed by a partition, or left alone: it cannot tell the two apart) holds no lease:
 * it answers no read from its own state. A read travels the log like a command, so one it took before it noticed is
 * never answered from what may be stale: it is refused 503 NOT_READY after {@code cluster.commit_timeout_millis},
 * saying that nothing was read and it may be asked again (until 2026-12-05 it was told a command's "outcome is unknown:
 * it may still be applied", which means nothing for a read). Once a majority is back, the same member reads again.
 */
class ClusterCutOffReadTest
{
    private static final int COMMIT_TIMEOUT_MILLIS = 2_000;
    /** What the answer may take beyond the commit timeout: an idle service thread and a loaded 2-CPU machine. */
    private static final int SLACK_MILLIS = 5_000;
    private static final String CONFIG = TestCluster.CONFIG.replace("snapshot_interval_seconds: 0",
        "snapshot_interval_seconds: 0, offer_timeout_millis: 1000, commit_timeout_millis: " + COMMIT_TIMEOUT_MILLIS);

    @TempDir
    Path directory;

    @Test
    void aReadTakenByALeaderCutOffFromTheOthersIsRefusedInBoundedTimeAsARetryableRead() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory, CONFIG).startAll())
        {
            final TestCluster.Loss loss = cluster.loseTheMajorityWithACommandOffered(CommandType.STATE_DIGEST, w -> { });
            final CompletableFuture<TestNode.Answer> read = loss.offered();
            final TestNode.Answer answer = TestCluster.answerWithin(read, COMMIT_TIMEOUT_MILLIS + SLACK_MILLIS, "a read taken by a leader without a majority");
            assertEquals(ResultCode.NOT_READY, answer.result(), answer.toString());
            assertTrue(answer.message().contains("nothing was read and nothing changed"), answer.message());
            assertFalse(answer.message().contains("outcome is unknown"), answer.message());
            assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loss.sentNanos()) >= COMMIT_TIMEOUT_MILLIS - 50,
                "answered only after the commit timeout (the log may still have brought it)");

            final TestNode lone = loss.lone();
            final long applied = lone.node.appliedMessages();
            final TestNode back = cluster.start(loss.back());
            // The read stays in the lone member's log, so it is committed once a majority is back, and applied with no one
            // waiting; until then it holds its ring slot, and later commands' slots wait behind it.
            TestCluster.awaitTrue(() -> lone.node.appliedMessages() > applied, "the read is applied once a majority is back");
            assertEquals(ResultCode.CREATED, TestCluster.createdOnceALeaderTakes(lone, "paper-after"), "a majority again");
            assertEquals(TestCluster.digestOnceALeaderTakes(lone), TestCluster.digestOnceALeaderTakes(back), "the same member reads again, through the log");
        }
    }
}
