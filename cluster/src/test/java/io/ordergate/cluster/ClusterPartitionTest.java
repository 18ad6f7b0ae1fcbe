package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * A real partition, not stopped members: the leader is cut off from the two others ({@link LoopbackPartition} drops
 * every frame between its media driver and theirs) and stays alive, its gateway still taking commands.
 *
 * <p>While partitioned there is no split brain: the old leader answers nothing "accepted" (an order it took before it
 * noticed is answered 503 NOT_READY with its outcome unknown, and a command after that is refused 503 NOT_READY, never
 * offered), applies nothing, and stops acting as the leader ({@code /health}'s role, its reply stage: exchange links,
 * webhooks); the two others elect one of themselves, which takes orders through both of them. Once the network heals
 * the old leader follows (its uncommitted copy of that order is truncated from its log, and its gateway offers the order
 * again, as after any change of leader) and all three converge: the same state digest, every order acknowledged during
 * the partition there once on every member, the order whose outcome was unknown there once, the refused command
 * nowhere, and no ring sequence answered twice.
 */
class ClusterPartitionTest
{
    private static final int COMMIT_TIMEOUT_MILLIS = 2_000;
    /** What an answer may take beyond its timeout: an idle service thread and a loaded 2-CPU machine. */
    private static final int SLACK_MILLIS = 5_000;
    private static final int ORDERS = 6;
    private static final long RETRY_MILLIS = 200;
    private static final String CONFIG = TestCluster.CONFIG.replace("snapshot_interval_seconds: 0",
        "snapshot_interval_seconds: 0, offer_timeout_millis: 1000, commit_timeout_millis: " + COMMIT_TIMEOUT_MILLIS);

    @TempDir
    Path directory;

