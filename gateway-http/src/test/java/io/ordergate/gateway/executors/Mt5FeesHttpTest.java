package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MT5 terminal's trade reports in the trade history and performance: a position opened by hand is a fill, its close
 * report another, carrying the deal's commission as the fill's fee and its swap in the realized PnL; a heartbeat's
 * balance that moved without a trade is a transfer (a deposit or a withdrawal), never PnL. By hand:
 *
 * <pre>
 *   mt5-1 made with 10000; heartbeat balance 10500 (a deposit of 500)
 *   open 0.10 EURUSD buy @1.09500 (ticket 5001); close @1.09800: profit 30.00, commission -0.70, swap -0.20
 *     trade: realized 29.80 (profit and swap), fee 0.70; balance 10529.10
 *   heartbeat balance 10529.10 (nothing new); heartbeat balance 10429.10 (a withdrawal of 100)
 *   performance: realized 29.80, fees 0.70, net 29.10, deposits 10500, withdrawals 100, return 29.10 / 10500
 * </pre>
 */
class Mt5FeesHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void reportsAreFillsWithTheirCommissionAndABalanceMovedByHandIsATransfer()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            beat(gateway, executor, "10500.00");
            final GatewayHarness.Response opened = gateway.call("POST", "/api/trade", String.join("",
                "{\"executorId\":\"", executor.id(), "\",\"ticket\":\"5001\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":0.10,",
                "\"openTime\":\"2026-12-01T10:00:00Z\",\"openPrice\":1.09500}"), executor.key(), executor.secret());
            assertEquals(200, opened.status(), opened.body());
            final GatewayHarness.Response closed = gateway.call("POST", "/api/trade", String.join("",
                "{\"executorId\":\"", executor.id(), "\",\"ticket\":\"5001\",\"closeTime\":\"2026-12-01T11:00:00Z\",\"closePrice\":1.09800,",
                "\"commission\":-0.70,\"swap\":-0.20,\"profit\":30.00}"), executor.key(), executor.secret());
            assertEquals("closed", closed.at("trade", "status"), closed.body());
            assertEquals(0, new BigDecimal("10529.1").compareTo((BigDecimal)gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("balance")));

            final List<?> trades = (List<?>)gateway.admin("GET", "/api/v1/trades?account_id=mt5-1", null).at("trades");
            assertEquals(2, trades.size(), trades::toString);
            final Map<?, ?> close = (Map<?, ?>)trades.get(0);
            assertEquals("sell", close.get("side"));
            same("1.098", close.get("price"));
            same("29.8", close.get("realized_pnl"));
            same("0.7", close.get("fee"));
            final Map<?, ?> open = (Map<?, ?>)trades.get(1);
            assertEquals("buy", open.get("side"));
            same("1.095", open.get("price"));
            same("0", open.get("fee"));
            assertEquals(open.get("position_id"), close.get("position_id"));
            final Map<?, ?> closedPosition = (Map<?, ?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1", null).at("positions", 0);
            same("0.7", closedPosition.get("fee"));
            same("29.1", closedPosition.get("pnl"));

            beat(gateway, executor, "10529.10");
            beat(gateway, executor, "10429.10");
            final GatewayHarness.Response performance = gateway.admin("GET", "/api/v1/accounts/mt5-1/performance", null);
            assertEquals(200, performance.status(), performance.body());
            same("29.8", performance.at("metrics", "realized_pnl"));
            same("0.7", performance.at("metrics", "fees"));
            same("29.1", performance.at("metrics", "net_pnl"));
            same("10500", performance.at("metrics", "deposits"));
            same("100", performance.at("metrics", "withdrawals"));
            same("10500", performance.at("metrics", "starting_equity"));
            same("0.27714286", performance.at("metrics", "return_pct"));
            assertEquals(1, ((Number)performance.at("metrics", "trades")).intValue());
            same("1", performance.at("metrics", "win_rate"));
        }
    }

    @Test
    void aGroupsWebsocketHealthIsItsMembersLinks()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(201, gateway.admin("POST", "/api/v1/accounts", "{\"account_id\": \"paper-h\", \"balance\": 1000}").status());
            final GatewayHarness.Response group = gateway.admin("POST", "/api/v1/groups/",
                "{\"name\": \"health\", \"accounts\": [\"mt5-1\", \"paper-h\"]}");
            assertEquals(201, group.status(), group.body());
            final String metrics = "/api/v1/groups/" + group.at("data", "group", "id") + "/metrics";

            GatewayHarness.Response answer = gateway.admin("GET", metrics, null);
            assertEquals(200, answer.status(), answer.body());
            assertEquals(Boolean.FALSE, answer.at("data", "websocket_health", "healthy"), answer.body());
            assertEquals("offline", answer.at("data", "websocket_health", "accounts", "mt5-1", "status"));
            assertEquals(executor.id(), answer.at("data", "websocket_health", "accounts", "mt5-1", "executor_id"));
            assertEquals(null, answer.at("data", "websocket_health", "accounts", "mt5-1", "last_heartbeat"));
            assertEquals("connected", answer.at("data", "websocket_health", "accounts", "paper-h", "status"));
            assertEquals("embedded", answer.at("data", "websocket_health", "accounts", "paper-h", "channel"));
            assertEquals(1, ((Number)answer.at("data", "websocket_health", "disconnected")).intValue());

            beat(gateway, executor, "10000");
            answer = gateway.admin("GET", metrics, null);
            assertEquals(Boolean.TRUE, answer.at("data", "websocket_health", "healthy"), answer.body());
            assertEquals("online", answer.at("data", "websocket_health", "accounts", "mt5-1", "status"));
            assertEquals(Boolean.FALSE, answer.at("data", "websocket_health", "accounts", "mt5-1", "websocket"), "it polls over HTTP");
            assertEquals(2, ((Number)answer.at("data", "websocket_health", "connected")).intValue());
        }
    }

    private static void beat(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String balance)
    {
        final GatewayHarness.Response beat = gateway.call("POST", "/api/executor/" + executor.id() + "/heartbeat",
            "{\"status\":\"online\",\"metadata\":{\"accountBalance\":\"" + balance + "\"}}", executor.key(), executor.secret());
        assertEquals(200, beat.status(), beat.body());
    }

    private static void same(final String expected, final Object actual)
    {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(String.valueOf(actual))), expected + " vs " + actual);
    }
}
