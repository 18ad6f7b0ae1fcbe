package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway: the results of its own orders are booked exactly or refused by field and value, never rounded. A
 * refused result leaves its command pending and its order routed until a result that fits comes. The journal replays to
 * the same state.
 */
class Mt5ExactResultsHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseAnOrdersResultFinerThanTheInstrumentsDigitsAndKeepTheCommandPending()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.quote("1.08420", "1.08428");
            gateway.heartbeat(executor);
            final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
            final String commandId = "ord_" + orderId + "_1";

            refused(gateway.result(executor, commandId, "executed", details("\"price\":1.084285,\"lots\":0.1")),
                "price 1.084285 has more decimal places than EURUSD's price digits (5)");
            refused(gateway.result(executor, commandId, "executed", details("\"price\":1.08428,\"lots\":0.105")),
                "lots 0.105 has more decimal places than EURUSD's lot digits (2");
            assertEquals("routed", order(gateway, orderId).get("status"), "nothing of a refused result is applied");
            assertEquals(List.of(commandId), pendingIds(gateway, executor), "the command still waits for its result");
            assertEquals(List.of(), positions(gateway));

            assertEquals(200, gateway.result(executor, commandId, "executed", details("\"price\":1.08428,\"lots\":0.1")).status());
            assertEquals("filled", order(gateway, orderId).get("status"));
            assertEquals(new BigDecimal("1.08428"), order(gateway, orderId).get("average_price"));
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldRefuseToAdoptATicketReportedFinerThanTheOrdersInstrument()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.quote("1.08420", "1.08428");
            gateway.heartbeat(executor);
            final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
            // The terminal's open report comes first, under a broker symbol the gateway does not know (held at 8 digits)
            final GatewayHarness.Response report = trade(gateway, executor, "\"ticket\":\"777001\",\"symbol\":\"EURUSD.pro\",\"type\":\"BUY\","
                + "\"lots\":0.10,\"openPrice\":1.084285,\"magicNumber\":" + io.ordergate.mt5.Mt5Connector.MAGIC_NUMBER);
            assertEquals(200, report.status(), report.body());

            refused(gateway.result(executor, "ord_" + orderId + "_1", "executed", "{\"success\":true,\"details\":{\"ticket\":\"777001\"}}"),
                "ticket 777001 (reported as EURUSD.pro) has openPrice 1.084285 has more decimal places than EURUSD's price digits (5)");
            assertEquals("routed", order(gateway, orderId).get("status"));
            final Map<?, ?> held = (Map<?, ?>)positions(gateway).get(0);
            assertEquals("EURUSD.pro", held.get("symbol"), "not made the order's by rounding its price");
            assertEquals(new BigDecimal("1.084285"), held.get("open_price"));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static void refused(final GatewayHarness.Response answer, final String why)
    {
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains(why), answer.body());
    }

    private static String details(final String numbers)
    {
        return "{\"success\":true,\"details\":{\"ticket\":\"777001\"," + numbers + "}}";
    }

    private static GatewayHarness.Response trade(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String fields)
    {
        return gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\"," + fields + "}", executor.key(), executor.secret());
    }

    private static Map<?, ?> order(final GatewayHarness gateway, final Object orderId)
    {
        return gateway.admin("GET", "/api/v1/orders/" + orderId, null).json();
    }

    private static List<?> positions(final GatewayHarness gateway)
    {
        return (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
    }

    private static List<?> pendingIds(final GatewayHarness gateway, final GatewayHarness.Executor executor)
    {
        final List<?> pending = (List<?>)gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("pending_commands");
        return pending.stream().map(c -> ((Map<?, ?>)c).get("id")).toList();
    }
}