    @Test
    void aLeaderCutOffByAPartitionAcknowledgesNothingWhileTheMajorityGoesOnAndConvergesWithItOnceHealed() throws Exception
    {
        try (LoopbackPartition partition = LoopbackPartition.install(); TestCluster cluster = new TestCluster(directory, CONFIG).startAll())
        {
            final TestNode old = cluster.leader(30_000);
            final TestNode a = cluster.node((old.memberId + 1) % 3);
            final TestNode b = cluster.node((old.memberId + 2) % 3);
            assertEquals(ResultCode.CREATED, TestCluster.createdOnceALeaderTakes(old, "paper-1"));
            assertEquals(ResultCode.CREATED, TestCluster.createdOnceALeaderTakes(old, "paper-2"));
            assertEquals(ResultCode.ACCEPTED, old.await(CommandType.QUOTES, w -> TestCluster.quote(w, 108_420_000L, 108_428_000L)).result());
            // every member's gateway has a session with the old leader, so the majority's clients must find the new one
            final String before = TestCluster.digestOnceALeaderTakes(old);
            assertEquals(before, TestCluster.digestOnceALeaderTakes(a));
            assertEquals(before, TestCluster.digestOnceALeaderTakes(b));

            // every member has applied the whole log so far (the digest reads above are log messages too): the old leader
            // may apply the last of them just after its answer went out, which would be counted as applied while cut off
            TestCluster.awaitTrue(() -> old.node.appliedMessages() == a.node.appliedMessages() && a.node.appliedMessages() == b.node.appliedMessages(),
                "every member has applied the log so far");
            final long appliedBefore = old.node.appliedMessages();
            partition.isolate(old.aeronDir);
            // a sell without a client order id: the only one, so every copy the engines applied is counted below
            final CompletableFuture<TestNode.Answer> takenBeforeNoticing =
                old.send(CommandType.NEW_ORDER, w -> TestCluster.market(w, "paper-1", Side.SELL, ""));
            // and one through the majority side whose gateway still thinks the old leader leads: offered to it, lost on the way
            final CompletableFuture<TestNode.Answer> inFlight = a.send(CommandType.NEW_ORDER, w -> TestCluster.market(w, "paper-2", Side.BUY, ""));
            TestCluster.awaitTrue(() -> old.offered(takenBeforeNoticing) || takenBeforeNoticing.isDone(), "the cut-off leader's ingress takes a command");
            assertTrue(old.offered(takenBeforeNoticing), "offered (appended) before the cut-off leader noticed: " + takenBeforeNoticing);
            TestCluster.awaitTrue(() -> !old.node.isLeader() && !old.replyStageLeads() && !old.node.takesCommands(),
                "the cut-off leader stops acting as the leader (/health's role, venue side effects) and taking commands");
            final TestNode.Answer unknown = TestCluster.answerWithin(takenBeforeNoticing, COMMIT_TIMEOUT_MILLIS + SLACK_MILLIS,
                "a command the cut-off leader took");
            assertEquals(ResultCode.NOT_READY, unknown.result(), "nothing acknowledged without a majority: " + unknown);
            assertTrue(unknown.message().contains("its outcome is unknown"), unknown.message());

            TestCluster.awaitTrue(() -> a.node.isLeader() || b.node.isLeader(), "the majority elects a new leader");
            final TestNode majorityLeader = a.node.isLeader() ? a : b;
            final List<Long> acknowledged = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++)
            {
                acknowledged.add(TestCluster.orderOnceALeaderTakes(i % 2 == 0 ? a : b, "p" + i));
            }
            TestCluster.awaitTrue(() -> !old.node.hasSession(), "the cut-off member's gateway loses its session");
            final TestNode.Answer readOnTheCutOffSide = TestCluster.answerWithin(old.send(CommandType.STATE_DIGEST, w -> { }), 1_000 + SLACK_MILLIS,
                "a read sent to the cut-off member");
            assertEquals(ResultCode.NOT_READY, readOnTheCutOffSide.result(), "no read from the cut-off member's own state: " + readOnTheCutOffSide);
            final CompletableFuture<TestNode.Answer> refusedSent = old.send(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, "paper-y"));
            final TestNode.Answer refused = TestCluster.answerWithin(refusedSent, 1_000 + SLACK_MILLIS, "a command sent to the cut-off member");
            assertEquals(ResultCode.NOT_READY, refused.result(), refused.toString());
            assertFalse(old.offered(refusedSent), "refused, never offered: it cannot be applied later");
            assertFalse(old.node.isLeader(), "still no second leader");
            assertTrue(majorityLeader.node.isLeader(), "the majority's leader still leads");
            assertTrue(partition.dropped() > 0, "the partition dropped frames");
            assertEquals(appliedBefore, old.node.appliedMessages(), "the cut-off member applied nothing while partitioned (nothing was committed)");

