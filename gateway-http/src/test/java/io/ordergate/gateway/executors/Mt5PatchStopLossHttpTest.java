package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * A real gateway and the simulated terminal: a stop loss given by PATCH ends an MT5 ticket's trailing stop once the
 * terminal has taken it, and a stop loss the terminal refuses leaves the ticket trailing from the stop it kept.
 */
class Mt5PatchStopLossHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldEndTheTrailingOnceTheTerminalTakesThePatchedStopLoss()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08500", "1.08508");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "trailing_modify_interval_millis: 0"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                final Object positionId = trailedTo1084(gateway);
                patchStopLoss(gateway, positionId, "1.08450");
                GatewayHarness.await("the terminal took the stop", () -> new BigDecimal("1.0845").equals(position(gateway).get("stop_loss")));
                assertNull(position(gateway).get("trailing_stop"), "stop_loss given: the trailing ended");

                prices.set("EURUSD", "1.08800", "1.08808");
                gateway.quote("1.08800", "1.08808");  // 20 pips on: a trailing stop would move to 1.08700
                awaitNothingPending(gateway, executor);
                assertEquals(new BigDecimal("1.0845"), position(gateway).get("stop_loss"), "the user's stop stays");
            }
        }
    }

    @Test
    void shouldKeepTrailingWhenTheTerminalRefusesThePatchedStopLoss()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08500", "1.08508");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "trailing_modify_interval_millis: 0"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                final Object positionId = trailedTo1084(gateway);
                patchStopLoss(gateway, positionId, "1.08520");  // past the terminal's bid 1.08500: refused
                awaitNothingPending(gateway, executor);
                assertEquals(new BigDecimal("1.084"), position(gateway).get("stop_loss"), "the terminal kept its stop");
                assertNotNull(position(gateway).get("trailing_stop"), "and the ticket its trailing");

                prices.set("EURUSD", "1.08600", "1.08608");
                gateway.quote("1.08600", "1.08608");
                GatewayHarness.await("the trailing went on", () -> new BigDecimal("1.085").equals(position(gateway).get("stop_loss")));
            }
        }
    }

    /** A 0.10 lot buy with a 10-pip trailing stop, filled at 1.08428, then trailed to 1.08400 by a quote at 1.08500. */
    private static Object trailedTo1084(final GatewayHarness gateway)
    {
        gateway.quote("1.08420", "1.08428");
        final Object orderId = gateway.admin("POST", "/api/v1/orders", "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
            + "\"type\":\"market\",\"quantity\":0.10,\"trailing_stop_pips\":10}").at("order_id");
        GatewayHarness.await("the order filled", () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
        gateway.quote("1.08500", "1.08508");
        GatewayHarness.await("the stop trailed", () -> new BigDecimal("1.084").equals(position(gateway).get("stop_loss")));
        return position(gateway).get("position_id");
    }

    private static void patchStopLoss(final GatewayHarness gateway, final Object positionId, final String stopLoss)
    {
        final GatewayHarness.Response patched = gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":" + stopLoss + "}");
        assertEquals(200, patched.status(), patched.toString());
    }

    private static void awaitNothingPending(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        GatewayHarness.await("every command answered", () -> ((List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null)
            .at("pending_commands")).isEmpty());
    }

    private static Map<?, ?> position(final GatewayHarness gateway)
    {
        final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
        return positions.isEmpty() ? Map.of() : (Map<?, ?>)positions.get(0);
    }
}
