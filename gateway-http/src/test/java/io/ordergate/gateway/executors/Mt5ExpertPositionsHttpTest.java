package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * Seed 001's {@code GET /experts/{id}/positions} for an expert on an MT5 account: the terminal's tickets are the
 * account's positions, so the expert shows them in seed 001's shape (they were left out: an expert holding a ticket read
 * no position), and closes one through its own route.
 */
class Mt5ExpertPositionsHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void anExpertOnAnMt5AccountShowsTheTerminalsTicketsAsItsPositions()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                gateway.quote("1.08420", "1.08428");
                final Object expertId = gateway.admin("POST", "/api/v1/experts", "{\"account_id\":\"mt5-1\",\"strategy_config\":{"
                    + "\"symbol\":\"EURUSD\",\"timeframe\":\"1h\",\"size_type\":\"fixed\",\"size_value\":0.1}}").at("expert_id");
                assertEquals(200, gateway.admin("POST", "/api/v1/experts/" + expertId + "/control", "{\"action\":\"start\"}").status());
                final Object orderId = gateway.admin("POST", "/api/v1/experts/" + expertId + "/orders", "{\"side\":\"buy\",\"type\":\"market\"}")
                    .at("order_id");
                GatewayHarness.await("the order filled",
                    () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
                final List<?> held = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
                assertEquals(1, held.size(), held::toString);

                final List<?> positions = expertPositions(gateway, expertId);
                assertEquals(1, positions.size(), "the ticket is the expert's position: " + positions);
                final Map<?, ?> position = (Map<?, ?>)positions.get(0);
                assertEquals(((Map<?, ?>)held.get(0)).get("position_id"), position.get("position_id"));
                assertEquals("EURUSD", position.get("symbol"));
                assertEquals("long", position.get("side"));
                assertEquals(0, new BigDecimal("0.1").compareTo((BigDecimal)position.get("size")), position::toString);
                assertEquals(0, new BigDecimal("1.08428").compareTo((BigDecimal)position.get("entry_price")), position::toString);
                assertEquals(0, new BigDecimal("1.0842").compareTo((BigDecimal)position.get("current_price")), position::toString);
                assertEquals(0, new BigDecimal("-0.8").compareTo((BigDecimal)position.get("unrealized_pnl")), position::toString);

                assertEquals(200, gateway.admin("POST", "/api/v1/experts/" + expertId + "/positions/" + position.get("position_id") + "/close",
                    null).status());
                GatewayHarness.await("the ticket closed", () -> expertPositions(gateway, expertId).isEmpty());
                assertEquals(0, terminal.openTickets().size());
            }
        }
    }

    private static List<?> expertPositions(final GatewayHarness gateway, final Object expertId)
    {
        return (List<?>)gateway.admin("GET", "/api/v1/experts/" + expertId + "/positions", null).at("positions");
    }
}
