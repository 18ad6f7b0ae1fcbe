package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.engine.position.PositionStops;

/**
 * A real gateway and an executor answered by hand over HTTP: a PATCH of an MT5 ticket's stop loss or take profit
 * further from the price than the instrument can value is refused on its field, as a paper position's is
 * ({@link PositionStops#tooFar}), and no MODIFY_POSITION reaches the executor.
 */
class Mt5PatchTooFarHttpTest
{
    /** 90 billion: past EURUSD's 9,200,000 ({@link PositionStops#maxStop}), yet within the wire's eight-digit decimals. */
    private static final String BEYOND_VALUE = "90000000000";

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseAStopLossTheInstrumentCannotValueWithoutSendingIt()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object positionId = openTicket(gateway, executor, "sell", "1.08420");

            final GatewayHarness.Response refused = gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":" + BEYOND_VALUE + "}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("VALIDATION_ERROR", refused.at("error", "code"), refused.body());
            assertEquals("stop_loss", refused.at("error", "field"), refused.body());
            assertEquals(PositionStops.TOO_FAR, refused.at("error", "message"), refused.body());
            assertEquals(List.of(), pendingCommands(gateway, executor), "nothing sent for the refused PATCH");
            assertNull(position(gateway).get("stop_loss"), "the ticket keeps no stop");

            final GatewayHarness.Response kept = gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":1.09000}");
            assertEquals(200, kept.status(), kept.body());
            assertEquals(List.of("MODIFY_POSITION"), pendingCommands(gateway, executor), "a stop the instrument can value is sent");
        }
    }

    @Test
    void shouldRefuseATakeProfitTheInstrumentCannotValueWithoutSendingIt()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object positionId = openTicket(gateway, executor, "buy", "1.08428");

            final GatewayHarness.Response refused = gateway.admin("PATCH", "/api/v1/positions/" + positionId,
                "{\"stop_loss\":1.08000,\"take_profit\":" + BEYOND_VALUE + "}");
            assertEquals(400, refused.status(), refused.body());
            assertEquals("take_profit", refused.at("error", "field"), refused.body());
            assertEquals(List.of(), pendingCommands(gateway, executor), "nothing sent for the refused PATCH");
            assertEquals(new BigDecimal("1.08428"), position(gateway).get("open_price"));
        }
    }

    /** A 0.10 lot ticket 777001 the executor opened at {@code price}; its position_id. */
    private static Object openTicket(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String side, final String price)
    {
        final Object orderId = gateway.admin("POST", "/api/v1/orders", "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"" + side + "\","
            + "\"type\":\"market\",\"quantity\":0.10}").at("order_id");
        assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
            "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":" + price + ",\"lots\":0.1}}").status());
        return position(gateway).get("position_id");
    }

    private static List<?> pendingCommands(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final List<?> pending = (List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands");
        return pending.stream().map(c -> ((Map<?, ?>)c).get("command")).toList();
    }

    private static Map<?, ?> position(final GatewayHarness gateway)
    {
        final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
        return positions.isEmpty() ? Map.of() : (Map<?, ?>)positions.get(0);
    }
}
