package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway and an executor answered by hand over HTTP: while a ticket's whole close waits for the executor, its
 * trailing stop sends no MODIFY_POSITION (the terminal would fail it on a ticket it has closed) and a PATCH of its
 * stops is refused with 409 naming the close.
 */
class Mt5ClosingTicketStopsHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldNotMoveTheStopsOfATicketWhoseCloseIsPending()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "trailing_modify_interval_millis: 0"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.quote("1.08420", "1.08428");
            gateway.heartbeat(executor);
            final Object orderId = gateway.admin("POST", "/api/v1/orders", "{\"account_id\":\"mt5-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.10,\"trailing_stop_pips\":10}").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}").status());
            final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
            final Object positionId = ((Map<?, ?>)positions.get(0)).get("position_id");

            final Object closingId = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{}").at("order_id");
            assertEquals(List.of("CLOSE_POSITION"), pendingCommands(gateway, executor));

            gateway.quote("1.08600", "1.08608");  // 17 pips on: an open ticket's trailing stop would move to 1.08500
            assertEquals(List.of("CLOSE_POSITION"), pendingCommands(gateway, executor), "no stop move for a closing ticket");

            final GatewayHarness.Response patched = gateway.admin("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":1.08450}");
            assertEquals(409, patched.status(), patched.body());
            assertTrue(patched.body().contains("ord_" + closingId), patched.body());
            assertEquals(List.of("CLOSE_POSITION"), pendingCommands(gateway, executor), "nothing sent for the refused PATCH");

            assertEquals(200, gateway.result(executor, "ord_" + closingId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08600,\"lots\":0.1}}").status());
            assertEquals("filled", gateway.admin("GET", "/api/v1/orders/" + closingId, null).at("status"));
            assertEquals(List.of(), pendingCommands(gateway, executor));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static List<?> pendingCommands(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final List<?> pending = (List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands");
        return pending.stream().map(c -> ((Map<?, ?>)c).get("command")).toList();
    }
}
