package io.ordergate.gateway.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.config.secrets.MasterKeys;
import io.ordergate.simulators.exchange.Faults;
import io.ordergate.simulators.exchange.SimulatedExchange;
import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * The venues follow the leader through a {@code kill -9}: three gateway JVMs as one cluster on loopback, an exchange
 * account on the simulated exchange (in this JVM, outliving every member) and an MT5 executor (the simulated terminal)
 * attached to a member that does not lead. Only the leader links to the exchange; an exchange order is sent, filled at
 * the exchange, and the leader is killed before it hears of the fill; the new leader opens its own link and reconciles
 * the order by its client order id: the fill is booked once and the exchange saw one order. The executor, attached to
 * a follower, is served before and after the change of leader. An outbound webhook hears each fill once (only the
 * leader sends), a price stream on a follower sees a quote another member took, and sync-balance asked of a follower is
 * answered with the balances the leader read.
 */
class ClusterVenuesFailoverTest
{
    private static final long START_MILLIS = 180_000;
    private static final String EXCHANGE_KEY = "simclusterkey0123456789";
    private static final String EXCHANGE_SECRET = "sim-cluster-secret-0123456789";
    /** One heartbeat at connect, then none during the test: the executor's commands can only reach it pushed. */
    private static final int HEARTBEAT_SECONDS = 240;

    @TempDir
    Path dir;

    private PriceStream prices;

    @AfterEach
    void closeStream()
    {
        if (prices != null)
        {
            prices.close();
        }
    }

