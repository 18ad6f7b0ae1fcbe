package io.ordergate.benchmarks.failover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.ordergate.gateway.cluster.NodeConfigs;
import io.ordergate.gateway.cluster.NodeProcesses;

/**
 * One fail-over trial, as an operator would run it: three gateways as one cluster, each its own JVM on loopback;
 * clients place orders at a steady pace through every member; {@code kill -9} of the leader; the two left elect a
 * new one while the clients go on, moving to another member when theirs does not answer (retrying with the same
 * client order id, so a repeat returns the first order); then every acknowledged order is read back from the new
 * leader: it must be there with the same id, client order id and state.
 */
public final class FailoverDrill
{
    private static final long START_TIMEOUT_MILLIS = 180_000;
    private static final long ELECTION_TIMEOUT_MILLIS = 60_000;

    private FailoverDrill()
    {
    }

    /** How to run a trial. */
    public record Settings(Path dir, int httpPort, int clusterPortBase, int heartbeatMillis, int clients, long pauseMillis,
        long loadBeforeMillis, long loadAfterMillis, Path gatewayJar)
    {
    }

    /** What a trial found. {@code latenciesNanos}: acknowledged orders' round trips (before the kill). */
    public record Trial(int acknowledged, int lost, long newLeaderMillis, int oldLeader, int newLeader, boolean survivorsAgree,
        List<Long> latenciesNanos)
    {
    }

    public static Trial run(final Settings settings) throws Exception
    {
        final List<Path> configs = NodeConfigs.write(new NodeConfigs.Layout(settings.dir(), settings.httpPort(), settings.clusterPortBase(),
            settings.heartbeatMillis(), false));
        final String key = "og_drill" + Long.toHexString(System.nanoTime());
        final String secret = "drill-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        final DrillClient client = new DrillClient(key, secret);
        final String[] urls = new String[NodeConfigs.MEMBERS];
        try (NodeProcesses nodes = new NodeProcesses(configs, Map.of("ORDERGATE_API_KEY", key, "ORDERGATE_API_SECRET", secret),
            settings.gatewayJar()))
        {
            for (int id = 0; id < urls.length; id++)
            {
                urls[id] = "http://127.0.0.1:" + (settings.httpPort() + id);
                nodes.start(id);
            }
            for (int id = 0; id < urls.length; id++)
            {
                if (!nodes.awaitHealthy(id, urls[id], START_TIMEOUT_MILLIS))
                {
                    throw new IllegalStateException(urls[id] + " did not start; its log ends:\n" + nodes.logTail(id));
                }
            }
            final int oldLeader = leader(client, urls, -1, ELECTION_TIMEOUT_MILLIS);
            client.quote(urls[oldLeader]);

            final boolean[] down = new boolean[urls.length];
            final ConcurrentLinkedQueue<DrillClient.Ack> acknowledged = new ConcurrentLinkedQueue<>();
            final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicBoolean killed = new AtomicBoolean();
            final AtomicInteger next = new AtomicInteger();
            final List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++)
            {
                final int clientIndex = c;
                final Thread thread = new Thread(() -> load(client, urls, down, clientIndex, next, running, killed, acknowledged, latencies,
                    settings.pauseMillis()), "drill-client-" + c);
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(settings.loadBeforeMillis());  // the load's duration, not a synchronisation
            down[oldLeader] = true;
            killed.set(true);
            final long killedAt = System.nanoTime();
            nodes.kill(oldLeader);
            final int newLeader = leader(client, urls, oldLeader, ELECTION_TIMEOUT_MILLIS);
            final long newLeaderMillis = (System.nanoTime() - killedAt) / 1_000_000L;
            Thread.sleep(settings.loadAfterMillis());
            running.set(false);
            for (final Thread thread : threads)
            {
                thread.join();
            }
            int lost = 0;
            for (final DrillClient.Ack ack : acknowledged)
            {
                final DrillClient.Ack held = client.read(urls[newLeader], ack.orderId());
                if (held == null || held.orderId() != ack.orderId() || !ack.clientOrderId().equals(held.clientOrderId()) ||
                    !ack.status().equals(held.status()))
                {
                    lost++;
                }
            }
            final int survivor = 3 - oldLeader - newLeader;
            final String digest = client.digest(urls[newLeader]);
            final boolean agree = digest != null && digest.equals(client.digest(urls[survivor]));
            return new Trial(acknowledged.size(), lost, newLeaderMillis, oldLeader, newLeader, agree, new ArrayList<>(latencies));
        }
    }

