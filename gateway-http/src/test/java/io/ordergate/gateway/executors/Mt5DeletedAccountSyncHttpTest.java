package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * A history-sync page that arrives after its account was deleted stores nothing: an account made again under the id is
 * a new account, and the deals were the old one's. They used to be stored on the deleted account's slot and, the
 * performance record being kept by id, counted in the new account's record:
 *
 * <pre>
 *   mt5-1 connected (investor); the terminal holds its results; a sync is asked (answered 202: still waiting)
 *   mt5-1 deleted; made again (10000)
 *   the terminal sends the held page (3 deals)       -> the sync ends failed, nothing stored
 *   mt5-1: no closed position, performance: no fill, deposits 10000
 * </pre>
 * The gateway's stop replays the journal and compares the state digest: the decision replays as it was made.
 */
class Mt5DeletedAccountSyncHttpTest
{
    private static final Instant HISTORY = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void aSyncPageArrivingAfterTheDeleteStoresNothingForTheAccountMadeAgain()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        final GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "investor_wait_seconds: 1", false);
        try
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                connectedWithHeldResults(gateway, terminal);
                final GatewayHarness.Response waiting = gateway.admin("POST", "/api/mt5/sync/mt5-1", null);
                assertEquals(202, waiting.status(), waiting.body());
                assertEquals(1, pending(gateway, executor), "the sync page is still owed");

                final GatewayHarness.Response deleted = gateway.admin("DELETE", "/api/v1/accounts/mt5-1", null);
                assertEquals(200, deleted.status(), deleted.body());
                assertEquals(201, gateway.admin("POST", "/api/v1/accounts",
                    "{\"account_id\": \"mt5-1\", \"venue\": \"mt5\", \"balance\": 10000}").status());

                terminal.holdResults(false);  // the next heartbeat's pending commands bring the held page
                GatewayHarness.await("the held page to arrive", () -> pending(gateway, executor) == 0);
            }
            final List<?> closed = (List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1", null).at("positions");
            assertEquals(0, closed.size(), closed::toString);
            final GatewayHarness.Response performance = gateway.admin("GET", "/api/v1/accounts/mt5-1/performance", null);
            assertEquals(200, performance.status(), performance.body());
            assertEquals(0, ((Number)performance.at("metrics", "fills")).intValue(), performance.body());
            assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(String.valueOf(performance.at("metrics", "realized_pnl")))), performance.body());
            assertEquals(0, new BigDecimal("10000").compareTo(new BigDecimal(String.valueOf(performance.at("metrics", "deposits")))), performance.body());
        }
        finally
        {
            gateway.closeAndCheckSnapshot();
        }
    }

    /**
     * A caller waiting on the sync (investor_wait_seconds 60) hears as soon as the held page is refused for the deleted
     * account (200, success false, saying why), not with a 202 a minute later.
     */
    @Test
    void aCallerWaitingOnTheSyncIsAnsweredWhenItsPageIsRefusedForTheDeletedAccount() throws Exception
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        final GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "investor_wait_seconds: 60", false);
        try
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                connectedWithHeldResults(gateway, terminal);
                final CompletableFuture<GatewayHarness.Response> waiting =
                    CompletableFuture.supplyAsync(() -> gateway.admin("POST", "/api/mt5/sync/mt5-1", null));
                GatewayHarness.await("the sync page to be owed", () -> pending(gateway, executor) == 1);
                assertEquals(200, gateway.admin("DELETE", "/api/v1/accounts/mt5-1", null).status());
                assertEquals(201, gateway.admin("POST", "/api/v1/accounts",
                    "{\"account_id\": \"mt5-1\", \"venue\": \"mt5\", \"balance\": 10000}").status());
                terminal.holdResults(false);

                final GatewayHarness.Response answered = waiting.get(30, TimeUnit.SECONDS);  // well inside the 60 s wait
                assertEquals(200, answered.status(), answered.body());
                assertEquals(Boolean.FALSE, answered.at("success"), answered.body());
                assertTrue(String.valueOf(answered.at("message")).contains("was deleted"), answered.body());
            }
        }
        finally
        {
            gateway.closeAndCheckSnapshot();
        }
    }

    /** mt5-1 connected by its investor password to a terminal holding 3 past deals, which from now on holds its results. */
    private static void connectedWithHeldResults(final GatewayHarness gateway, final SimulatedTerminal terminal)
    {
        terminal.investorAccount(5001, InvestorSyncHttpTest.PASSWORD, "Sim-Server")
            .historicalTrades(3, HISTORY, Duration.ofMinutes(10), "EURUSD", new BigDecimal("0.10"));
        assertEquals(200, gateway.admin("POST", "/api/mt5/connect", "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":5001,"
            + "\"mt5Server\":\"Sim-Server\",\"investorPassword\":\"" + InvestorSyncHttpTest.PASSWORD + "\"}").status());
        terminal.holdResults(true);
    }

    private static int pending(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        return ((List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands")).size();
    }
}
