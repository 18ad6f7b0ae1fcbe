package io.ordergate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.command.TimeInForce;

/** Three members on loopback in one JVM, each with its own data directory, media driver and ports. */
final class TestCluster implements AutoCloseable
{
    static final String CONFIG = String.join("\n",
        "engine: { max_accounts: 16, max_orders: 1024, max_trades: 1024, max_keys: 16, max_users: 16 }",
        "pipeline: { ring_size: 256 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "cluster: { enabled: true, members: [127.0.0.1, 127.0.0.1, 127.0.0.1], leader_heartbeat_timeout_millis: 1500,",
        "           snapshot_interval_seconds: 0 }",
        "");

    /** 1 at the wire's 8 digits. */
    static final long WIRE = 100_000_000L;

    final List<TestNode> nodes = new ArrayList<>();
    private final Path root;
    private final String config;
    private final int portBase;

    TestCluster(final Path root)
    {
        this(root, CONFIG);
    }

    /** With a configuration of the test's own (the same members and ports, other timeouts). */
    TestCluster(final Path root, final String config)
    {
        this.root = root;
        this.config = config;
        this.portBase = 21_000 + 100 * ThreadLocalRandom.current().nextInt(80);
        for (int id = 0; id < 3; id++)
        {
            nodes.add(null);
        }
    }

    /** Starts every member (in parallel: each waits for the others to elect). */
    TestCluster startAll() throws Exception
    {
        final List<Thread> starting = new ArrayList<>();
        final Exception[] failure = new Exception[1];
        for (int id = 0; id < 3; id++)
        {
            final int member = id;
            final Thread thread = new Thread(() ->
            {
                try
                {
                    start(member);
                }
                catch (final RuntimeException ex)
                {
                    failure[0] = ex;
                }
            });
            thread.start();
            starting.add(thread);
        }
        for (final Thread thread : starting)
        {
            thread.join();
        }
        if (failure[0] != null)
        {
            throw failure[0];
        }
        return this;
    }

    TestNode start(final int id)
    {
        final GatewayConfig base = ConfigLoader.parse(config, "cluster-test");
        final GatewayConfig config = base.withCluster(base.cluster().asMember(id, base.cluster().members(), portBase, 1500));
        final TestNode node = new TestNode(config, root.resolve("node" + id));
        synchronized (nodes)
        {
            nodes.set(id, node);
        }
        return node;
    }

    TestNode node(final int id)
    {
        return nodes.get(id);
    }

    void stop(final int id)
    {
        final TestNode node = nodes.get(id);
        if (node != null)
        {
            node.close();
            nodes.set(id, null);
        }
    }

    /** The member that leads now, waiting (bounded) for an election to finish. */
    TestNode leader(final long timeoutMillis) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline)
        {
            for (final TestNode node : nodes)
            {
                if (node != null && node.node.isLeader())
                {
                    return node;
                }
            }
            Thread.sleep(20);  // polling a condition with a deadline
        }
        throw new AssertionError("no leader within " + timeoutMillis + " ms");
    }

    /** A majority lost: the member left alone, the command it took that no majority can commit (sent at sentNanos), the two stopped. */
    record Loss(TestNode lone, CompletableFuture<TestNode.Answer> offered, long sentNanos, int back, int other)
    {
    }

    /** {@code answer} once it comes within {@code millis}; the test fails, saying which {@code what}, when it does not. */
    static TestNode.Answer answerWithin(final CompletableFuture<TestNode.Answer> answer, final long millis, final String what)
        throws Exception
    {
        try
        {
            return answer.get(millis, TimeUnit.MILLISECONDS);
        }
        catch (final TimeoutException ex)
        {
            throw new AssertionError(what + " was not answered within " + millis + " ms", ex);
        }
    }

    /**
     * Stops both followers of the leader, then sends {@code type} through the leader left alone, so that a leader no
     * majority follows takes it (appends it, uncommitted). Aeron may spoil that set-up: a leader that misses its
     * followers' heartbeats for a moment while they are being stopped steps down, and may be elected again with the vote
     * of the one not stopped yet; it then waits in that election for good ({@link ClusterNode#takesCommands}), so the
     * command meets no leader and is refused. Then both are started again and the set-up made anew (three tries).
     */
    Loss loseTheMajorityWithACommandOffered(final CommandType type, final Consumer<BodyWriter> body) throws Exception
    {
        for (int attempt = 1; ; attempt++)
        {
            final TestNode lone = leader(30_000);
            // taken and committed: this member's client has a session, and the command below is offered at once
            if (createdOnceALeaderTakes(lone, "set-up-" + attempt) != ResultCode.CREATED)
            {
                throw new AssertionError("the set-up's account was not created");
            }
            final int back = (lone.memberId + 1) % 3;
            final int other = (lone.memberId + 2) % 3;
            stop(back);
            stop(other);
            final boolean leading = lone.node.takesCommands();
            final long sentNanos = System.nanoTime();
            final CompletableFuture<TestNode.Answer> sent = lone.send(type, body);
            awaitTrue(() -> lone.offered(sent) || sent.isDone(), "the ingress offers or refuses the command");
            if (leading && lone.offered(sent) && lone.node.takesCommands())
            {
                return new Loss(lone, sent, sentNanos, back, other);
            }
            if (attempt == 3)
            {
                throw new AssertionError("three times the leader stopped taking commands before both followers were stopped");
            }
            start(back);
            start(other);
            sent.get(60, TimeUnit.SECONDS);  // refused, or (offered after all) committed now that a majority is back
        }
    }

    /** Sends a new account until a leader takes it: refusals (503) are expected until the member's client connects. */
    static ResultCode createdOnceALeaderTakes(final TestNode via, final String account) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true)
        {
            final TestNode.Answer answer = via.await(CommandType.CREATE_ACCOUNT, w -> account(w, account));
            if (answer.result() != ResultCode.NOT_READY)
            {
                return answer.result();
            }
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("no leader took a command within 30 s");
            }
        }
    }

    /**
     * A market buy of paper-1 sent until a leader takes it: the same client order id each time, so a repeat answers with
     * the first order (DUPLICATE); only refusals for want of a leader (503) are retried, for up to 30 s.
     *
     * @return the order's id
     */
    static long orderOnceALeaderTakes(final TestNode via, final String clientOrderId) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true)
        {
            final TestNode.Answer answer = via.await(CommandType.NEW_ORDER, w -> market(w, "paper-1", Side.BUY, clientOrderId));
            if (answer.result() == ResultCode.CREATED || answer.result() == ResultCode.DUPLICATE)
            {
                return answer.orderId();
            }
            assertEquals(ResultCode.NOT_READY, answer.result(), answer.toString());
            assertTrue(System.currentTimeMillis() < deadline, "a leader takes an order within 30 s");
        }
    }

    /**
     * The member's state digest, read through its log once it takes reads: refused (503) while its client (re)connects
     * after a restart or an election. So, too, after every command committed before it.
     */
    static String digestOnceALeaderTakes(final TestNode via) throws Exception
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (true)
        {
            final TestNode.Answer answer = via.await(CommandType.STATE_DIGEST, w -> { });
            if (answer.result() != ResultCode.NOT_READY)
            {
                return TestNode.digestOf(answer);
            }
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("member " + via.memberId + " took no read within 30 s");
            }
        }
    }

    /** Waits (30 s at most) for {@code condition}, polling it. */
    static void awaitTrue(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean())
        {
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError(what + " within 30 s");
            }
            Thread.sleep(20);  // polling a condition with a deadline
        }
    }

    /**
     * Publishes a system command on a member's ring as the gateway's publisher does (a reply target that is only an
     * identity); returns its ring sequence.
     */
    static long publishSystem(final com.lmax.disruptor.RingBuffer<io.ordergate.engine.command.CommandEvent> ring, final CommandType type,
        final long wallMicros, final Consumer<BodyWriter> body)
    {
        final long sequence = ring.next();
        final io.ordergate.engine.command.CommandEvent event = ring.get(sequence);
        event.reset(type);
        event.header(io.ordergate.engine.command.CommandFrame.PRINCIPAL_SYSTEM, wallMicros, sequence,
            io.ordergate.engine.command.CommandFrame.SOURCE_SYSTEM);
        final BodyWriter writer = new BodyWriter();
        body.accept(writer.wrap(event.frame, io.ordergate.engine.command.CommandFrame.BODY_OFFSET));
        event.bodyLength(writer.length());
        event.replyTo = new Object();
        ring.publish(sequence);
        return sequence;
    }

    static void account(final io.ordergate.engine.command.BodyWriter writer, final String id)
    {
        CommandBodies.createAccount(writer, id, io.ordergate.config.VenueKind.PAPER.code(), "USD", 100_000L * WIRE, 100);
    }

    static void quote(final io.ordergate.engine.command.BodyWriter writer, final long bid, final long ask)
    {
        CommandBodies.quotesHeader(writer, 1);
        CommandBodies.quote(writer, "EURUSD", bid, ask);
    }

    static void market(final io.ordergate.engine.command.BodyWriter writer, final String account, final Side side, final String clientOrderId)
    {
        NewOrderBody.encode(writer, account, "EURUSD", side, OrderType.MARKET, TimeInForce.IOC, 0, WIRE / 100,
            0, 0, 0, 0, 0, clientOrderId);
    }

    @Override
    public void close()
    {
        for (int id = 0; id < nodes.size(); id++)
        {
            stop(id);
        }
    }
}
