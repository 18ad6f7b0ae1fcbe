package io.ordergate.simulators.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.simulators.SimulatorJson;

/** The simulated exchange over real sockets: signed requests, filters, error codes and answer shapes as Binance documents them. */
class SimulatedExchangeTest
{
    private SimulatedExchange exchange;
    private SignedClient client;

    @BeforeEach
    void start()
    {
        exchange = SimulatedExchange.start(0);
        exchange.addAccount("key-1", "secret-1", Map.of("USDT", "10000", "BTC", "1"));
        exchange.quote("BTCUSDT", "65000.00", "65001.00");
        client = new SignedClient(exchange.restUrl(), "key-1", "secret-1");
    }

    @AfterEach
    void stop()
    {
        exchange.close();
    }

    @Test
    void shouldPublishServerTimeAndTheSymbolsFilters() throws Exception
    {
        final long before = System.currentTimeMillis();
        final long serverTime = ((Number)SignedClient.json(client.raw("GET", "/api/v3/time", null)).get("serverTime")).longValue();
        assertTrue(serverTime >= before && serverTime <= System.currentTimeMillis());
        final Map<String, Object> info = SignedClient.json(client.raw("GET", "/api/v3/exchangeInfo", null));
        @SuppressWarnings("unchecked")
        final Map<String, Object> btc = ((List<Map<String, Object>>)info.get("symbols")).get(0);
        assertEquals("BTCUSDT", btc.get("symbol"));
        assertEquals(List.of(
            Map.of("filterType", "PRICE_FILTER", "minPrice", "0.01000000", "maxPrice", "1000000.00000000", "tickSize", "0.01000000"),
            Map.of("filterType", "LOT_SIZE", "minQty", "0.00001000", "maxQty", "9000.00000000", "stepSize", "0.00001000"),
            Map.of("filterType", "MIN_NOTIONAL", "minNotional", "5.00000000", "applyToMarket", true, "avgPriceMins", 5)), btc.get("filters"));
    }

    @Test
    void shouldFillAMarketBuyAtTheAskWithTheFullAnswerAndUsageHeaders() throws Exception
    {
        final HttpResponse<String> placed = client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000&newClientOrderId=og-1");
        assertEquals(200, placed.statusCode(), placed.body());
        final Map<String, Object> order = SignedClient.json(placed);
        assertEquals("og-1", order.get("clientOrderId"));
        assertEquals("FILLED", order.get("status"));
        assertEquals("0.01000000", order.get("executedQty"));
        assertEquals("650.01000000", order.get("cummulativeQuoteQty"));
        assertEquals(-1, ((Number)order.get("orderListId")).intValue());
        assertEquals("65001.00000000", ((Map<?, ?>)((List<?>)order.get("fills")).get(0)).get("price"));
        assertEquals("1", placed.headers().firstValue("X-MBX-ORDER-COUNT-10S").orElseThrow());
        assertTrue(Integer.parseInt(placed.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow()) >= 1);
        assertEquals("9349.99", exchange.balances("key-1").get("USDT").get("free"));
        assertEquals("1.01", exchange.balances("key-1").get("BTC").get("free"));
    }

