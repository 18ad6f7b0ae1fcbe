package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway and an executor answered by hand over HTTP: a partial close's result that comes after the result of
 * the ticket's whole close (the terminal ran the part first, the answers crossed) books the part's money beside the
 * final close's, never in place of it; a partial-close report that comes after the close report alike.
 */
class Mt5LatePartialResultHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldBookAPartialCloseAnsweredAfterTheWholeCloseBesideIt()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.buy("mt5-1", "0.30").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.3}}").status());
            final Object positionId = ((Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null)
                .at("positions")).get(0)).get("position_id");
            final BigDecimal before = balance(gateway);

            final Object partId = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{\"quantity\":0.10}").at("order_id");
            final Object wholeId = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{}").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + wholeId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08500,\"profit\":14.40}}").status());
            assertEquals(0, before.add(new BigDecimal("14.40")).compareTo(balance(gateway)));
            assertEquals(200, gateway.result(executor, "ord_" + partId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08500,\"profit\":7.20,\"deal\":\"888001\"}}").status());

            assertEquals(0, before.add(new BigDecimal("21.60")).compareTo(balance(gateway)), "both closes' money: 14.40 + 7.20");
            assertEquals("filled", gateway.admin("GET", "/api/v1/orders/" + partId, null).at("status"));
            final Map<?, ?> partTrade = (Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/trades?account_id=mt5-1&limit=1", null).at("trades")).get(0);
            assertEquals(String.valueOf(partId), String.valueOf(partTrade.get("order_id")), "the part's fill is its order's: " + partTrade);
            assertEquals(new BigDecimal("0.1"), partTrade.get("quantity"), partTrade::toString);
            assertEquals(List.of(), gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"));
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldBookAPartialCloseReportedAfterTheCloseReportBesideIt()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.buy("mt5-1", "0.30").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.3}}").status());
            final BigDecimal before = balance(gateway);

            assertEquals(200, report(gateway, executor, "\"closePrice\":1.08500,\"profit\":14.40").status());
            final String part = "\"closedLots\":0.1,\"deal\":\"888001\",\"closePrice\":1.08500,\"profit\":7.20,\"lots\":0.2";
            final GatewayHarness.Response late = report(gateway, executor, part);
            assertEquals(200, late.status(), late.body());
            assertEquals(0, before.add(new BigDecimal("21.60")).compareTo(balance(gateway)), "both closes' money: 14.40 + 7.20");
            assertEquals(200, report(gateway, executor, part).status(), "a repeat changes nothing");
            assertEquals(0, before.add(new BigDecimal("21.60")).compareTo(balance(gateway)));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response report(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String fields)
    {
        return gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"777001\",\"symbol\":\"EURUSD\","
            + "\"type\":\"BUY\"," + fields + "}", executor.key(), executor.secret());
    }

    private static BigDecimal balance(final GatewayHarness gateway)
    {
        return (BigDecimal)gateway.admin("GET", "/api/v1/accounts/mt5-1", null).at("balance");
    }
}