            partition.heal();
            // The command answered with its outcome unknown is offered again by the old leader's gateway to the new leader
            // before anything sent after it: once one sent after the heal is taken, its fate is in the log.
            assertEquals(ResultCode.CREATED, createdAtAClientsPace(old, "paper-after"), "the old leader's gateway takes commands again");
            final String[] digests = new String[3];
            TestCluster.awaitTrue(() -> converged(List.of(old, a, b), digests), "the three members converge once the network heals");
            final String after = digests[0];
            assertFalse(old.node.isLeader(), "the old leader rejoins as a follower");
            assertNotEquals(before, after, "the majority's orders are in the state");
            for (final TestNode member : List.of(old, a, b))
            {
                final String orders = ordersOf(member, "paper-1");
                for (int i = 0; i < ORDERS; i++)
                {
                    assertEquals(1, count(orders, "\"client_order_id\":\"p" + i + "\""), "order p" + i + " once on member " + member.memberId + ": " + orders);
                }
                for (final long orderId : acknowledged)
                {
                    final TestNode.Answer order = member.await(CommandType.GET_ORDER, w -> CommandBodies.orderId(w, orderId));
                    assertEquals(OrderStatus.FILLED, order.status(), "order " + orderId + " on member " + member.memberId);
                }
                final String inFlightOrders = ordersOf(member, "paper-2");
                assertEquals(1, count(inFlightOrders, "\"side\":\"buy\""), "the majority's order in flight at the cut, once on member " + member.memberId
                    + " (answered " + inFlight.getNow(null) + "): " + inFlightOrders);
                assertEquals(ResultCode.NOT_FOUND, member.await(CommandType.GET_ACCOUNT, w -> CommandBodies.accountId(w, "paper-y")).result(),
                    "the refused command is applied nowhere (member " + member.memberId + ")");
                // its copy in the old leader's log was never committed (truncated when it rejoined); its gateway offered it
                // again to the new leader, as for any change of leader, so it is applied, once
                assertEquals(1, count(orders, "\"side\":\"sell\""), "the order whose outcome was unknown, once on member " + member.memberId + ": " + orders);
            }
            for (final TestNode member : List.of(old, a, b))
            {
                for (final Map.Entry<Long, Integer> answers : member.localAnswers.entrySet())
                {
                    assertEquals(1, answers.getValue(), "ring sequence " + answers.getKey() + " of member " + member.memberId + " answered once");
                }
            }
        }
    }

    /** Whether the members' digests, each read through the log (so after every command committed before), are all the same. */
    private static boolean converged(final List<TestNode> members, final String[] digests)
    {
        for (int i = 0; i < members.size(); i++)
        {
            digests[i] = digestOf(members.get(i));
        }
        return !digests[0].isEmpty() && digests[0].equals(digests[1]) && digests[0].equals(digests[2]);
    }

    /** The member's digest once it takes a read; "" while it refuses one (503: no leader for its client yet). */
    private static String digestOf(final TestNode member)
    {
        try
        {
            final TestNode.Answer answer = member.await(CommandType.STATE_DIGEST, w -> { });
            return answer.result() == ResultCode.NOT_READY ? "" : TestNode.digestOf(answer);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    /**
     * Sends a new account until a leader takes it, one attempt per {@link #RETRY_MILLIS}, as a client would retry. (Not
     * at once: the command whose outcome is unknown holds the head of the member's ring until it is applied or lost, and
     * every refusal meanwhile keeps a slot, so a client retrying without pause fills the ring: 503 OVERLOADED.) An
     * attempt answered "its outcome is unknown" may still be applied, once, when the gateway offers it again to the new
     * leader: the retry after it then finds the account made (409 CONFLICT), which is the earlier attempt taken, as a
     * client reading the account would learn; counted as CREATED once the account is there.
     */
    private static ResultCode createdAtAClientsPace(final TestNode via, final String account) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        boolean anOutcomeUnknown = false;
        while (true)
        {
            final TestNode.Answer answer = via.await(CommandType.CREATE_ACCOUNT, w -> TestCluster.account(w, account));
            if (answer.result() == ResultCode.CONFLICT && anOutcomeUnknown)
            {
                return via.await(CommandType.GET_ACCOUNT, w -> CommandBodies.accountId(w, account)).result() == ResultCode.OK
                    ? ResultCode.CREATED : answer.result();
            }
            if (answer.result() != ResultCode.NOT_READY)
            {
                return answer.result();
            }
            anOutcomeUnknown |= answer.message().contains("its outcome is unknown");
            assertTrue(System.currentTimeMillis() < deadline, "member " + via.memberId + " took no command within 30 s: " + answer);
            Thread.sleep(RETRY_MILLIS);  // a client's retry pace, not a synchronisation: the answer above was awaited
        }
    }

    /** The account's orders (every status), read through the member's log. */
    private static String ordersOf(final TestNode member, final String account) throws Exception
    {
        return member.await(CommandType.LIST_ORDERS, w -> CommandBodies.listOrders(w, account, CommandBodies.STATUS_ANY, 100)).json();
    }

    private static int count(final String text, final String what)
    {
        final Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int found = 0;
        while (matcher.find())
        {
            found++;
        }
        return found;
    }
}
