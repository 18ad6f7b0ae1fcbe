package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.BodyWriter;

/**
 * The leader stops while orders flow through the two other members: they elect a new leader, their clients follow
 * it, and every order answered CREATED before, during or after is on the new leader with the same id and state.
 * (The kill -9 of a separate JVM is the gateway's fail-over drill; this one stops the leader in process.)
 */
class ClusterFailoverTest
{
    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedOrderSurvivesTheLossOfTheLeader() throws Exception
    {
        try (TestCluster cluster = new TestCluster(directory).startAll())
        {
            final TestNode leader = cluster.leader(30_000);
            final int oldLeader = leader.memberId;
            final TestNode a = cluster.node((oldLeader + 1) % 3);
            final TestNode b = cluster.node((oldLeader + 2) % 3);
            assertEquals(ResultCode.CREATED, a.await(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-1")).result());
            assertEquals(ResultCode.ACCEPTED, b.await(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L)).result());

            final List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < 20; i++)
            {
                acknowledged.add(TestCluster.orderOnceALeaderTakes(i % 2 == 0 ? a : b, "f" + i));
            }
            cluster.stop(oldLeader);
            for (int i = 20; i < 40; i++)
            {
                acknowledged.add(TestCluster.orderOnceALeaderTakes(i % 2 == 0 ? a : b, "f" + i));
            }
            final TestNode newLeader = cluster.leader(30_000);
            assertNotEquals(oldLeader, newLeader.memberId);
            assertEquals(40, acknowledged.stream().distinct().count(), acknowledged.toString());
            for (final long orderId : acknowledged)
            {
                final TestNode.Answer order = newLeader.await(CommandType.GET_ORDER, w -> getOrder(w, orderId));
                assertEquals(ResultCode.OK, order.result(), "order " + orderId + " on the new leader");
                assertEquals(orderId, order.orderId(), "the same id");
                assertEquals(io.ordergate.engine.command.OrderStatus.FILLED, order.status(), "the same state");
            }
            assertEquals(a.digest(), b.digest());
        }
    }

    private static void getOrder(final BodyWriter writer, final long orderId)
    {
        io.ordergate.engine.command.CommandBodies.orderId(writer, orderId);
    }
}
