package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.testing.SecretSearch;
import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * Seed 004 over real HTTP with the simulated terminal as the account's executor: a connect refused and accepted on the
 * terminal's word, a sync of 300 historical deals over several 48 KB pages, a second sync storing nothing twice, the
 * deals in /trades, /positions/closed and the account's realized PnL, a restart that keeps all of it, a disconnect,
 * and no plain password anywhere in the data directory.
 */
class InvestorSyncHttpTest
{
    static final String EXECUTORS = "investor_wait_seconds: 5";
    static final String PASSWORD = "inv-Pass-7731";
    private static final Instant HISTORY = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void shouldConnectSyncTwiceAndKeepEveryDealOnceAcrossARestart() throws IOException
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        GatewayHarness gateway = GatewayHarness.start(dataDir, 0, EXECUTORS, false);
        final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
        try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
        {
            terminal.investorAccount(5001, PASSWORD, "Sim-Server").historicalTrades(300, HISTORY, Duration.ofMinutes(10), "EURUSD", new BigDecimal("0.10"));

            final GatewayHarness.Response refused = connect(gateway, "wrong-password");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("investorPassword", refused.at("error", "field"));
            assertTrue(((String)refused.at("error", "message")).contains("Authorization failed"), refused.body());
            assertEquals("ERROR", status(gateway).at("status"));

            final GatewayHarness.Response connected = connect(gateway, PASSWORD);
            assertEquals(200, connected.status(), connected.body());
            assertEquals(Map.of("success", true, "accountId", "mt5-1", "status", "CONNECTED", "message", "Successfully connected to MT5"),
                connected.json());
            assertEquals(new BigDecimal("5001"), status(gateway).at("mt5Login"));
            assertNull(status(gateway).at("lastSyncAt"));

            final GatewayHarness.Response first = gateway.admin("POST", "/api/mt5/sync/mt5-1", null);
            assertEquals(200, first.status(), first.body());
            assertEquals(Boolean.TRUE, first.at("success"));
            assertEquals(new BigDecimal("300"), first.at("synced"), "300 deals over more than one 48 KB page");
            assertEquals(List.of(), first.at("errors"));
            assertEquals(((BigDecimal)first.at("synced")).add((BigDecimal)first.at("skipped")), first.at("total"));
            // profits 10..309 less 0.70 commission each: 300 x 159.5 - 210 = 47640
            final BigDecimal realized = new BigDecimal("47640");
            assertEquals(realized, gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"));

            final GatewayHarness.Response second = gateway.admin("POST", "/api/mt5/sync/mt5-1", null);
            assertEquals(new BigDecimal("0"), second.at("synced"), second.body());
            assertTrue(((BigDecimal)second.at("skipped")).signum() > 0, "the deals the terminal sent again are skipped: " + second.body());
            assertEquals("Synced 0 trades, skipped " + second.at("skipped") + " duplicates", second.at("message"));
            assertEquals(realized, gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"), "nothing doubled");

            final Map<?, ?> newest = (Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1&limit=1000", null)
                .at("positions")).get(0);
            assertEquals("mt5_history", newest.get("source"));
            assertEquals(new BigDecimal("309"), newest.get("gross_pnl"));
            assertEquals(new BigDecimal("0.7"), newest.get("fee"));
            assertEquals(new BigDecimal("308.3"), newest.get("pnl"));
            assertEquals("sell", newest.get("side"), "the 300th round trip was short");
            assertEquals(new BigDecimal("1.08"), newest.get("entry_price"));
            assertEquals(new BigDecimal("1.07691"), newest.get("exit_price"));
            assertEquals(300, ((List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1&limit=1000", null).at("positions")).size());
            final Map<?, ?> trade = (Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/trades?account_id=mt5-1&limit=1", null).at("trades")).get(0);
            assertNull(trade.get("order_id"));
            assertEquals("buy", trade.get("side"), "a short is closed by a buy");
            final Object lastSync = status(gateway).at("lastSyncAt");
            final Object digest = gateway.admin("GET", "/api/v1/state/digest", null).at("digest");

            assertEquals(digest, gateway.closeAndCheckSnapshot(), "a snapshot carries the investor links and synced deals");
            gateway = GatewayHarness.start(dataDir, 0, EXECUTORS, false);
            assertEquals(digest, gateway.admin("GET", "/api/v1/state/digest", null).at("digest"), "replay rebuilds the same state");
            assertEquals("CONNECTED", status(gateway).at("status"));
            assertEquals(lastSync, status(gateway).at("lastSyncAt"));
            assertEquals(realized, gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"));

            final GatewayHarness.Response disconnected = gateway.admin("DELETE", "/api/mt5/disconnect/mt5-1", null);
            assertEquals(Map.of("success", true, "message", "MT5 account disconnected and removed"), disconnected.json());
            assertEquals("DISCONNECTED", status(gateway).at("status"));
            assertEquals(404, gateway.admin("POST", "/api/mt5/sync/mt5-1", null).status());
        }
        finally
        {
            gateway.close();
        }
        assertEquals(List.of(), SecretSearch.secretsIn(dataDir, List.of(PASSWORD, "wrong-password")),
            "the password is nowhere in the data directory, only sealed");
    }

    @Test
    void shouldTestCredentialsWithoutSavingThem()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, EXECUTORS, false);
            SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, gateway.registerExecutor("mt5-1"), prices))
        {
            terminal.investorAccount(5001, PASSWORD, "Sim-Server");
            final GatewayHarness.Response ok = gateway.admin("POST", "/api/mt5/test-connection",
                "{\"mt5Login\":5001,\"mt5Server\":\"Sim-Server\",\"investorPassword\":\"" + PASSWORD + "\"}");
            assertEquals(200, ok.status(), ok.body());
            assertEquals("Connection successful", ok.at("message"));
            assertEquals(new BigDecimal("5001"), ok.at("accountInfo", "login"));
            assertEquals("Sim-Server", ok.at("accountInfo", "server"));
            final GatewayHarness.Response bad = gateway.admin("POST", "/api/mt5/test-connection",
                "{\"mt5Login\":\"5001\",\"mt5Server\":\"Sim-Server\",\"investorPassword\":\"nope\",\"tradingAccountId\":\"mt5-1\"}");
            assertEquals(400, bad.status(), bad.body());
            assertEquals(404, status(gateway).status(), "a test saves nothing");
        }
    }

    private static GatewayHarness.Response connect(final GatewayHarness gateway, final String password)
    {
        return gateway.admin("POST", "/api/mt5/connect",
            "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":5001,\"mt5Server\":\"Sim-Server\",\"investorPassword\":\"" + password + "\"}");
    }

    private static GatewayHarness.Response status(final GatewayHarness gateway)
    {
        return gateway.admin("GET", "/api/mt5/status/mt5-1", null);
    }
}
