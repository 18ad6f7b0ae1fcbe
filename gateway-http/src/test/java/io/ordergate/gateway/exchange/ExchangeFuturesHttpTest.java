package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Binance USDⓈ-M futures account over HTTP against the simulated exchange's /fapi routes: made with
 * {@code market_type: futures}, its orders go to /fapi/v1/order; in one-way mode a close is reduce-only, in hedge mode
 * every order names the side it opens or closes, and an order that would reverse a hedge-mode position is refused
 * before it is sent; after a restart the account is still a futures account and trades on.
 */
class ExchangeFuturesHttpTest extends SimulatedBinanceTest
{
    private static final String KEY = "futures-test-key-000111222";
    private static final String SECRET = "futures-test-secret-never-journaled-333444555";

    ExchangeFuturesHttpTest()
    {
        super(new SimulatedBinance(KEY, SECRET, Map.of("USDT", "10000")));
    }

    @Test
    void shouldTradeAFuturesAccountOneWayThenHedgedAndAfterARestart() throws Exception
    {
        final JsonNode created = makeFuturesAccount("bn-fut");
        assertEquals("futures", created.path("market_type").asText(), created.toString());
        assertEquals("one_way", created.path("futures_position_mode").asText());
        ExchangeHarness.await("its futures user-data stream is up (/fapi/v1/listenKey)", () -> venue.openUserStreams() == 1);
        ExchangeHarness.await("its futures wallet read (/fapi/v3/account)", () -> gateway.get("/api/v1/accounts/bn-fut").path("balances")
            .path("USDT").path("total").asDouble() == 10000);

        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "buy", "0.01", "f-1").path("order_id").asText(), "filled");
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "sell", "0.01", "f-2").path("order_id").asText(), "filled");
        assertEquals(2, venue.futuresOrders(KEY).size(), "both went to /fapi/v1/order");
        assertEquals(0, venue.orders(KEY).size(), "none to spot");
        assertEquals(Boolean.FALSE, venue.futuresOrders(KEY).get(0).get("reduceOnly"));
        assertEquals(Boolean.TRUE, venue.futuresOrders(KEY).get(1).get("reduceOnly"), "the close went reduce-only");
        assertEquals("BOTH", venue.futuresOrders(KEY).get(1).get("positionSide"));
        ExchangeHarness.await("the wallet after the round trip, from ACCOUNT_UPDATE", () -> gateway.get("/api/v1/accounts/bn-fut").path("balances")
            .path("USDT").path("total").decimalValue().compareTo(new java.math.BigDecimal("9999.99")) == 0);

        gateway.call("PUT", "/api/v1/accounts/bn-fut/futures-settings", "{\"symbol\":\"BTCUSDT\",\"position_mode\":\"hedge\"}");
        ExchangeHarness.await("hedge mode applied", () -> "hedge".equals(gateway.get("/api/v1/accounts/bn-fut").path("futures_position_mode").asText()));
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "buy", "0.02", "f-3").path("order_id").asText(), "filled");
        final JsonNode reversing = gateway.order("bn-fut", "BTCUSDT", "sell", "0.03", "f-4");
        assertEquals("rejected", reversing.path("status").asText(), reversing.toString());
        assertTrue(reversing.toString().contains("hedge mode"), reversing.toString());
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "sell", "0.02", "f-5").path("order_id").asText(), "filled");
        final List<Map<String, Object>> sent = venue.futuresOrders(KEY);
        assertEquals(4, sent.size(), "the reversing order was never sent");
        assertEquals("LONG", sent.get(2).get("positionSide"));
        assertEquals("LONG", sent.get(3).get("positionSide"), "the sell closed the long");
        assertEquals("SELL", sent.get(3).get("side"));
        assertEquals(0, gateway.get("/api/v1/positions?account_id=bn-fut").path("positions").size(), "flat");

        gateway = binance.restart(() -> { });
        final JsonNode replayed = gateway.get("/api/v1/accounts/bn-fut");
        assertEquals("futures", replayed.path("market_type").asText(), replayed.toString());
        assertEquals("hedge", replayed.path("futures_position_mode").asText());
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "sell", "0.01", "f-6").path("order_id").asText(), "filled");
        assertEquals("SHORT", venue.futuresOrders(KEY).get(4).get("positionSide"), "a sell from flat opens the short");
    }

    /**
     * A leverage above the symbol's highest at the exchange (its leverage brackets: 50 here) shows as refused in the
     * account view, naming that highest, and none of the settings asked with it reached the exchange; a leverage within
     * it is applied. The refusal is journaled (the harness's stop replays the journal and compares the state).
     */
    @Test
    void shouldShowALeverageAboveTheSymbolsBracketsAsRefusedWithItsHighest()
    {
        makeFuturesAccount("bn-lev");
        venue.maxLeverage("BTCUSDT", 50);

        final JsonNode asked = gateway.call("PUT", "/api/v1/accounts/bn-lev/futures-settings",
            "{\"symbol\":\"BTCUSDT\",\"leverage\":75,\"margin_mode\":\"isolated\"}");
        assertEquals(200, asked.path("_status").asInt(), asked.toString());
        ExchangeHarness.await("the leverage refused", () -> "failed".equals(futures("bn-lev").path("status").asText()));
        assertTrue(futures("bn-lev").path("message").asText().contains("leverage 75 is above BTCUSDT's highest at the exchange, 50"),
            futures("bn-lev").toString());
        assertEquals(0, venue.requestsReceived("POST", "/fapi/v1/leverage") + venue.requestsReceived("POST", "/fapi/v1/marginType"), "nothing sent");

        gateway.call("PUT", "/api/v1/accounts/bn-lev/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":50}");
        ExchangeHarness.await("the leverage within the brackets applied", () -> "applied".equals(futures("bn-lev").path("status").asText()));
        assertEquals(Map.of("BTCUSDT", 50), venue.futuresSettings(KEY).get("leverage"));
    }

    /**
     * New credentials replace the account's connection while a leverage waits for the exchange's brackets on the old one
     * (750 ms late): that leverage is sent again on the new connection, and a later one asked meanwhile goes after it, so
     * the exchange ends at the leverage asked last, as the account's view says. Before 2026-12-06 the later one went
     * first on the new connection and the earlier one, sent again after it, was what the exchange kept.
     */
    @Test
    void shouldLeaveTheLeverageAskedLastWhenTheConnectionIsReplacedUnderAnEarlierOne()
    {
        makeFuturesAccount("bn-relink");
        venue.maxLeverage("BTCUSDT", 100);
        venue.faults().slowLeverageBrackets(750);

        assertEquals(200, gateway.call("PUT", "/api/v1/accounts/bn-relink/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":75}")
            .path("_status").asInt());
        final JsonNode relinked = gateway.call("POST", "/api/v1/accounts/bn-relink/update-credentials",
            "{\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(200, relinked.path("_status").asInt(), relinked.toString());
        assertEquals(200, gateway.call("PUT", "/api/v1/accounts/bn-relink/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":20}")
            .path("_status").asInt());

        ExchangeHarness.await("both leverages sent", () -> venue.requestsReceived("POST", "/fapi/v1/leverage") == 2);
        ExchangeHarness.await("the view settled", () -> !"pending".equals(futures("bn-relink").path("status").asText()));
        assertEquals(Map.of("BTCUSDT", 20), venue.futuresSettings(KEY).get("leverage"), futures("bn-relink").toString());
        assertEquals(20, futures("bn-relink").path("leverage").asInt(), futures("bn-relink").toString());
    }

    /**
     * Two leverages asked one after another on the same connection, the first above the highest kept (50) so it first asks
     * the symbol's brackets (raised to 125 since, the answer 500 ms late) and the second within it: the exchange ends at the
     * leverage asked last, as the account's view says. The account-level order (SettingsInOrder) keeps this, the case
     * FuturesSetupTest checked of the connector's own per-link chain before that chain was removed.
     */
    @Test
    void shouldLeaveTheLeverageAskedLastWhenAnEarlierOneWaitsForTheBrackets()
    {
        makeFuturesAccount("bn-order");
        venue.maxLeverage("BTCUSDT", 50);
        gateway.call("PUT", "/api/v1/accounts/bn-order/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":50}");
        ExchangeHarness.await("50 applied and kept as the highest", () -> "applied".equals(futures("bn-order").path("status").asText()));
        venue.maxLeverage("BTCUSDT", 125);  // the exchange raised the symbol's brackets since
        venue.faults().slowLeverageBrackets(500);

        assertEquals(200, gateway.call("PUT", "/api/v1/accounts/bn-order/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":75}")
            .path("_status").asInt());
        assertEquals(200, gateway.call("PUT", "/api/v1/accounts/bn-order/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":20}")
            .path("_status").asInt());

        ExchangeHarness.await("the three leverages sent", () -> venue.requestsReceived("POST", "/fapi/v1/leverage") == 3);
        ExchangeHarness.await("the view settled", () -> !"pending".equals(futures("bn-order").path("status").asText()));
        assertEquals(Map.of("BTCUSDT", 20), venue.futuresSettings(KEY).get("leverage"), futures("bn-order").toString());
        assertEquals(20, futures("bn-order").path("leverage").asInt(), futures("bn-order").toString());
        assertEquals("applied", futures("bn-order").path("status").asText(), futures("bn-order").toString());
    }

    /** A Binance futures account on the test key, made (201): its view. */
    private JsonNode makeFuturesAccount(final String accountId)
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"" + accountId + "\",\"venue\":\"binance\","
            + "\"market_type\":\"futures\",\"balance\":10000,\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        return created;
    }

    private JsonNode futures(final String accountId)
    {
        return gateway.get("/api/v1/accounts/" + accountId).path("futures").path("BTCUSDT");
    }

    /**
     * A futures market order's REST answer (RESULT: filled, no commission) beats its ORDER_TRADE_UPDATE (the stream held
     * back a second), whose commission {@code n} (0.04% of 0.01 x 65001 = 0.260004 USDT) is still the trade's fee, once.
     */
    @Test
    void shouldBookTheStreamsCommissionOfAMarketOrderItsRestAnswerFilledFirst()
    {
        makeFuturesAccount("bn-fee");
        ExchangeHarness.await("its futures user-data stream is up", () -> venue.openUserStreams() == 1);
        venue.commissionRate(new java.math.BigDecimal("0.0004"));
        venue.faults().delayUserStreams(1_000);
        gateway.awaitStatus(gateway.order("bn-fee", "BTCUSDT", "buy", "0.01", "f-fee").path("order_id").asText(), "filled");
        ExchangeHarness.await("the stream's commission is the trade's fee", () -> new java.math.BigDecimal("0.26").compareTo(
            ExchangeHarness.decimal(gateway.get("/api/v1/trades?account_id=bn-fee").path("trades").get(0).path("fee"))) == 0);
        final JsonNode trades = gateway.get("/api/v1/trades?account_id=bn-fee").path("trades");
        assertEquals(1, trades.size(), trades.toString());
    }
}
