package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * A real gateway and the simulated terminal's history sync: a deal named by the broker's symbol ({@code EURUSD.m}, as
 * the account's group symbol_map sends EURUSD) is stored as EURUSD, and a deal whose volume is finer than EURUSD's lot
 * digits (0.015 at 0.01 lots) is not stored rounded: the sync names it, books nothing for it, and names it again next time.
 */
class Mt5HistoryDealsHttpTest
{
    private static final Instant HISTORY = Instant.parse("2026-01-05T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void shouldStoreABrokerSymbolDealAsItsInstrumentAndRefuseAVolumeFinerThanTheLotDigits()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, InvestorSyncHttpTest.EXECUTORS, false))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                terminal.investorAccount(5001, InvestorSyncHttpTest.PASSWORD, "Sim-Server")
                    .historicalTrades(1, HISTORY, Duration.ofMinutes(10), "EURUSD.m", new BigDecimal("0.10"));
                terminal.historicalTrades(1, HISTORY.plus(Duration.ofDays(1)), Duration.ofMinutes(10), "EURUSD", new BigDecimal("0.015"));
                assertEquals(201, gateway.admin("POST", "/api/v1/groups", "{\"group_id\":\"g-m\",\"name\":\"Suffixed\",\"members\":[{\"account_id\":"
                    + "\"mt5-1\",\"sizing\":{\"mode\":\"fixed\",\"value\":0.10},\"symbol_map\":{\"EURUSD\":\"EURUSD.m\"}}]}").status());
                assertEquals(200, gateway.admin("POST", "/api/mt5/connect", "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":5001,"
                    + "\"mt5Server\":\"Sim-Server\",\"investorPassword\":\"" + InvestorSyncHttpTest.PASSWORD + "\"}").status());

                final GatewayHarness.Response first = gateway.admin("POST", "/api/mt5/sync/mt5-1", null);
                assertEquals(new BigDecimal("1"), first.at("synced"), first.body());
                final List<?> errors = (List<?>)first.at("errors");
                assertEquals(1, errors.size(), first.body());
                assertTrue(((String)errors.get(0)).contains("volume 0.015 has more decimal places than EURUSD's lot digits (2"), first.body());

                final List<?> closed = (List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1", null).at("positions");
                assertEquals(1, closed.size(), closed::toString);
                assertEquals("EURUSD", ((Map<?, ?>)closed.get(0)).get("symbol"), "EURUSD.m is the member's name for EURUSD");
                assertEquals(new BigDecimal("9.3"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"), "10 - 0.70 only");

                final GatewayHarness.Response second = gateway.admin("POST", "/api/mt5/sync/mt5-1", null);
                assertEquals(new BigDecimal("0"), second.at("synced"), second.body());
                assertEquals(1, ((List<?>)second.at("errors")).size(), "the refused deal is asked for and named again: " + second.body());
                assertEquals(new BigDecimal("9.3"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"));
            }
            gateway.closeAndCheckSnapshot();
        }
    }
}
