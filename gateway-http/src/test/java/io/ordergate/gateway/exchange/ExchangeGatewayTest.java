package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.testing.SecretSearch;
import io.ordergate.simulators.exchange.Faults;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The exchange venue through the real gateway (HTTP in, the ring, the journal, the connector's I/O over loopback to the
 * demo's simulated exchange, and back as journaled reports): fills, balances, each fault with no order doubled or lost,
 * the credentials kept out of the journal, and a group signal fanned out to paper, MT5 and the exchange at once.
 */
class ExchangeGatewayTest
{
    @TempDir
    Path dir;

    private ExchangeHarness gateway;

    @BeforeEach
    void start()
    {
        gateway = new ExchangeHarness(dir);
    }

    @AfterEach
    void stop()
    {
        gateway.close();
    }

    /** Every order the exchange holds has its own client order id, and there are as many as the gateway sent. */
    private void assertNoneDoubled(final int expected)
    {
        final List<SimulatedExchange.OrderSnapshot> orders = gateway.exchange().orders(null);
        final Set<String> ids = new HashSet<>();
        orders.forEach(o -> ids.add(o.clientOrderId()));
        assertEquals(expected, orders.size(), "orders at the exchange: " + orders);
        assertEquals(expected, ids.size(), "one order per client order id");
    }

    @Test
    void shouldFillAMarketOrderAtTheExchangeAndShowBalancesPerAsset()
    {
        final JsonNode placed = gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-1");
        assertEquals(201, placed.path("_status").asInt(), placed.toString());
        assertEquals("routed", placed.path("status").asText());
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("65001"), ExchangeHarness.decimal(filled.path("average_price")));
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(filled.path("filled_quantity")));
        ExchangeHarness.await("balances from the exchange", () ->
            gateway.get("/api/v1/accounts/binance-demo").path("balances").path("BTC").path("total").decimalValue().compareTo(new BigDecimal("1.01")) == 0);
        final JsonNode account = gateway.get("/api/v1/accounts/binance-demo");
        assertEquals(0, account.path("balances").path("USDT").path("available").decimalValue().compareTo(new BigDecimal("99349.99")), account.toString());
        assertTrue(account.path("credentials").path("api_key").asText().contains("\u2026"), "only a masked key is shown");
        assertNoneDoubled(1);
    }

    @Test
    void shouldRefuseOrdersUnderTheExchangesMinimumNotionalWithoutSendingThem()
    {
        // The simulated exchange's BTCUSDT MIN_NOTIONAL is 5 USDT, for market orders too (valued at the quote).
        final JsonNode market = gateway.order("binance-demo", "BTCUSDT", "buy", "0.00005", "ex-small");
        final JsonNode refused = gateway.awaitStatus(market.path("order_id").asText(), "rejected");
        assertEquals("VENUE_REJECTED", refused.path("reject_code").asText(), refused.toString());
        assertTrue(refused.path("reject_message").asText().contains("notional 3.25005 (0.00005 x 65001 at the quote) is below the exchange's "
            + "minimum notional 5 for BTCUSDT"), refused.toString());
        final JsonNode limit = gateway.call("POST", "/api/v1/orders", "{\"account_id\":\"binance-demo\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\","
            + "\"type\":\"limit\",\"price\":40000,\"quantity\":0.0001,\"client_order_id\":\"ex-small-limit\"}");
        final JsonNode limitRefused = gateway.awaitStatus(limit.path("order_id").asText(), "rejected");
        assertTrue(limitRefused.path("reject_message").asText().contains("notional 4 (0.0001 x 40000)"), limitRefused.toString());
        // at the minimum it is sent
        final JsonNode enough = gateway.order("binance-demo", "BTCUSDT", "buy", "0.0001", "ex-enough");
        gateway.awaitStatus(enough.path("order_id").asText(), "filled");
        assertEquals(0, gateway.exchange().errorsAnswered(-1013), "the exchange never had to refuse one");
        assertNoneDoubled(1);
    }

    @Test
    void shouldReconcileA503AfterWhichTheOrderExistsEvenWhileTheExchangeSaysItDoesNot()
    {
        // the stream is muted too, or its fill report would settle the order before the 503 is even read
        gateway.exchange().faults().failAfterPlacing(1, Faults.FailMode.STATUS_503).hideNewOrders(1_500).muteUserStreams(60_000);
        final JsonNode placed = gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-503");
        gateway.awaitStatus(placed.path("order_id").asText(), "unknown");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals("null", filled.path("reject_code").asText("null"));
        assertNoneDoubled(1);
    }

    @Test
    void shouldReconcileAnOrderWhoseAnswerNeverCame()
    {
        gateway.exchange().faults().failAfterPlacing(1, Faults.FailMode.NO_ANSWER);
        final JsonNode placed = gateway.order("binance-demo", "BTCUSDT", "sell", "0.01", "ex-silent");
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertNoneDoubled(1);
    }

    @Test
    void shouldRefuseOrdersWith503VenueUnavailableDuringABan()
    {
        gateway.exchange().faults().ban(60);
        final JsonNode first = gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-ban-1");
        final JsonNode refused = gateway.awaitStatus(first.path("order_id").asText(), "rejected");
        assertEquals("VENUE_UNAVAILABLE", refused.path("reject_code").asText());
        final JsonNode second = gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-ban-2");
        assertEquals(503, second.path("_status").asInt(), second.toString());
        assertEquals("VENUE_UNAVAILABLE", second.path("error").path("code").asText());
        assertNoneDoubled(0);
    }

    @Test
    void shouldFollowLateAndPartialFillsToTheAveragePrice()
    {
        // The second part fills at the quote of its time: 2 s after the first leaves room for the quote below to move first
        // on a busy 2-core machine (300 ms did not: the poll that sees the first part and the quote took longer once).
        gateway.exchange().faults().lateFills(200).partialFills(2, 2_000);
        final JsonNode placed = gateway.order("binance-demo", "BTCUSDT", "buy", "0.02", "ex-parts");
        gateway.awaitStatus(placed.path("order_id").asText(), "partially_filled");
        gateway.quote("BTCUSDT", "65010.00", "65011.00");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("65006"), ExchangeHarness.decimal(filled.path("average_price")), "(0.01 x 65001 + 0.01 x 65011) / 0.02");
        assertNoneDoubled(1);
    }

    @Test
    void shouldLearnAFillMissedWhileTheUserStreamWasDownByReconcilingOnReconnect()
    {
        ExchangeHarness.await("the user stream is up", () -> gateway.exchange().openUserStreams() == 1);
        final JsonNode placed = gateway.call("POST", "/api/v1/orders", "{\"account_id\":\"binance-demo\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\","
            + "\"type\":\"limit\",\"price\":64000,\"quantity\":0.01,\"client_order_id\":\"ex-limit\"}");
        gateway.awaitStatus(placed.path("order_id").asText(), "accepted");
        gateway.exchange().faults().muteUserStreams(60_000);
        gateway.quote("BTCUSDT", "63999.00", "64000.00");
        gateway.exchange().faults().clear();
        gateway.exchange().dropUserStreams();
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("64000"), ExchangeHarness.decimal(filled.path("average_price")));
        assertNoneDoubled(1);
    }

    @Test
    void shouldKeepTheCredentialsOutOfTheJournalsBytes() throws Exception
    {
        final Properties demo = new Properties();
        try (var in = Files.newInputStream(dir.resolve("demo-exchange.properties")))
        {
            demo.load(in);
        }
        gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-secret").path("order_id").asText(), "filled");
        assertEquals(List.of(), SecretSearch.secretsIn(dir.resolve("journal"), List.of(demo.getProperty("api_secret"), demo.getProperty("api_key"))));
        assertFalse(gateway.get("/api/v1/accounts/binance-demo").toString().contains(demo.getProperty("api_key")));
    }

    @Test
    void shouldFanOneGroupSignalOutToPaperMt5AndTheExchange()
    {
        ExchangeHarness.await("the MT5 terminal is online", () -> "online".equals(gateway.get("/api/v1/executors/demo-executor").path("status").asText()));
        assertEquals(201, gateway.call("POST", "/api/v1/groups", "{\"group_id\":\"mix\",\"name\":\"mix\",\"members\":["
            + "{\"account_id\":\"paper-1\",\"sizing\":{\"mode\":\"multiplier\",\"value\":1}},"
            + "{\"account_id\":\"mt5-demo\",\"sizing\":{\"mode\":\"multiplier\",\"value\":1}},"
            + "{\"account_id\":\"binance-demo\",\"sizing\":{\"mode\":\"multiplier\",\"value\":1}}]}").path("_status").asInt());
        final JsonNode fanned = gateway.call("POST", "/api/v1/groups/mix/orders",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"quantity\":0.01,\"client_order_id\":\"sig-1\"}");
        assertEquals(3, fanned.path("success_count").asInt(), fanned.toString());
        for (final JsonNode result : fanned.path("results"))
        {
            gateway.awaitStatus(result.path("order_id").asText(), "filled");
        }
        assertNoneDoubled(1);
    }

    @Test
    void shouldSignWithNewCredentialsOnceTheyAreSetAndNeverJournalThemPlain() throws Exception
    {
        final String newKey = "rotated-key-0123456789";
        final String newSecret = "rotated-secret-never-in-the-journal-9876543210";
        gateway.exchange().addAccount(newKey, newSecret, java.util.Map.of("USDT", "5000"));
        final JsonNode refused = gateway.call("POST", "/api/v1/accounts/binance-demo/update-credentials", "{\"api_key\":\"" + newKey + "\"}");
        assertEquals(400, refused.path("_status").asInt());
        assertEquals("api_secret", refused.path("error").path("field").asText());
        assertEquals(404, gateway.call("POST", "/api/v1/accounts/paper-1/update-credentials",
            "{\"api_key\":\"k-0123456789\",\"api_secret\":\"s\"}").path("_status").asInt());
        final JsonNode updated = gateway.call("POST", "/api/v1/accounts/binance-demo/update-credentials",
            "{\"api_key\":\"" + newKey + "\",\"api_secret\":\"" + newSecret + "\"}");
        assertTrue(updated.path("success").asBoolean(), updated.toString());
        assertEquals("rota\u20266789", gateway.get("/api/v1/accounts/binance-demo").path("credentials").path("api_key").asText());
        ExchangeHarness.await("an order signed with the new key", () ->
        {
            gateway.order("binance-demo", "BTCUSDT", "buy", "0.001", "ex-rot-" + System.nanoTime());
            return !gateway.exchange().orders(newKey).isEmpty();
        });
        assertEquals(List.of(), SecretSearch.secretsIn(dir.resolve("journal"), List.of(newSecret, newKey)));
    }

    @Test
    void shouldTradeAgainAfterARestartWithTheCredentialsFromTheJournal()
    {
        gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-before").path("order_id").asText(), "filled");
        gateway.close();
        gateway = new ExchangeHarness(dir);
        gateway.awaitStatus(gateway.order("binance-demo", "BTCUSDT", "buy", "0.01", "ex-after").path("order_id").asText(), "filled");
    }

    @Test
    void shouldCheckTheMinimumNotionalAfterARestartAtTheQuoteTheJournalHeld()
    {
        gateway.close();
        gateway = ExchangeHarness.restartedWithoutQuotes(dir);
        final JsonNode market = gateway.order("binance-demo", "BTCUSDT", "buy", "0.00005", "ex-small-after");
        final JsonNode refused = gateway.awaitStatus(market.path("order_id").asText(), "rejected");
        assertTrue(refused.path("reject_message").asText().contains("(0.00005 x 65001 at the quote)"), "refused here, not sent: " + refused);
    }
}