    /**
     * The same clients, at the same pace, against one gateway of the same configuration in the single-node form (the
     * journal, no cluster), for {@code loadBeforeMillis}: the acknowledged orders' round trips, to set beside a
     * trial's (the cost of replication, measured at the same moment on the same machine).
     */
    public static List<Long> singleNode(final Settings settings) throws Exception
    {
        final Path config = NodeConfigs.writeSingle(settings.dir().resolve("single"), settings.httpPort() + NodeConfigs.MEMBERS);
        final String key = "og_drill" + Long.toHexString(System.nanoTime());
        final String secret = "drill-secret-" + Long.toHexString(Double.doubleToLongBits(Math.random()));
        final DrillClient client = new DrillClient(key, secret);
        final String[] urls = {"http://127.0.0.1:" + (settings.httpPort() + NodeConfigs.MEMBERS)};
        try (NodeProcesses node = new NodeProcesses(List.of(config), Map.of("ORDERGATE_API_KEY", key, "ORDERGATE_API_SECRET", secret),
            settings.gatewayJar()))
        {
            node.start(0);
            if (!node.awaitHealthy(0, urls[0], START_TIMEOUT_MILLIS))
            {
                throw new IllegalStateException(urls[0] + " did not start; its log ends:\n" + node.logTail(0));
            }
            client.quote(urls[0]);
            final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            final AtomicBoolean running = new AtomicBoolean(true);
            final AtomicInteger next = new AtomicInteger();
            final List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++)
            {
                final int clientIndex = c;
                final Thread thread = new Thread(() -> load(client, urls, new boolean[1], clientIndex, next, running, new AtomicBoolean(),
                    new ConcurrentLinkedQueue<>(), latencies, settings.pauseMillis()), "drill-single-" + c);
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(settings.loadBeforeMillis());  // the load's duration, not a synchronisation
            running.set(false);
            for (final Thread thread : threads)
            {
                thread.join();
            }
            return new ArrayList<>(latencies);
        }
    }

    /** One client: an order, a pause, the next; a member that does not take it is skipped for the next one. */
    private static void load(final DrillClient client, final String[] urls, final boolean[] down, final int clientIndex, final AtomicInteger next,
        final AtomicBoolean running, final AtomicBoolean killed, final ConcurrentLinkedQueue<DrillClient.Ack> acknowledged,
        final ConcurrentLinkedQueue<Long> latencies, final long pauseMillis)
    {
        int member = clientIndex % urls.length;
        while (running.get())
        {
            final String clientOrderId = "drill-" + next.incrementAndGet();
            final long deadline = System.currentTimeMillis() + ELECTION_TIMEOUT_MILLIS;
            DrillClient.Ack ack = null;
            while (ack == null && System.currentTimeMillis() < deadline)
            {
                if (!down[member])
                {
                    ack = client.order(urls[member], clientOrderId);
                }
                if (ack == null)
                {
                    member = (member + 1) % urls.length;  // reconnect to another member, same client order id
                    pause(20);
                }
            }
            if (ack != null)
            {
                acknowledged.add(ack);
                if (!killed.get())
                {
                    latencies.add(ack.latencyNanos());
                }
            }
            pause(pauseMillis);
        }
    }

    /** The member that reports itself leader (not {@code except}), polled until the deadline. */
    static int leader(final DrillClient client, final String[] urls, final int except, final long timeoutMillis) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline)
        {
            for (int id = 0; id < urls.length; id++)
            {
                if (id != except && "leader".equals(client.role(urls[id])))
                {
                    return id;
                }
            }
            Thread.sleep(10);  // polling a condition with a deadline
        }
        throw new IllegalStateException("no leader within " + timeoutMillis + " ms");
    }

    private static void pause(final long millis)
    {
        try
        {
            Thread.sleep(millis);  // the load's pace
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
