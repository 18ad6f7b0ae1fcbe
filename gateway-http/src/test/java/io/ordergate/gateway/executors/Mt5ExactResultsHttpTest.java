package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway: the results of its own orders, and the money of closes, are booked exactly or refused by field and
 * value, never rounded. A refused result leaves its command pending and its order routed until a result that fits
 * comes; a refused close report leaves the position open and the balance as it was. The journal replays to the same state.
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
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
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
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
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

    @Test
    void shouldRefuseACloseWhoseMoneyIsFinerThanTheGatewaysMoneyDigits()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.onlineExecutorQuoted("mt5-1");
            final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
            assertEquals(200, gateway.result(executor, "ord_" + orderId + "_1", "executed", details("\"price\":1.08428,\"lots\":0.1")).status());
            final Object balance = account(gateway).get("balance");
            final Object positionId = ((Map<?, ?>)positions(gateway).get(0)).get("position_id");
            final Object closingId = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{}").at("order_id");
            final String closeId = "ord_" + closingId + "_1";

            refused(gateway.result(executor, closeId, "executed", details("\"price\":1.08600,\"profit\":17.125")),
                "profit 17.125 has more decimal places than the gateway keeps money at (2)");
            assertEquals(1, positions(gateway).size(), "still open");
            assertEquals(List.of(closeId), pendingIds(gateway, executor));
            refused(trade(gateway, executor, "\"ticket\":\"777001\",\"closeTime\":\"2026-12-01T11:00:00Z\",\"closePrice\":1.08600,"
                + "\"profit\":17.20,\"commission\":-0.705,\"swap\":0"), "commission -0.705 has more decimal places than the gateway keeps money at (2)");
            refused(trade(gateway, executor, "\"ticket\":\"777001\",\"closeTime\":\"2026-12-01T11:00:00Z\",\"closePrice\":1.08600,"
                + "\"profit\":17.20,\"swap\":-0.0001"), "swap -0.0001 has more decimal places");
            assertEquals(1, positions(gateway).size(), "still open");
            assertEquals(balance, account(gateway).get("balance"), "no money booked");

            assertEquals(200, gateway.result(executor, closeId, "executed", details("\"price\":1.08600,\"profit\":17.20")).status());
            assertEquals(List.of(), positions(gateway));
            assertEquals(0, new BigDecimal("17.2").compareTo((BigDecimal)account(gateway).get("realized_pnl")));
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldRefuseAHeartbeatWhoseBalanceOrEquityIsFinerThanTheGatewaysMoneyDigits()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final Object balance = account(gateway).get("balance");
            refused(beat(gateway, executor, "\"accountBalance\":0.12345678"), "accountBalance 0.12345678 has more decimal places than the gateway keeps money at (2)");
            refused(beat(gateway, executor, "\"accountBalance\":10500.12,\"accountEquity\":10500.125"), "accountEquity 10500.125 has more decimal places");
            assertEquals(balance, account(gateway).get("balance"), "not rounded into the account");

            assertEquals(200, beat(gateway, executor, "\"accountBalance\":10500.12,\"accountEquity\":10500.13").status());
            assertEquals(0, new BigDecimal("10500.12").compareTo((BigDecimal)account(gateway).get("balance")));
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldRefuseTheHeartbeatOfAnAccountInACurrencyOfMoreDecimalsThanTheGatewaysMoneyNamingIt()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final Object balance = account(gateway).get("balance");
            // 1.5 BTC fits in cents, but the account's first profit of 0.00012345 BTC would not: refused at once, by its currency
            final String why = "the account's currency BTC has 8 decimal places (currencyDigits), more than the gateway keeps money at (2)";
            refused(beat(gateway, executor, "\"accountBalance\":1.5,\"currency\":\"BTC\",\"currencyDigits\":8"), why);
            refused(beat(gateway, executor, "\"accountBalance\":1.12345678,\"currency\":\"BTC\",\"currencyDigits\":8"), why);
            assertEquals(balance, account(gateway).get("balance"), "nothing of it applied");
            final Object status = gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status");
            assertEquals("offline", status, "never online, so never sent an order");

            assertEquals(200, beat(gateway, executor, "\"accountBalance\":10500.12,\"currency\":\"USD\",\"currencyDigits\":2").status());
            assertEquals(200, beat(gateway, executor, "\"accountBalance\":1500000,\"currency\":\"JPY\",\"currencyDigits\":0").status());
            gateway.closeAndCheckSnapshot();
        }
    }

    /**
     * Seed 000's executors never send currencyDigits: their account's currency is taken to have 2 decimal places, so they
     * are served, and an amount finer than cents is refused by field and value saying the 2 was taken, not sent.
     */
    @Test
    void shouldTakeAHeartbeatWithoutCurrencyDigitsAsTwoDecimalPlacesAndSaySoWhenAnAmountIsFiner()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final Object balance = account(gateway).get("balance");
            refused(beat(gateway, executor, "\"accountBalance\":1.12345678,\"currency\":\"BTC\""), "accountBalance 1.12345678 has more decimal places"
                + " than the gateway keeps money at (2): not rounded, so the heartbeat, which sent no currencyDigits (the account's currency is"
                + " taken to have 2 decimal places; a currency of more is not supported), is refused");
            refused(beat(gateway, executor, "\"accountBalance\":10500.12,\"currencyDigits\":-1"), "currencyDigits must be 0 or more");
            assertEquals(balance, account(gateway).get("balance"), "nothing of a refused heartbeat applied");
            assertEquals("offline", gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status"));

            assertEquals(200, beat(gateway, executor, "\"accountBalance\":10500.12,\"accountEquity\":10500.13").status());
            assertEquals(0, new BigDecimal("10500.12").compareTo((BigDecimal)account(gateway).get("balance")));
            assertEquals("online", gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status"));
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldRefuseAConnectResultWhoseAccountBalanceIsFinerThanTheGatewaysMoneyDigits()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.heartbeat(executor);
            final CompletableFuture<GatewayHarness.Response> connect = CompletableFuture.supplyAsync(() -> gateway.admin("POST", "/api/mt5/connect",
                "{\"tradingAccountId\":\"mt5-1\",\"mt5Login\":\"777\",\"mt5Server\":\"B\",\"investorPassword\":\"pw\"}"));
            GatewayHarness.await("the connect command", () -> !pendingIds(gateway, executor).isEmpty());
            final String commandId = (String)pendingIds(gateway, executor).get(0);

            refused(gateway.result(executor, commandId, "executed",
                "{\"success\":true,\"details\":{\"status\":\"CONNECTED\",\"accountInfo\":{\"login\":777,\"balance\":10250.005}}}"),
                "balance 10250.005 has more decimal places than the gateway keeps money at (2): not rounded, so the result is refused");
            assertEquals(List.of(commandId), pendingIds(gateway, executor), "the connect still waits for its result");
            assertEquals(0, new BigDecimal("10000").compareTo((BigDecimal)account(gateway).get("balance")), "not rounded into the account");

            assertEquals(200, gateway.result(executor, commandId, "executed",
                "{\"success\":true,\"details\":{\"status\":\"CONNECTED\",\"accountInfo\":{\"login\":777,\"balance\":10250.01}}}").status());
            assertEquals("CONNECTED", connect.join().at("status"));
            assertEquals(0, new BigDecimal("10250.01").compareTo((BigDecimal)account(gateway).get("balance")));
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response beat(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String money)
    {
        return gateway.call("POST", "/api/executor/" + executor.id() + "/heartbeat", "{\"status\":\"online\",\"metadata\":{" + money + "}}",
            executor.key(), executor.secret());
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

    private static Map<?, ?> account(final GatewayHarness gateway)
    {
        return gateway.admin("GET", "/api/v1/accounts/mt5-1", null).json();
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
