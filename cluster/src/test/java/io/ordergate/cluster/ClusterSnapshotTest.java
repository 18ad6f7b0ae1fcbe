package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Snapshots bound a restart's replay, and lose nothing: a member restarted after a snapshot loads it, replays only
 * the log after it, and has the state digest of the members that applied the whole log from the start.
 */
class ClusterSnapshotTest
{
    @TempDir
    Path directory;

    @Test
    void aMemberRestartedFromASnapshotAndTheLogAfterItHasTheStateOfTheWholeLog() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory).startAll())
        {
            final TestNode leader = cluster.leader(30_000);
            assertEquals(ResultCode.CREATED, leader.await(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-1")).result());
            orders(leader, 0, 40);
            final long before = leader.node.appliedMessages();

            assertTrue(leader.node.requestSnapshot(), "the leader takes the snapshot request");
            final long deadline = System.currentTimeMillis() + 30_000;
            while (!cluster.nodes.stream().allMatch(n -> n.node.snapshotCount() >= 1))
            {
                assertTrue(System.currentTimeMillis() < deadline, "every member snapshots within 30 s");
                Thread.sleep(20);  // polling a condition with a deadline
            }
            orders(leader, 40, 10);

            final int followerId = (leader.memberId + 1) % 3;
            cluster.stop(followerId);
            orders(leader, 50, 10);  // committed by the two left: a majority
            final TestNode restarted = cluster.start(followerId);
            final String digest = leader.digest();
            assertEquals(digest, restarted.digest(), "snapshot + log = the whole log");
            assertEquals(digest, cluster.node((leader.memberId + 2) % 3).digest());
            assertTrue(restarted.node.loadedSnapshot(), "the restarted member began from the snapshot");
            assertTrue(restarted.node.appliedMessages() < before, "it replayed only the log after the snapshot: " +
                restarted.node.appliedMessages() + " messages, " + before + " before the snapshot");
            assertFalse(restarted.node.isLeader() && leader.node.isLeader(), "one leader");
        }
    }

    private static void orders(final TestNode via, final int first, final int count) throws Exception
    {
        if (first == 0)
        {
            assertEquals(ResultCode.ACCEPTED, via.await(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L)).result());
        }
        for (int i = first; i < first + count; i++)
        {
            final String clientOrderId = "s" + i;
            final Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
            assertEquals(ResultCode.CREATED, via.await(CommandType.NEW_ORDER, w -> TestCluster.market(w, "paper-1", side, clientOrderId)).result());
        }
    }
}
