package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's edges over real HTTP, with an executor played by hand on its WebSocket: the password reaches the executor
 * (and only it) in plain, a deal with a missing or wrong field is named in the sync's errors while the others are
 * stored, a result larger than the bound closes the socket and changes nothing (the page comes again), a terminal that
 * does not answer in time gets 202, bad bodies are refused, and a signed-in user reaches only the accounts they own.
 */
class InvestorInputTest
{
    private static final String AUTH = "auth: { signup: true, password_hash_memory_kib: 1024, password_hash_iterations: 1 }\n";

    @TempDir
    Path dataDir;

    @Test
    void shouldStoreTheGoodDealsNameTheBadOnesAndSurviveAnOversizedResult() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "investor_wait_seconds: 8", false))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            GatewayHarness.Socket socket = online(gateway, executor);

            final CompletableFuture<GatewayHarness.Response> connect = CompletableFuture.supplyAsync(() -> gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":\"777\",\"mt5Server\":\"B\",\"investorPassword\":\"p\\\"w\\\\1\"}"));
            final Map<String, Object> command = socket.nextCommand();
            assertEquals("CONNECT_INVESTOR", command.get("command"));
            assertEquals("p\"w\\1", GatewayHarness.at(command, "parameters", "investorPassword"), "opened, JSON-escaped, for the executor only");
            assertEquals("[sealed]", GatewayHarness.at(gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).json(),
                "pending_commands", 0, "parameters", "investorPassword"));
            socket.send(result(command.get("id"), "{\"success\":true,\"message\":\"ok\",\"details\":{\"status\":\"CONNECTED\"}}"));
            assertEquals("CONNECTED", connect.join().at("status"));

            final CompletableFuture<GatewayHarness.Response> sync = CompletableFuture.supplyAsync(() -> gateway.admin("POST", "/api/mt5/sync/mt5-1", null));
            final Map<String, Object> page = socket.nextCommand();
            assertEquals("SYNC_HISTORY", page.get("command"));
            final GatewayHarness.Socket first = socket;
            first.send(result(page.get("id"), "{\"success\":true,\"details\":{\"deals\":[" + pad(70_000) + "]}}"));
            GatewayHarness.await("the oversized result to close the socket (1009)", () -> first.ws.isInputClosed());
            assertEquals(Boolean.TRUE, gateway.admin("GET", "/api/mt5/status/mt5-1", null).at("syncing"), "nothing changed");
            socket.close();

            socket = online(gateway, executor);
            final Map<String, Object> again = socket.nextCommand();
            assertEquals(page.get("id"), again.get("id"), "the page is asked for again with the same id");
            socket.send(result(again.get("id"), "{\"success\":true,\"details\":{\"truncated\":false,\"deals\":["
                + deal("\"ticket\":\"9001\",\"positionId\":\"800\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"volume\":0.1,\"exitTime\":\"2026-01-02T10:00:00Z\","
                    + "\"exitPrice\":1.085,\"profit\":5,\"commission\":-0.5,\"swap\":0")
                + "," + deal("\"ticket\":\"9002\",\"positionId\":\"801\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"volume\":0.1,"
                    + "\"exitTime\":\"2026-01-02T11:00:00Z\",\"profit\":5")
                + "," + deal("\"ticket\":\"9003\",\"positionId\":\"802\",\"symbol\":\"EURUSD\",\"type\":\"LONG\",\"volume\":0.1,"
                    + "\"exitTime\":\"2026-01-02T12:00:00Z\",\"exitPrice\":1.085,\"profit\":5")
                // past what epoch microseconds in a long reach (2262): named, not thrown out of the reader
                + "," + deal("\"ticket\":\"9004\",\"positionId\":\"803\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"volume\":0.1,"
                    + "\"exitTime\":\"2300-01-01T00:00:00Z\",\"exitPrice\":1.085,\"profit\":5")
                + "]}}"));
            final GatewayHarness.Response synced = sync.join();
            assertEquals(200, synced.status(), synced.body());
            assertEquals(new BigDecimal("1"), synced.at("synced"));
            assertEquals(List.of("deal 9002: exitPrice is required", "deal 9003: type must be BUY or SELL (the closed position's direction)",
                "deal 9004: exitTime must be an ISO-8601 time"), synced.at("errors"));
            assertEquals(new BigDecimal("4"), synced.at("total"));
            assertEquals(new BigDecimal("4.5"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"));
            socket.close();
        }
    }

    @Test
    void shouldAnswer202WhenTheTerminalIsSlowAndRefuseBadBodies()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "investor_wait_seconds: 1", false))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            final GatewayHarness.Response pending = gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":777,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}");
            assertEquals(202, pending.status(), pending.body());
            assertEquals("PENDING", pending.at("status"));
            assertEquals("DISCONNECTED", gateway.admin("GET", "/api/mt5/status/mt5-1", null).at("status"));
            assertEquals(409, gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":777,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}").status(), "one at a time");

            assertField(gateway.admin("POST", "/api/mt5/connect", "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":777,\"mt5Server\":\"B\"}"),
                "investorPassword");
            assertField(gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":-4,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}"), "mt5Login");
            assertField(gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":7,\"mt5Server\":\"B\",\"investorPassword\":\"pw\",\"remember\":true}"), "remember");
            assertField(gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":{},\"mt5Login\":7,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}"), "tradingAccountId");
            assertEquals(404, gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":42,\"mt5Login\":7,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}").status(), "no account 42");
            assertEquals(422, gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-2\",\"mt5Login\":7,\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}").status(), "no executor");
            assertEquals(404, gateway.admin("GET", "/api/mt5/status/mt5-2", null).status());
            assertEquals(401, gateway.call("GET", "/api/mt5/status/mt5-1", null, (String)null, null).status());
        }
    }

    @Test
    void shouldLetASignedInUserConnectOnlyTheAccountTheyOwn()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "investor_wait_seconds: 1", false, AUTH))
        {
            final String ann = signup(gateway, "ann@example.com");
            final String bob = signup(gateway, "bob@example.com");
            final String account = (String)gateway.bearer("PUT", "/api/v1/onboarding/brokers",
                "{\"broker_name\":\"Exness\",\"account_number\":\"12345678\",\"account_type\":\"demo\",\"label\":\"mine\"}", ann)
                .at("broker_connection_id");
            final GatewayHarness.Executor executor = gateway.registerExecutor(account);
            assertEquals(200, gateway.heartbeat(executor).status());
            final String body = "{\"tradingAccountId\":\"" + account + "\",\"mt5Login\":12345678,\"mt5Server\":\"Exness-Demo\",\"investorPassword\":\"pw\"}";
            assertEquals(404, gateway.bearer("POST", "/api/mt5/connect", body, bob).status(), "another's account is not found");
            assertEquals(202, gateway.bearer("POST", "/api/mt5/connect", body, ann).status());
            assertEquals(new BigDecimal("12345678"), gateway.bearer("GET", "/api/mt5/status/" + account, null, ann).at("mt5Login"));
            assertEquals(404, gateway.bearer("GET", "/api/mt5/status/" + account, null, bob).status());
            assertEquals(404, gateway.bearer("DELETE", "/api/mt5/disconnect/" + account, null, bob).status());
        }
    }

    private static String signup(final GatewayHarness gateway, final String email)
    {
        final GatewayHarness.Response made = gateway.call("POST", "/api/v1/auth/signup",
            "{\"email\":\"" + email + "\",\"password\":\"Correct-Horse-9\",\"name\":\"N\"}", new String[0]);
        assertEquals(201, made.status(), made.body());
        return (String)made.at("access_token");
    }

    private static GatewayHarness.Socket online(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final GatewayHarness.Socket socket = gateway.connect(executor);
        socket.send("{\"type\":\"heartbeat\",\"status\":\"online\"}");
        GatewayHarness.await("the executor online",
            () -> "online".equals(gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status")));
        return socket;
    }

    private static void assertField(final GatewayHarness.Response refused, final String field)
    {
        assertEquals(400, refused.status(), refused.body());
        assertEquals(field, refused.at("error", "field"), refused.body());
    }

    private static String result(final Object commandId, final String result)
    {
        return "{\"type\":\"command_result\",\"commandId\":\"" + commandId + "\",\"status\":\"executed\",\"result\":" + result + "}";
    }

    private static String deal(final String fields)
    {
        return "{" + fields + "}";
    }

    /** A string of deals-looking text past the 64 KiB bound. */
    private static String pad(final int bytes)
    {
        final StringBuilder text = new StringBuilder();
        while (text.length() < bytes)
        {
            text.append(text.length() == 0 ? "" : ",").append("{\"ticket\":\"1\",\"note\":\"").append("x".repeat(200)).append("\"}");
        }
        assertTrue(text.length() > 65_536);
        return text.toString();
    }
}
