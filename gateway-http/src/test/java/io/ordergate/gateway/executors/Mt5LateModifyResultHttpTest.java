package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway and an executor answered by hand over HTTP: the terminal runs an MT5 ticket's MODIFY_POSITION commands
 * in order, so it holds the last one's levels; an earlier one's result that comes after the last one's (answers
 * crossed) must not put the ticket back on the earlier levels.
 */
class Mt5LateModifyResultHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTheLastModifysLevelsWhenAnEarlierOnesResultComesLate()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}").status());
            final Object positionId = position(gateway).get("position_id");

            assertEquals(200, gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":1.08000,\"take_profit\":1.09000}").status());
            assertEquals(200, gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":1.08300,\"take_profit\":1.09500}").status());
            final List<?> sent = (List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands");
            assertEquals(2, sent.size(), sent::toString);

            assertEquals(200, gateway.result(executor, (String)((Map<?, ?>)sent.get(1)).get("id"), "executed", "{\"success\":true}").status());
            assertEquals(200, gateway.result(executor, (String)((Map<?, ?>)sent.get(0)).get("id"), "executed", "{\"success\":true}").status());

            assertEquals(new BigDecimal("1.083"), position(gateway).get("stop_loss"), "the terminal holds the last modify's stop");
            assertEquals(new BigDecimal("1.095"), position(gateway).get("take_profit"));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static Map<?, ?> position(final GatewayHarness gateway)
    {
        final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
        return positions.isEmpty() ? Map.of() : (Map<?, ?>)positions.get(0);
    }
}
