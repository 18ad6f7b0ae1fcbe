package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway and an executor's trade reports over HTTP: a ticket opened by hand under the broker's symbol
 * ({@code EURUSD.m}, as a group's symbol_map sends EURUSD to this account) is held as EURUSD: valued at its quote and
 * counted by the account's max_position_quantity.
 */
class Mt5BrokerSymbolHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldHoldATicketNamedByTheBrokerSymbolAsItsInstrument()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.heartbeat(executor);
            gateway.quote("1.08420", "1.08428");
            final GatewayHarness.Response group = gateway.admin("POST", "/api/v1/groups", "{\"group_id\":\"g-m\",\"name\":\"Suffixed\",\"members\":["
                + "{\"account_id\":\"mt5-1\",\"sizing\":{\"mode\":\"fixed\",\"value\":0.10},\"symbol_map\":{\"EURUSD\":\"EURUSD.m\"}}]}");
            assertEquals(201, group.status(), group.body());
            final GatewayHarness.Response risk = gateway.admin("PUT", "/api/v1/accounts/mt5-1/risk", "{\"max_position_quantity\":0.15}");
            assertEquals(200, risk.status(), risk.body());

            final GatewayHarness.Response opened = gateway.call("POST", "/api/trade", String.join("",
                "{\"executorId\":\"", executor.id(), "\",\"ticket\":\"5001\",\"symbol\":\"EURUSD.m\",\"type\":\"BUY\",\"lots\":0.10,",
                "\"openTime\":\"2026-12-01T10:00:00Z\",\"openPrice\":1.08500}"), executor.key(), executor.secret());
            assertEquals(200, opened.status(), opened.body());

            final Map<?, ?> position = (Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).get(0);
            assertEquals("EURUSD", position.get("symbol"));
            assertNotNull(position.get("current_price"), position::toString);
            assertEquals(new BigDecimal("-8"), position.get("unrealized_pnl"), "(1.08420 - 1.08500) x 0.10 x 100,000");

            final GatewayHarness.Response more = gateway.buy("mt5-1", "0.10");
            assertEquals(422, more.status(), "0.10 held by hand + 0.10 is over 0.15: " + more.body());
            assertEquals("RISK_MAX_POSITION", more.at("error", "code"), more.body());
            gateway.closeAndCheckSnapshot();
        }
    }
}
