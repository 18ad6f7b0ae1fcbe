package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
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
                acknowledged.add(order(i % 2 == 0 ? a : b, i));
            }
            cluster.stop(oldLeader);
            for (int i = 20; i < 40; i++)
            {
                acknowledged.add(order(i % 2 == 0 ? a : b, i));
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

    /** Sends an order and waits for its answer; retried (same client order id) only when refused for want of a leader. */
    private static long order(final TestNode via, final int i) throws Exception
    {
        final String clientOrderId = "f" + i;
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true)
        {
            final TestNode.Answer answer = via.await(CommandType.NEW_ORDER, w -> TestCluster.market(w, "paper-1", Side.BUY, clientOrderId));
            if (answer.result() == ResultCode.CREATED || answer.result() == ResultCode.DUPLICATE)
            {
                return answer.orderId();
            }
            assertEquals(ResultCode.NOT_READY, answer.result(), answer.toString());
            assertTrue(System.currentTimeMillis() < deadline, "an order is taken within 30 s of the leader's loss");
        }
    }

    private static void getOrder(final BodyWriter writer, final long orderId)
    {
        io.ordergate.engine.command.CommandBodies.orderId(writer, orderId);
    }
}
