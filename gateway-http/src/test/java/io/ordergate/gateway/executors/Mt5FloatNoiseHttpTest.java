package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * A real gateway: an executor computes money, prices and lots in IEEE doubles, and Python's json prints 100.1 + 200.2 as
 * 300.29999999999995. Such binary noise of a value at the field's scale is taken as that value; a number truly finer
 * (300.295) is refused as before, and a client's order stays exact; a history deal's volume likewise. The journal replays
 * to the same state.
 */
class Mt5FloatNoiseHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldTakeAHeartbeatsEquityWithBinaryNoiseAsItsValueInCents()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final GatewayHarness.Response noisy = beat(gateway, executor, "\"accountBalance\":300.3,\"accountEquity\":300.29999999999995");
            assertEquals(200, noisy.status(), noisy.body());
            assertEquals(0, new BigDecimal("300.30").compareTo((BigDecimal)account(gateway).get("balance")));
            final Map<?, ?> shown = gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).json();
            assertEquals(0, new BigDecimal("300.30").compareTo((BigDecimal)shown.get("account_equity")), shown.toString());

            final GatewayHarness.Response finer = beat(gateway, executor, "\"accountBalance\":300.295");
            assertEquals(400, finer.status(), finer.body());
            assertTrue(finer.body().contains("accountBalance 300.295 has more decimal places than the gateway keeps money at (2)"), finer.body());
            final GatewayHarness.Response notNoise = beat(gateway, executor, "\"accountEquity\":300.299999999");
            assertEquals(400, notNoise.status(), notNoise.body());
            assertTrue(notNoise.body().contains("accountEquity has more than 8 decimal places"), notNoise.body());
            assertEquals(0, new BigDecimal("300.30").compareTo((BigDecimal)account(gateway).get("balance")), "nothing refused is applied");

            try (GatewayHarness.Socket socket = gateway.connect(executor))
            {
                // Python: 1000.1 + 2000.2
                socket.send("{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"accountEquity\":3000.3000000000002}}");
                final Map<String, Object> taken = socket.next();
                assertEquals(Boolean.TRUE, taken.get("success"), taken::toString);
                final Object equity = gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("account_equity");
                assertEquals(0, new BigDecimal("3000.3").compareTo((BigDecimal)equity), equity::toString);
                socket.send("{\"type\":\"heartbeat\",\"status\":\"online\",\"metadata\":{\"accountEquity\":300.295}}");
                final Map<String, Object> error = socket.next();
                assertEquals("error", error.get("type"), error::toString);
                assertTrue(((String)error.get("error")).contains("accountEquity 300.295 has more decimal places"), error::toString);
            }
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldTakeALargeAmountWhoseNoiseFitsTheWiresDigitsAsItsValueInCents()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            // Python: 47018308.98 - 237.59, a double 7e-9 from 47018071.39 whose shortest text has just 8 decimals
            final GatewayHarness.Response noisy = beat(gateway, executor, "\"accountBalance\":47018308.98,\"accountEquity\":47018071.38999999");
            assertEquals(200, noisy.status(), noisy.body());
            final Object equity = gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("account_equity");
            assertEquals(0, new BigDecimal("47018071.39").compareTo((BigDecimal)equity), equity::toString);

            final GatewayHarness.Response finer = beat(gateway, executor, "\"accountBalance\":10500.12345678");
            assertEquals(400, finer.status(), finer.body());
            assertTrue(finer.body().contains("accountBalance 10500.12345678 has more decimal places than the gateway keeps money at (2)"), finer.body());
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldFillAtTheValuesAResultsNoisyLotsAndPriceStandFor()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.buy("mt5-1", "0.30").at("order_id");
            final GatewayHarness.Response result = gateway.result(executor, "ord_" + orderId + "_1", "executed",
                "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.0842800000000001,\"lots\":0.30000000000000004}}");
            assertEquals(200, result.status(), result.body());
            final Map<?, ?> order = gateway.admin("GET", "/api/v1/orders/" + orderId, null).json();
            assertEquals("filled", order.get("status"), order.toString());
            assertEquals(0, new BigDecimal("0.3").compareTo(new BigDecimal(order.get("filled_quantity").toString())), order.toString());
            assertEquals(0, new BigDecimal("1.08428").compareTo((BigDecimal)order.get("average_price")), order.toString());
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldBookLargeClosesWhoseProfitIsBinaryNoiseOfAValueInCents()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            for (int ticket = 777001; ticket <= 777002; ticket++)
            {
                final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
                assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed",
                    "{\"success\":true,\"details\":{\"ticket\":\"" + ticket + "\",\"price\":1.08428,\"lots\":0.1}}").status());
            }
            // Python: 12209348.84 + 890.54 and 2422998.59 - 556.62, 1e-9 and 3e-10 from a value in cents (as a heartbeat's
            // equity would be taken), but more than a relative 1e-12 of a value at the wire's 8 digits would allow
            final Object positionId = ((Map<?, ?>)((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"))
                .get(0)).get("position_id");
            final Object closingId = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{}").at("order_id");
            final GatewayHarness.Response result = gateway.result(executor, "ord_" + closingId + "_1", "executed",
                "{\"success\":true,\"details\":{\"price\":1.08600,\"profit\":12210239.379999999}}");
            assertEquals(200, result.status(), result.body());
            final GatewayHarness.Response report = gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"777002\","
                + "\"closeTime\":\"2026-12-01T11:00:00Z\",\"closePrice\":1.08600,\"profit\":2422441.9699999997}", executor.key(), executor.secret());
            assertEquals(200, report.status(), report.body());
            assertEquals(List.of(), (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"));
            final Object realized = account(gateway).get("realized_pnl");
            assertEquals(0, new BigDecimal("14632681.35").compareTo((BigDecimal)realized), realized::toString);
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldStillRefuseAClientOrderWithNoisyQuantity()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final GatewayHarness.Response order = gateway.buy("mt5-1", "0.30000000000000004");
            assertEquals(400, order.status(), order.body());
            assertTrue(order.body().contains("quantity has more than 8 decimal places"), order.body());
            assertEquals(List.of(), (List<?>)gateway.admin("GET", "/api/v1/orders?account_id=mt5-1", null).at("orders"));
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldStoreAHistoryDealWhoseVolumeIsNoiseOfItsLots()
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, InvestorSyncHttpTest.EXECUTORS, false))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (SimulatedTerminal terminal = TerminalReportsHttpTest.startTerminal(gateway, executor, prices))
            {
                terminal.investorAccount(5001, InvestorSyncHttpTest.PASSWORD, "Sim-Server")
                    .historicalTrades(1, Instant.parse("2026-01-05T08:00:00Z"), Duration.ofMinutes(10), "EURUSD", new BigDecimal("0.30000000000000004"));
                assertEquals(200, gateway.admin("POST", "/api/mt5/connect", "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":5001,"
                    + "\"mt5Server\":\"Sim-Server\",\"investorPassword\":\"" + InvestorSyncHttpTest.PASSWORD + "\"}").status());

                final GatewayHarness.Response sync = gateway.admin("POST", "/api/mt5/sync/mt5-1", null);
                assertEquals(new BigDecimal("1"), sync.at("synced"), sync.body());
                final List<?> closed = (List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1", null).at("positions");
                assertEquals(1, closed.size(), closed::toString);
                assertEquals(0, new BigDecimal("0.3").compareTo(new BigDecimal(((Map<?, ?>)closed.get(0)).get("size").toString())), closed::toString);
            }
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response beat(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String money)
    {
        return gateway.call("POST", "/api/executor/" + executor.id() + "/heartbeat", "{\"status\":\"online\",\"metadata\":{" + money + "}}",
            executor.key(), executor.secret());
    }

    private static Map<?, ?> account(final GatewayHarness gateway)
    {
        return gateway.admin("GET", "/api/v1/accounts/mt5-1", null).json();
    }
}
