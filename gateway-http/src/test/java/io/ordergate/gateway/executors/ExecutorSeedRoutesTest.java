package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 000 over real HTTP against a real gateway: the flow step by step, its bodies, errors, priorities and limits. */
class ExecutorSeedRoutesTest
{
    @TempDir
    Path dataDir;

    private GatewayHarness gateway;
    private GatewayHarness.Executor executor;

    @BeforeEach
    void start()
    {
        gateway = GatewayHarness.start(dataDir, "heartbeat_limit: 5, command_limit: 4, trade_limit: 4");
        executor = gateway.registerExecutor("mt5-1");
    }

    @AfterEach
    void stop()
    {
        gateway.close();
    }

    @Test
    void shouldRegisterAnExecutorShowingTheSecretOnce()
    {
        assertTrue(executor.key().startsWith("exe_"));
        assertEquals(48, executor.secret().length());
        final GatewayHarness.Response listed = gateway.admin("GET", "/api/v1/executors", null);
        assertEquals(200, listed.status());
        final Map<?, ?> shown = (Map<?, ?>)listed.at("executors", 0);
        assertEquals(executor.id(), shown.get("executor_id"));
        assertEquals("offline", shown.get("status"));
        assertEquals("mt5-1", shown.get("account_id"));
        assertTrue(!listed.body().contains(executor.secret()));
        assertEquals(409, gateway.admin("POST", "/api/v1/executors", "{\"name\":\"x\",\"account_id\":\"mt5-1\"}").status());
        assertEquals("VALIDATION_ERROR", gateway.admin("POST", "/api/v1/executors", "{\"name\":\"x\",\"account_id\":\"nope\"}")
            .at("error", "code"));
    }

    @Test
    void shouldSpeakTheSeedFlowStepByStep()
    {
        final GatewayHarness.Response beat = gateway.heartbeat(executor);
        assertEquals(200, beat.status());
        assertEquals(Boolean.TRUE, beat.at("success"));
        assertEquals(executor.id(), beat.at("executor", "id"));
        assertEquals("My MT5 Executor", beat.at("executor", "name"));
        assertEquals("online", beat.at("executor", "status"));
        assertNotNull(beat.at("executor", "lastHeartbeat"));
        assertEquals(List.of(), beat.at("pendingCommands"));
        assertNotNull(beat.at("timestamp"));

        final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
            "{\"command\":\"CLOSE_ALL_POSITIONS\",\"parameters\":{},\"priority\":\"URGENT\"}");
        assertEquals(201, created.status());
        final String commandId = (String)created.at("command_id");

        final Map<?, ?> pending = (Map<?, ?>)gateway.heartbeat(executor).at("pendingCommands", 0);
        assertEquals(List.of("id", "command", "parameters", "priority", "createdAt"), List.copyOf(pending.keySet()));
        assertEquals(commandId, pending.get("id"));
        assertEquals("CLOSE_ALL_POSITIONS", pending.get("command"));
        assertEquals(Map.of(), pending.get("parameters"));
        assertEquals("URGENT", pending.get("priority"));

        final GatewayHarness.Response done = gateway.result(executor, commandId, "executed",
            "{\"success\":true,\"message\":\"All positions closed successfully\",\"details\":{\"closedPositions\":3,\"totalProfit\":150.50}}");
        assertEquals(200, done.status());
        assertEquals(Boolean.TRUE, done.at("success"));
        assertEquals(commandId, done.at("command", "id"));
        assertEquals("executed", done.at("command", "status"));
        assertNotNull(done.at("command", "executedAt"));
        assertEquals(done.json(), gateway.result(executor, commandId, "failed", "{\"success\":false}").json());
        assertEquals(List.of(), gateway.heartbeat(executor).at("pendingCommands"));