    @Test
    void exchangeLinksAndExecutorsFollowTheLeaderThroughAKillNine() throws Exception
    {
        final int slot = ThreadLocalRandom.current().nextInt(40);
        final int httpBase = 18_700 + 10 * slot;
        final String[] urls = new String[NodeConfigs.MEMBERS];
        final Map<String, String> environment = Map.of("ORDERGATE_API_KEY", ClusterClient.KEY, "ORDERGATE_API_SECRET", ClusterClient.SECRET,
            MasterKeys.KEY_ENV, MasterKeys.generate());  // every member opens the credentials the log holds sealed
        try (SimulatedExchange exchange = SimulatedExchange.start(0); WebhookReceiver hooks = WebhookReceiver.start())
        {
            exchange.addAccount(EXCHANGE_KEY, EXCHANGE_SECRET, Map.of("USDT", "100000"));
            exchange.quote("BTCUSDT", "65000.00", "65001.00");
            final List<Path> configs = new ArrayList<>();
            for (int id = 0; id < urls.length; id++)
            {
                urls[id] = "http://127.0.0.1:" + (httpBase + id);
                configs.add(Files.writeString(dir.resolve("node" + id + ".yaml"), config(id, httpBase + id, 34_000 + 100 * slot, exchange)));
            }
            try (NodeProcesses nodes = new NodeProcesses(configs, environment))
            {
                for (int id = 0; id < urls.length; id++)
                {
                    nodes.start(id);
                }
                for (int id = 0; id < urls.length; id++)
                {
                    assertTrue(nodes.awaitHealthy(id, urls[id], START_MILLIS), "member " + id + " started; its log ends:\n" + nodes.logTail(id));
                }
                final int leader = ClusterClient.leader(urls, -1);
                final int follower = (leader + 1) % urls.length;
                final ClusterClient client = new ClusterClient(urls[follower]);
                client.ok("POST", "/api/v1/quotes", "{\"symbol\":\"BTCUSDT\",\"bid\":65000.00,\"ask\":65001.00}");
                client.ok("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08500,\"ask\":1.08510}");
                // a stream on a member that does not lead sees the commands the others take
                prices = PriceStream.open(urls[follower] + "/ws/prices/BTCUSDT");
                new ClusterClient(urls[leader]).ok("POST", "/api/v1/quotes", "{\"symbol\":\"BTCUSDT\",\"bid\":65010.00,\"ask\":65011.00}");
                ClusterClient.await("the follower streams the leader's quote", () -> prices.saw("65010"));

                // the executor attaches to a member that does not lead, and is served there
                final JsonNode executor = client.ok("POST", "/api/v1/executors", "{\"name\":\"mt5\",\"platform\":\"MT5\",\"account_id\":\"mt5-1\"}");
                try (SimulatedTerminal terminal = new SimulatedTerminal(new SimulatedTerminal.Settings(URI.create(urls[follower]),
                    executor.path("executor_id").asText(), executor.path("api_key").asText(), executor.path("api_secret").asText(), HEARTBEAT_SECONDS),
                    new PriceSource.Fixed().set("EURUSD", "1.08500", "1.08510")).start())
                {
                    ClusterClient.await("the terminal online", () -> "online".equals(
                        client.ok("GET", "/api/v1/executors/" + executor.path("executor_id").asText(), null).path("status").asText()));
                    final String webhookId = client.ok("POST", "/api/v1/webhooks", "{\"url\":\"http://127.0.0.1:" + hooks.port()
                        + "/hook\",\"events\":[\"order_filled\"]}").path("webhook_id").asText();
                    final String first = client.ok("POST", "/api/v1/orders", mt5Order("mt5-a")).path("order_id").asText();
                    client.awaitStatus(first, "filled");
                    assertEquals(1, terminal.tradesDone());

                    // only the leader links to the exchange
                    client.ok("POST", "/api/v1/accounts/binance-1/update-credentials",
                        "{\"api_key\":\"" + EXCHANGE_KEY + "\",\"api_secret\":\"" + EXCHANGE_SECRET + "\"}");
                    ClusterClient.await("the leader's user stream is up", () -> exchange.openUserStreams() == 1);
                    // sync-balance on a member that does not lead: through the log to the leader's link, and back
                    final JsonNode synced = client.ok("POST", "/api/v1/accounts/binance-1/sync-balance", "{}");
                    assertTrue(synced.path("success").asBoolean(), synced.toString());
                    assertEquals(new BigDecimal("100000"), ClusterClient.decimal(synced.path("balance")), synced.toString());
                    assertEquals(1, exchange.openUserStreams(), "the follower opened no link of its own to answer it");
                    exchange.faults().failAfterPlacing(1, Faults.FailMode.NO_ANSWER).muteUserStreams(600_000);
                    final JsonNode placed = client.ok("POST", "/api/v1/orders", "{\"account_id\":\"binance-1\",\"symbol\":\"BTCUSDT\","
                        + "\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01,\"client_order_id\":\"x-1\"}");
                    assertEquals("routed", placed.path("status").asText(), placed.toString());
                    final String orderId = placed.path("order_id").asText();
                    ClusterClient.await("the exchange has the order", () -> exchange.orders(null).size() == 1);
                    assertEquals(1, exchange.openUserStreams(), "the members that do not lead have no link");

                    nodes.kill(leader);
                    exchange.faults().clear();
                    final int newLeader = ClusterClient.leader(urls, leader);
                    assertNotEquals(leader, newLeader);
                    final ClusterClient onLeader = new ClusterClient(urls[newLeader]);
                    final JsonNode order = onLeader.awaitStatus(orderId, "filled");
                    assertEquals(new BigDecimal("65001"), ClusterClient.decimal(order.path("average_price")));
                    final JsonNode positions = onLeader.ok("GET", "/api/v1/positions?account_id=binance-1", null);
                    assertEquals(new BigDecimal("0.01"), ClusterClient.decimal(positions.path("positions").path(0).path("quantity")), "booked once");
                    assertEquals(1, exchange.orders(null).size(), "never sent twice");
                    final ClusterClient survivor = new ClusterClient(urls[3 - leader - newLeader]);
                    survivor.awaitStatus(orderId, "filled");
                    ClusterClient.await("the new leader's user stream is up", () -> exchange.openUserStreams() == 1);

                    // the executor, still on the member it attached to, is served after the change of leader
                    final String second = client.ok("POST", "/api/v1/orders", mt5Order("mt5-b")).path("order_id").asText();
                    client.awaitStatus(second, "filled");
                    assertEquals(2, terminal.tradesDone(), "each command traded once");

                    // three fills, each delivered once, by the leader of the moment (orders entered through a follower)
                    ClusterClient.await("three fills delivered", () -> hooks.eventIds().size() == 3);
                    ClusterClient.await("the deliveries settled", () -> onLeader.ok("GET", "/api/v1/webhooks/" + webhookId + "/deliveries", null)
                        .toString().split("\"delivered\"", -1).length - 1 == 3);
                    assertEquals(3, hooks.posts(), "no delivery sent twice (no member but the leader sends): " + hooks.eventIds());
                    assertTrue(prices.saw("65010"), "the follower's price stream saw a quote taken by another member");
                }
            }
        }
    }

    private static String mt5Order(final String clientOrderId)
    {
        return "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1,"
            + "\"client_order_id\":\"" + clientOrderId + "\"}";
    }

    private String config(final int id, final int httpPort, final int clusterPortBase, final SimulatedExchange exchange)
    {
        final String rest = exchange.restUrl().toString();
        final String ws = exchange.streamUrl().toString();
        return String.join("\n",
            "server: { host: 127.0.0.1, port: " + httpPort + " }",
            "data_dir: \"" + dir.toAbsolutePath().resolve("node" + id) + "\"",
            "pipeline: { ring_size: 1024 }",
            "instruments:",
            "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
            "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
            "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,",
            "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
            "accounts:",
            "  - { account_id: mt5-1, venue: mt5, currency: USD, balance: 10000, leverage: 100 }",
            "  - { account_id: binance-1, venue: binance, currency: USD, balance: 100000, leverage: 1 }",
            "demo: { quote_feed: false, simulated_terminal: false }",
            "webhooks: { allow_private_targets: true }",
            "exchanges:",
            "  binance: { rest_url: \"" + rest + "\", futures_rest_url: \"" + rest + "\", stream_url: \"" + ws + "\", timeout_millis: 3000 }",
            "cluster: { enabled: true, member_id: " + id + ", members: [127.0.0.1, 127.0.0.1, 127.0.0.1], port_base: " + clusterPortBase
                + ", leader_heartbeat_timeout_millis: 1500 }",
            "");
    }
}
