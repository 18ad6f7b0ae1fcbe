package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * A new leader's resume (RECOVER_ROUTED, then EXCHANGE_RECOVER) is published again when its first copy is answered 503
 * with an unknown outcome (not committed in time), and that first copy may be committed after all: the log then holds
 * two copies in one term. Every member applies the first and passes the second by, so orders routed between the two
 * are not made {@code unknown} again and open exchange orders are not asked for twice; a member restarted from a
 * snapshot taken in that term passes a later copy by too; the next leader's term has its own resume, applied once.
 * Until 2026-12-05 every copy was applied on every member.
 */
class ClusterResumeOncePerTermTest
{
    @TempDir
    Path directory;

    @Test
    void aResumeIsAppliedOncePerLeadershipTermOnEveryMemberAndAcrossASnapshot() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory).startAll())
        {
            final TestNode leader = cluster.leader(30_000);
            assertEquals(ResultCode.CREATED, TestCluster.createdOnceALeaderTakes(leader, "paper-1"));
            resumeTwice(leader);
            for (final TestNode member : cluster.nodes)
            {
                assertApplied(member, 1, 1, "two copies in one term");
            }

            assertTrue(leader.node.requestSnapshot(), "the leader takes the snapshot request");
            TestCluster.awaitTrue(() -> cluster.nodes.stream().allMatch(n -> n.node.snapshotCount() >= 1), "every member snapshots");
            final int restartedId = (leader.memberId + 1) % 3;
            cluster.stop(restartedId);
            final TestNode restarted = cluster.start(restartedId);
            assertEquals(ResultCode.OK, leader.await(CommandType.RECOVER_ROUTED, w -> { }).result(), "a third copy, same term");
            assertApplied(restarted, 0, 0, "the snapshot kept that this term was resumed");
            assertTrue(restarted.node.loadedSnapshot(), "the restarted member began from the snapshot");
            assertApplied(leader, 1, 1, "the third copy passed by on the leader (its term did not change)");

            cluster.stop(leader.memberId);
            final TestNode next = cluster.leader(30_000);
            assertNotEquals(leader.memberId, next.memberId);
            assertEquals(ResultCode.CREATED, TestCluster.createdOnceALeaderTakes(next, "paper-2"));
            resumeTwice(next);
            final TestNode other = cluster.node(3 - leader.memberId - restartedId);
            assertApplied(restarted, 1, 1, "the next term's resume, once");
            assertApplied(other, 2, 2, "the next term's resume, once");
            assertEquals(TestCluster.digestOnceALeaderTakes(restarted), TestCluster.digestOnceALeaderTakes(other), "the two members left have one state");
        }
    }

    /** The resume as a new leader publishes it, each command twice: the first copy, then the one published again. */
    private static void resumeTwice(final TestNode via) throws Exception
    {
        for (final CommandType type : List.of(CommandType.RECOVER_ROUTED, CommandType.RECOVER_ROUTED,
            CommandType.EXCHANGE_RECOVER, CommandType.EXCHANGE_RECOVER))
        {
            assertEquals(ResultCode.OK, via.await(type, w -> { }).result(), type + " answered (applied, or passed by)");
        }
    }

    /** After every command committed before it (a read through the log), {@code member} applied each resume so often. */
    private static void assertApplied(final TestNode member, final long routed, final long exchange, final String why) throws Exception
    {
        TestCluster.digestOnceALeaderTakes(member);
        assertEquals(routed, member.recoveredRouted.get(), "RECOVER_ROUTED on member " + member.memberId + ": " + why);
        assertEquals(exchange, member.recoveredExchange.get(), "EXCHANGE_RECOVER on member " + member.memberId + ": " + why);
    }
}
