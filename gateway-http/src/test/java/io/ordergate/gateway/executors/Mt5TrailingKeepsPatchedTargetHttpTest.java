package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway and an executor answered by hand over HTTP: while a PATCH of an MT5 ticket's take profit waits for
 * the executor, a quote that moves the ticket's trailing stop sends nothing. The trailing's MODIFY_POSITION carries
 * the take profit confirmed so far, and the terminal, running both in order, would take the user's take profit off again.
 */
class Mt5TrailingKeepsPatchedTargetHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldNotTrailOverATakeProfitThatWaitsForTheExecutor()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "trailing_modify_interval_millis: 0"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.admin("POST", "/api/v1/orders", "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.10,\"trailing_stop_pips\":10}").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}").status());
            final Object positionId = position(gateway).get("position_id");

            final GatewayHarness.Response patched = gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"take_profit\":1.09500}");
            assertEquals(200, patched.status(), patched.body());
            final List<Map<?, ?>> sent = pending(gateway, executor);
            assertEquals(1, sent.size(), sent::toString);

            gateway.quote("1.08500", "1.08508");  // 7 pips on: the trailing stop would move to 1.08400
            assertEquals(sent, pending(gateway, executor), "no trailing move over the take profit on its way");

            assertEquals(200, gateway.result(executor, (String)sent.get(0).get("id"), "executed", "{\"success\":true}").status());
            assertEquals(new BigDecimal("1.095"), position(gateway).get("take_profit"));
            gateway.quote("1.08510", "1.08518");
            final List<Map<?, ?>> trailed = pending(gateway, executor);
            assertEquals(1, trailed.size(), trailed::toString);
            assertEquals(new BigDecimal("1.0841"), GatewayHarness.at(trailed.get(0), "parameters", "sl"), trailed::toString);
            assertEquals(new BigDecimal("1.095"), GatewayHarness.at(trailed.get(0), "parameters", "tp"), "the trailing keeps the take profit");
        }
    }

    @Test
    void shouldSendATakeProfitThatWaitsForTheExecutorWithTheNextPatchOfTheStopLoss()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.admin("POST", "/api/v1/orders", "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.10}").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}").status());
            final Object positionId = position(gateway).get("position_id");

            assertEquals(200, gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"take_profit\":1.09500}").status());
            assertEquals(200, gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":1.08300}").status());
            final List<Map<?, ?>> sent = pending(gateway, executor);
            assertEquals(2, sent.size(), sent::toString);
            // The terminal runs both in order: the second, sent with the confirmed take profit (none), would remove the first's.
            assertEquals(new BigDecimal("1.083"), GatewayHarness.at(sent.get(1), "parameters", "sl"), sent::toString);
            assertEquals(new BigDecimal("1.095"), GatewayHarness.at(sent.get(1), "parameters", "tp"), sent::toString);

            assertEquals(200, gateway.result(executor, (String)sent.get(0).get("id"), "executed", "{\"success\":true}").status());
            assertEquals(200, gateway.result(executor, (String)sent.get(1).get("id"), "executed", "{\"success\":true}").status());
            assertEquals(new BigDecimal("1.095"), position(gateway).get("take_profit"));
            assertEquals(new BigDecimal("1.083"), position(gateway).get("stop_loss"));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> pending(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        return (List<Map<?, ?>>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands");
    }

    private static Map<?, ?> position(final GatewayHarness gateway)
    {
        final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
        return positions.isEmpty() ? Map.of() : (Map<?, ?>)positions.get(0);
    }
}
