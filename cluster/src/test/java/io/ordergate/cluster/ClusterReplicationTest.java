package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Three members in one JVM: commands offered through any member are committed and applied by all in one order, so
 * every member reaches the same state digest and the same ids; only the leader's reply stage leads.
 */
class ClusterReplicationTest
{
    @TempDir
    Path directory;

    @Test
    void everyMemberAppliesEveryCommandInOneOrderAndReachesTheSameState() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory).startAll())
        {
            final TestNode leader = cluster.leader(30_000);
            assertEquals(ResultCode.CREATED, leader.await(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-1")).result());
            assertEquals(ResultCode.ACCEPTED, cluster.node(1).await(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L)).result());

            // Orders through every member at once, answered by each member's own engine once committed.
            final List<CompletableFuture<TestNode.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++)
            {
                final TestNode via = cluster.node(i % 3);
                final String clientOrderId = "c" + i;
                answers.add(via.send(CommandType.NEW_ORDER, w -> TestCluster.market(w, "paper-1", Side.BUY, clientOrderId)));
            }
            final List<Long> ids = new ArrayList<>();
            for (final CompletableFuture<TestNode.Answer> answer : answers)
            {
                final TestNode.Answer done = answer.get(30, TimeUnit.SECONDS);
                assertEquals(ResultCode.CREATED, done.result(), done.toString());
                ids.add(done.orderId());
            }
            assertEquals(60, ids.stream().distinct().count(), "every order has its own id: " + ids);
            assertTrue(ids.stream().allMatch(id -> id >= 1 && id <= 60), ids.toString());

            final String digest = cluster.node(0).digest();
            assertEquals(digest, cluster.node(1).digest());
            assertEquals(digest, cluster.node(2).digest());

            for (final TestNode node : cluster.nodes)
            {
                assertEquals(node.node.isLeader(), node.replyStageLeads(), "member " + node.memberId + ": only the leader's reply stage leads");
                assertTrue(node.remoteResults.get() >= 40, "member " + node.memberId + " saw the others' commands: " + node.remoteResults.get());
            }
        }
    }
}
