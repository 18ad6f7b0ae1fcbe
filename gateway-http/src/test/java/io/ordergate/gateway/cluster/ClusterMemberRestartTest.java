package io.ordergate.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.secrets.MasterKeys;

/**
 * A cluster member started again at once after {@code kill -9}, as a supervisor restarts a crashed service: Aeron
 * takes the killed process's mark files as alive for some seconds, and the member waits that out itself instead of
 * exiting. A second process on a running member's directory is refused at once, saying why. One-member clusters in
 * child processes (real Aeron, real files, real kill).
 */
class ClusterMemberRestartTest
{
    @TempDir
    Path dir;

    @Test
    void aMemberStartedAgainRightAfterKillNineWaitsForTheStaleMarkFilesAndKeepsItsOrders() throws Exception
    {
        final int httpPort = freePort();
        final Path config = Files.writeString(dir.resolve("node0.yaml"), config(httpPort, dir.resolve("node0")));
        final String url = "http://127.0.0.1:" + httpPort;
        try (NodeProcesses nodes = new NodeProcesses(List.of(config), environment()))
        {
            nodes.start(0);
            assertTrue(nodes.awaitHealthy(0, url, 60_000), "the member started; its log ends:\n" + nodes.logTail(0));
            final ClusterClient client = new ClusterClient(url);
            client.ok("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}");
            final JsonNode order = client.ok("POST", "/api/v1/orders",
                "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.10}");
            final String orderId = order.path("order_id").asText();

            nodes.kill(0);
            nodes.start(0);  // no pause: the killed process's mark files still look alive now

            assertTrue(nodes.awaitHealthy(0, url, 60_000), "the member started again; its log ends:\n" + nodes.logTail(0));
            assertTrue(Files.readString(dir.resolve("node0.log")).contains("starting when they are stale"),
                "the member said it waited for the killed process's mark files; its log ends:\n" + nodes.logTail(0));
            final JsonNode after = new ClusterClient(url).ok("GET", "/api/v1/orders/" + orderId, null);
            assertEquals("filled", after.path("status").asText(), after.toString());
        }
    }

    @Test
    void aSecondProcessOnARunningMembersDirectoryIsRefusedSayingWhy() throws Exception
    {
        final Path data = dir.resolve("node0");
        final int httpPort = freePort();
        final Path running = Files.writeString(dir.resolve("node0.yaml"), config(httpPort, data));
        final Path second = Files.writeString(dir.resolve("node1.yaml"), config(freePort(), data));
        try (NodeProcesses nodes = new NodeProcesses(List.of(running, second), environment()))
        {
            nodes.start(0);
            assertTrue(nodes.awaitHealthy(0, "http://127.0.0.1:" + httpPort, 60_000), "the member started; its log ends:\n" + nodes.logTail(0));

            final Process refused = nodes.start(1);

            assertTrue(refused.waitFor(60, TimeUnit.SECONDS), "the second process ended; its log ends:\n" + nodes.logTail(1));
            assertEquals(1, refused.exitValue(), nodes.logTail(1));
            assertTrue(Files.readString(dir.resolve("node1.log")).contains("member.lock is locked"), nodes.logTail(1));
            assertTrue(NodeProcesses.awaitHealthy("http://127.0.0.1:" + httpPort, 5_000), "the running member still answers");
        }
    }

    private static Map<String, String> environment()
    {
        return Map.of("ORDERGATE_API_KEY", ClusterClient.KEY, "ORDERGATE_API_SECRET", ClusterClient.SECRET, MasterKeys.KEY_ENV, MasterKeys.generate());
    }

    private static String config(final int httpPort, final Path dataDir)
    {
        // 5 UDP ports from port_base, away from the three-member tests' ranges
        final int portBase = 47_000 + 10 * ThreadLocalRandom.current().nextInt(200);
        return String.join("\n",
            "server: { host: 127.0.0.1, port: " + httpPort + " }",
            "data_dir: \"" + dataDir.toAbsolutePath() + "\"",
            "pipeline: { ring_size: 1024 }",
            // small tables: an empty engine of the default sizes snapshots ~100 MB
            "engine: { max_accounts: 64, max_orders: 4096, max_trades: 4096, max_keys: 64, max_tickets: 64,",
            "          max_groups: 4, max_bots: 4, max_executor_commands: 64, max_users: 64, max_hedge_positions: 64, max_experts: 16 }",
            "instruments:",
            "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
            "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD, demo_bid: 1.08420, demo_ask: 1.08428 }",
            "accounts:",
            "  - { account_id: paper-1, venue: paper, currency: USD, balance: 100000, leverage: 100 }",
            "demo: { quote_feed: false, simulated_terminal: false, simulated_exchange: false }",
            "cluster: { enabled: true, member_id: 0, members: [127.0.0.1], port_base: " + portBase + " }",
            "");
    }

    private static int freePort() throws java.io.IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }
}
