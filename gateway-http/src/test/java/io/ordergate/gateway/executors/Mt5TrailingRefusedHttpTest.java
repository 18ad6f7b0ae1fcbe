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
 * A real gateway and the simulated terminal: a trailing stop's move the terminal refuses (its own price lags the
 * gateway's, so the stop would stand past its bid) leaves the terminal's stop in place, and the next quote asks again.
 */
class Mt5TrailingRefusedHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAskTheTerminalAgainForATrailedStopItRefused()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "trailing_modify_interval_millis: 0"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                trailWithALaggingTerminal(gateway, executor, terminal, prices);
            }
        }
    }

    private static void trailWithALaggingTerminal(final GatewayHarness gateway, final GatewayHarness.Executor executor,
        final SimulatedTerminal terminal, final PriceSource.Fixed prices)
    {
        gateway.quote("1.08420", "1.08428");
        final Object orderId = gateway.admin("POST", "/api/v1/orders", "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
            + "\"type\":\"market\",\"quantity\":0.10,\"trailing_stop_pips\":10}").at("order_id");
        GatewayHarness.await("the order filled", () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
        assertEquals(new BigDecimal("1.08328"), position(gateway).get("stop_loss"), "the trailing start, 10 pips under the ask");
        assertEquals(1, terminal.openTickets().size());

        // The gateway's bid runs to 1.08600 while the terminal's stays at 1.08420: the stop 1.08500 is past its bid.
        gateway.quote("1.08600", "1.08608");
        GatewayHarness.await("the move answered",
            () -> ((List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands")).isEmpty());
        assertEquals(new BigDecimal("1.08328"), position(gateway).get("stop_loss"), "the terminal refused the move");

        prices.set("EURUSD", "1.08600", "1.08608");
        gateway.quote("1.08600", "1.08608");  // the same price: only a refused move forgotten sends anything
        GatewayHarness.await("the stop moved on the second ask", () -> new BigDecimal("1.085").equals(position(gateway).get("stop_loss")));
    }

    private static Map<?, ?> position(final GatewayHarness gateway)
    {
        final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
        return positions.isEmpty() ? Map.of() : (Map<?, ?>)positions.get(0);
    }
}