    @Test
    void shouldRefuseWhatTheRealExchangeRefusesWithItsCodes() throws Exception
    {
        assertEquals(-1013, SignedClient.code(client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.000015")));
        assertEquals("Filter failure: LOT_SIZE", SignedClient.json(
            client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.000015")).get("msg"));
        assertEquals("Filter failure: PRICE_FILTER", SignedClient.json(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.001&price=60000.005")).get("msg"));
        assertEquals("Filter failure: MIN_NOTIONAL", SignedClient.json(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.00001&price=60000")).get("msg"));
        assertEquals(-1121, SignedClient.code(client.signed("POST", "/api/v3/order", "symbol=DOGEUSDT&side=BUY&type=MARKET&quantity=1")));
        assertEquals(-1102, SignedClient.code(client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET")));
        assertEquals(-1106, SignedClient.code(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&timeInForce=GTC")));
        assertEquals(-1104, SignedClient.code(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&reduceOnly=true")));
        assertEquals(-1100, SignedClient.code(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001&newClientOrderId=has%20space")));
        final HttpResponse<String> poor = client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1");
        assertEquals(400, poor.statusCode());
        assertEquals(Map.of("code", -2010, "msg", "Account has insufficient balance for requested action."), SignedClient.json(poor));
        assertTrue(exchange.orders("key-1").isEmpty(), "no refused order exists");
    }

    @Test
    void shouldCheckKeySignatureAndTimestamp() throws Exception
    {
        assertEquals(-2014, SignedClient.code(client.raw("GET", "/api/v3/account?timestamp=1&signature=00", null)));
        assertEquals(401, client.raw("GET", "/api/v3/account?timestamp=1&signature=00", "nobody").statusCode());
        assertEquals(-2015, SignedClient.code(client.raw("GET", "/api/v3/account?timestamp=1&signature=00", "nobody")));
        final long now = System.currentTimeMillis();
        final String params = "timestamp=" + now;
        assertEquals(-1022, SignedClient.code(client.raw("GET", "/api/v3/account?" + params + "&signature="
            + RequestAuth.hmacHex("wrong-secret", params), "key-1")));
        final String stale = "timestamp=" + (now - 6_000);
        assertEquals(-1021, SignedClient.code(client.raw("GET", "/api/v3/account?" + stale + "&signature=" + RequestAuth.hmacHex("secret-1", stale),
            "key-1")));
        final String wide = "recvWindow=10000&timestamp=" + (now - 6_000);
        assertEquals(200, client.raw("GET", "/api/v3/account?" + wide + "&signature=" + RequestAuth.hmacHex("secret-1", wide), "key-1").statusCode());
        final String ahead = "timestamp=" + (now + 3_000);
        assertEquals(-1021, SignedClient.code(client.raw("GET", "/api/v3/account?" + ahead + "&signature=" + RequestAuth.hmacHex("secret-1", ahead),
            "key-1")));
    }

    @Test
    void shouldRestQueryAndCancelALimitOrderByClientOrderId() throws Exception
    {
        final Map<String, Object> placed = SignedClient.json(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=60000&newClientOrderId=og-7"));
        assertEquals("NEW", placed.get("status"));
        assertEquals("600", exchange.balances("key-1").get("USDT").get("locked"));
        assertEquals(-2010, SignedClient.code(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=60000&newClientOrderId=og-7")));
        final Map<String, Object> queried = SignedClient.json(client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=og-7"));
        assertEquals(placed.get("orderId"), queried.get("orderId"));
        assertEquals(Boolean.TRUE, queried.get("isWorking"));
        final List<?> open = (List<?>)SimulatorJson.parse(client.signed("GET", "/api/v3/openOrders", "symbol=BTCUSDT").body());
        assertEquals(1, open.size());
        final Map<String, Object> cancelled = SignedClient.json(client.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=og-7"));
        assertEquals("CANCELED", cancelled.get("status"));
        assertEquals("og-7", cancelled.get("origClientOrderId"));
        assertEquals("0", exchange.balances("key-1").get("USDT").get("locked"));
        assertEquals(-2011, SignedClient.code(client.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=og-7")));
        assertEquals(-2013, SignedClient.code(client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=never-sent")));
    }

    @Test
    void shouldFillARestingLimitWhenTheQuoteCrossesItAndTriggerAStop() throws Exception
    {
        client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=64000&newClientOrderId=lim");
        client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.5&stopPrice=63500&newClientOrderId=stop");
        assertEquals(-2010, SignedClient.code(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=0.5&stopPrice=66000&newClientOrderId=now")));
        exchange.quote("BTCUSDT", "63999.00", "64000.00");
        assertEquals("FILLED", exchange.ordersWithClientId("key-1", "lim").get(0).status());
        assertEquals("NEW", exchange.ordersWithClientId("key-1", "stop").get(0).status());
        exchange.quote("BTCUSDT", "63400.00", "63401.00");
        assertEquals("FILLED", exchange.ordersWithClientId("key-1", "stop").get(0).status());
        assertEquals("41060", exchange.balances("key-1").get("USDT").get("free"));  // 10000 - 0.01 x 64000 + 0.5 x 63400
    }

    @Test
    void shouldListAnOrdersFillsWithTheirCommissionsAsMyTradesDoes() throws Exception
    {
        exchange.commissionRate(new java.math.BigDecimal("0.001"));
        final Map<String, Object> bought = SignedClient.json(client.signed("POST", "/api/v3/order",
            "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000&newClientOrderId=og-1"));
        client.signed("POST", "/api/v3/order", "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.02000&newClientOrderId=og-2");
        final long orderId = ((Number)bought.get("orderId")).longValue();
        final HttpResponse<String> answer = client.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT&orderId=" + orderId);
        assertEquals(200, answer.statusCode(), answer.body());
        final List<?> trades = (List<?>)SimulatorJson.parse(answer.body());
        assertEquals(1, trades.size(), "the one order's fill only");
        final Map<?, ?> trade = (Map<?, ?>)trades.get(0);
        assertEquals(orderId, ((Number)trade.get("orderId")).longValue());
        assertEquals("65001.00000000", trade.get("price"));
        assertEquals("0.01000000", trade.get("qty"));
        assertEquals("650.01000000", trade.get("quoteQty"));
        assertEquals("0.00001000", trade.get("commission"), "the taker rate of what the buy brought in");
        assertEquals("BTC", trade.get("commissionAsset"));
        assertEquals(Boolean.TRUE, trade.get("isBuyer"));
        assertEquals(-1, ((Number)trade.get("orderListId")).intValue());
        assertEquals(2, ((List<?>)SimulatorJson.parse(client.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT").body())).size(), "every fill of the symbol");
        assertEquals(-1100, SignedClient.code(client.signed("GET", "/api/v3/myTrades", "symbol=BTCUSDT&limit=1001")));
        assertEquals(-1102, SignedClient.code(client.signed("GET", "/api/v3/myTrades", "orderId=" + orderId)));
    }

    @Test
    void shouldAnswerTheFuturesSettingsRoutes() throws Exception
    {
        final Map<String, Object> leverage = SignedClient.json(client.signed("POST", "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=10"));
        assertEquals(10, ((Number)leverage.get("leverage")).intValue());
        assertEquals(-4028, SignedClient.code(client.signed("POST", "/fapi/v1/leverage", "symbol=BTCUSDT&leverage=200")));
        assertEquals(200, ((Number)SignedClient.json(client.signed("POST", "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED"))
            .get("code")).intValue());
        assertEquals(-4046, SignedClient.code(client.signed("POST", "/fapi/v1/marginType", "symbol=BTCUSDT&marginType=ISOLATED")));
        client.signed("POST", "/fapi/v1/positionSide/dual", "dualSidePosition=true");
        assertEquals(Boolean.TRUE, SignedClient.json(client.signed("GET", "/fapi/v1/positionSide/dual", "")).get("dualSidePosition"));
        assertEquals(-4059, SignedClient.code(client.signed("POST", "/fapi/v1/positionSide/dual", "dualSidePosition=true")));
        assertNotNull(SignedClient.json(client.raw("GET", "/fapi/v1/time", null)).get("serverTime"));
    }
}
