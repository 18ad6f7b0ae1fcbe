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
 * A real gateway and the simulated terminal over its WebSocket: a position closed in part and grown by hand in the
 * terminal keeps the gateway's volume right, every close is listed in /api/v1/positions/closed with exact money, and
 * the balance books each close once.
 */
class TerminalReportsHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldFollowAVolumeChangedByHandAndListEveryClose()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "");
            SimulatedTerminal terminal = startTerminal(gateway, gateway.registerExecutor("mt5-1"), prices))
        {
            gateway.quote("1.08420", "1.08428");
            final Object orderId = gateway.buy("mt5-1", "0.50").at("order_id");
            GatewayHarness.await("the order filled", () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
            final long ticket = terminal.openTickets().get(0);

            prices.set("EURUSD", "1.08520", "1.08528");
            terminal.closeByHand(ticket, new BigDecimal("0.20"));  // bought at 1.08428, sold at 1.08520: 9.2 pips on 0.20 = 18.40
            GatewayHarness.await("the volume reduced by hand", () -> new BigDecimal("0.3").equals(position(gateway).get("quantity")));
            terminal.growByHand(ticket, new BigDecimal("0.30"));  // 0.30 more at the ask 1.08528
            GatewayHarness.await("the grown volume", () -> new BigDecimal("0.6").equals(position(gateway).get("quantity")));
            assertEquals(new BigDecimal("1.08478"), position(gateway).get("open_price"), "(0.30 x 1.08428 + 0.30 x 1.08528) / 0.60");

            final Object positionId = position(gateway).get("position_id");
            final Object closing = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{}").at("order_id");
            GatewayHarness.await("the close filled", () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + closing, null).at("status")));
            GatewayHarness.await("two closes listed", () -> closed(gateway).size() == 2);

            final List<?> closes = closed(gateway);
            final Map<?, ?> last = (Map<?, ?>)closes.get(0);
            final Map<?, ?> partial = (Map<?, ?>)closes.get(1);
            assertEquals(new BigDecimal("0.2"), partial.get("size"));
            assertEquals(new BigDecimal("18.4"), partial.get("pnl"));
            assertEquals(Boolean.FALSE, partial.get("final"));
            assertEquals(new BigDecimal("0.6"), last.get("size"));
            assertEquals(new BigDecimal("1.0852"), last.get("exit_price"));
            assertEquals(new BigDecimal("25.2"), last.get("pnl"), "(1.08520 - 1.08478) x 0.60 x 100,000");
            assertEquals(Boolean.TRUE, last.get("final"));
            assertEquals(new BigDecimal("43.6"), gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("realized_pnl"));
        }
    }

    static SimulatedTerminal startTerminal(final GatewayHarness gateway, final GatewayHarness.Executor executor, final PriceSource prices)
    {
        final SimulatedTerminal terminal = new SimulatedTerminal(
            new SimulatedTerminal.Settings(gateway.base, executor.id(), executor.key(), executor.secret(), 1), prices).start();
        GatewayHarness.await("the terminal online",
            () -> "online".equals(gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status")));
        return terminal;
    }

    private static Map<?, ?> position(final GatewayHarness gateway)
    {
        final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
        return positions.isEmpty() ? Map.of() : (Map<?, ?>)positions.get(0);
    }

    private static List<?> closed(final GatewayHarness gateway)
    {
        return (List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1", null).at("positions");
    }
}