        final GatewayHarness.Response opened = gateway.call("POST", "/api/trade", String.join("",
            "{\"executorId\":\"", executor.id(), "\",\"strategyId\":\"strat_xxx\",\"ticket\":\"12345678\",\"symbol\":\"EURUSD\",",
            "\"type\":\"BUY\",\"lots\":0.01,\"openTime\":\"2024-01-15T10:30:00Z\",\"openPrice\":1.0950,\"stopLoss\":1.0900,",
            "\"takeProfit\":1.1000,\"magicNumber\":12345,\"comment\":\"Strategy: Scalper v1\"}"), executor.key(), executor.secret());
        assertEquals(200, opened.status());
        assertEquals(Boolean.TRUE, opened.at("success"));
        assertEquals("12345678", opened.at("trade", "ticket"));
        assertEquals("open", opened.at("trade", "status"));
        assertTrue(((String)opened.at("trade", "id")).startsWith("trade_"));
        final Map<?, ?> position = (Map<?, ?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions", 0);
        assertEquals("12345678", position.get("ticket"));
        assertEquals(new BigDecimal("1.095"), position.get("open_price"));

        final GatewayHarness.Response closed = gateway.call("POST", "/api/trade", String.join("",
            "{\"executorId\":\"", executor.id(), "\",\"ticket\":\"12345678\",\"closeTime\":\"2024-01-15T11:30:00Z\",\"closePrice\":1.0980,",
            "\"commission\":0.50,\"swap\":0.10,\"profit\":30.00,\"pips\":30}"), executor.key(), executor.secret());
        assertEquals("closed", closed.at("trade", "status"));
        assertEquals(opened.at("trade", "id"), closed.at("trade", "id"));
        assertEquals(new BigDecimal("10030.6"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("balance"));
        assertEquals(List.of(), gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"));
    }

    @Test
    void shouldAnswerSeedErrorBodies()
    {
        final String path = "/api/executor/" + executor.id() + "/heartbeat";
        final GatewayHarness.Response noKey = gateway.call("POST", path, "{}", null, null);
        assertEquals(401, noKey.status());
        assertEquals(Map.of("error", "Invalid API credentials", "code", "INVALID_CREDENTIALS"), noKey.json());
        assertEquals(401, gateway.call("POST", path, "{}", executor.key(), "wrong").status());

        final GatewayHarness.Executor other = gateway.registerExecutor("mt5-2");
        final GatewayHarness.Response foreign = gateway.call("POST", path, "{}", other.key(), other.secret());
        assertEquals(401, foreign.status());
        assertEquals("INVALID_CREDENTIALS", foreign.at("code"));
        final GatewayHarness.Response unknown = gateway.call("POST", "/api/executor/nobody/heartbeat", "{}", executor.key(), executor.secret());
        assertEquals(404, unknown.status());
        assertEquals(Map.of("error", "Executor not found", "code", "EXECUTOR_NOT_FOUND"), unknown.json());

        final GatewayHarness.Response bad = gateway.call("PATCH", "/api/executor/" + executor.id() + "/command",
            "{\"commandId\":\"cmd_1\",\"status\":\"maybe\"}", executor.key(), executor.secret());
        assertEquals(400, bad.status());
        assertEquals("VALIDATION_ERROR", bad.at("code"));
        assertTrue(bad.at("error") instanceof String);
        final GatewayHarness.Response missing = gateway.result(executor, "cmd_999", "executed", "{\"success\":true}");
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.at("code"));
        final GatewayHarness.Response trade = gateway.call("POST", "/api/trade",
            "{\"executorId\":\"" + other.id() + "\",\"ticket\":\"1\",\"closePrice\":1}", executor.key(), executor.secret());
        assertEquals(401, trade.status());
    }

    @Test
    void shouldListPendingCommandsByPriorityThenArrival()
    {
        for (final String[] command : new String[][] {{"GET_STATUS", "LOW"}, {"PAUSE", "HIGH"}, {"RESUME", "NORMAL"},
            {"STOP_ALL", "URGENT"}, {"RESTART", "HIGH"}})
        {
            assertEquals(201, gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
                "{\"command\":\"" + command[0] + "\",\"priority\":\"" + command[1] + "\"}").status());
        }
        final List<?> pending = (List<?>)gateway.heartbeat(executor).at("pendingCommands");
        assertEquals(List.of("STOP_ALL", "PAUSE", "RESTART", "RESUME", "GET_STATUS"),
            pending.stream().map(c -> ((Map<?, ?>)c).get("command")).toList());
        assertEquals(5, ((BigDecimal)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_command_count")).intValue());
        assertEquals(400, gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands", "{\"command\":\"OPEN_POSITION\"}").status());
    }

    @Test
    void shouldTakeACommandAndItsPriorityInAnyLetterCaseAsAPIMdsEnumerations()
    {
        final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
            "{\"command\":\"pause\",\"priority\":\"High\"}");
        assertEquals(201, created.status(), created.body());
        final Map<?, ?> pending = (Map<?, ?>)gateway.heartbeat(executor).at("pendingCommands", 0);
        assertEquals("PAUSE", pending.get("command"), "answered in the case seed 000's executors compare");
        assertEquals("HIGH", pending.get("priority"));
    }

    @Test
    void shouldLimitEachRouteWithTheSeedBodyAndRetryAfter()
    {
        for (int i = 0; i < 5; i++)
        {
            assertEquals(200, gateway.heartbeat(executor).status());
        }
        final GatewayHarness.Response limited = gateway.heartbeat(executor);
        assertEquals(429, limited.status());
        assertEquals("Rate limit exceeded", limited.at("error"));
        assertEquals("RATE_LIMIT_EXCEEDED", limited.at("code"));
        final int retryAfter = ((BigDecimal)limited.at("retryAfter")).intValue();
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "retryAfter " + retryAfter);
        assertEquals(String.valueOf(retryAfter), limited.raw().headers().firstValue("Retry-After").orElse(null));

        for (int i = 0; i < 4; i++)
        {
            assertEquals(404, gateway.result(executor, "cmd_" + (100 + i), "executed", "{}").status());
        }
        assertEquals(429, gateway.result(executor, "cmd_1", "executed", "{}").status());

        final String trade = "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"5\",\"symbol\":\"EURUSD\",\"type\":\"SELL\",\"lots\":1,\"openPrice\":1.1}";
        for (int i = 0; i < 4; i++)
        {
            assertEquals(200, gateway.call("POST", "/api/trade", trade, executor.key(), executor.secret()).status());
        }
        final GatewayHarness.Response tradeLimited = gateway.call("POST", "/api/trade", trade, executor.key(), executor.secret());
        assertEquals(429, tradeLimited.status());
        assertNotNull(tradeLimited.at("retryAfter"));
        final GatewayHarness.Executor other = gateway.registerExecutor("mt5-2");
        assertEquals(200, gateway.heartbeat(other).status());  // limits are per executor
    }

    @Test
    void shouldRejectAnOrderWithExecutorOfflineUntilTheExecutorHeartbeats()
    {
        gateway.quote("1.08420", "1.08428");
        final GatewayHarness.Response offline = gateway.buy("mt5-1", "0.10");
        assertEquals(422, offline.status());
        assertEquals("EXECUTOR_OFFLINE", offline.at("error", "code"));
        assertEquals("rejected", offline.at("status"));
        assertNotNull(offline.at("order_id"));

        gateway.heartbeat(executor);
        final GatewayHarness.Response routed = gateway.buy("mt5-1", "0.10");
        assertEquals(201, routed.status());
        assertEquals("routed", routed.at("status"));
        final Map<?, ?> command = (Map<?, ?>)gateway.heartbeat(executor).at("pendingCommands", 0);
        assertEquals("ord_" + routed.at("order_id") + "_1", command.get("id"));
        assertEquals("OPEN_POSITION", command.get("command"));
        assertNull(gateway.admin("GET", "/api/v1/orders/" + routed.at("order_id"), null).at("venue_order_id"));
    }
}
