package io.ordergate.simulators.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.binance.connector.client.SpotClient;
import com.binance.connector.client.exceptions.BinanceClientException;
import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.WebSocketStreamClientImpl;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A client no one here wrote drives the simulated exchange exactly as it drives the real one: Binance's own Java
 * connector ({@code io.github.binance:binance-connector-java}, OkHttp underneath) signs, places, queries and cancels
 * orders, reads the account, opens a user-data stream with its WebSocket client and gets the execution reports. Every
 * field asserted is one the exchange's documentation shows for that answer.
 */
class BinanceJavaConnectorTest
{
    private static final String KEY = "connector-java-key-0123456789";
    private static final String SECRET = "connector-java-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private SimulatedExchange exchange;
    private SpotClient client;
    private WebSocketStreamClientImpl streams;

    @BeforeEach
    void start()
    {
        exchange = SimulatedExchange.start(0);
        exchange.addAccount(KEY, SECRET, Map.of("USDT", "100000", "BTC", "1"));
        exchange.quote("BTCUSDT", "65000.00", "65001.00");
        client = new SpotClientImpl(KEY, SECRET, exchange.restUrl().toString());
    }

    @AfterEach
    void stop()
    {
        if (streams != null)
        {
            streams.closeAllConnections();
        }
        exchange.close();
    }

    @Test
    void shouldPlaceQueryAndCancelOrdersAndReadTheAccount() throws Exception
    {
        assertTrue(Math.abs(read(client.createMarket().time()).path("serverTime").asLong() - System.currentTimeMillis()) < 60_000);
        final JsonNode info = read(client.createMarket().exchangeInfo(params("symbol", "BTCUSDT")));
        assertEquals("BTCUSDT", info.path("symbols").path(0).path("symbol").asText());
        assertEquals("0.01000000", filter(info.path("symbols").path(0), "PRICE_FILTER").path("tickSize").asText());
        assertEquals("0.00001000", filter(info.path("symbols").path(0), "LOT_SIZE").path("stepSize").asText());
        final JsonNode book = read(client.createMarket().bookTicker(params("symbol", "BTCUSDT")));
        assertEquals(0, new BigDecimal("65001").compareTo(new BigDecimal(book.path("askPrice").asText())));

        final JsonNode resting = read(client.createTrade().newOrder(signed("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.01", "price", "60000", "newClientOrderId", "cj-limit-1")));
        assertEquals("NEW", resting.path("status").asText(), resting.toString());
        assertEquals("cj-limit-1", resting.path("clientOrderId").asText());
        assertEquals(-1, resting.path("orderListId").asInt());
        for (final String field : new String[] {"symbol", "orderId", "transactTime", "price", "origQty", "executedQty", "cummulativeQuoteQty",
            "timeInForce", "type", "side", "workingTime", "selfTradePreventionMode"})
        {
            assertTrue(resting.has(field), field + " in " + resting);
        }
        final long orderId = resting.path("orderId").asLong();
        final JsonNode byId = read(client.createTrade().getOrder(signed("symbol", "BTCUSDT", "orderId", orderId)));
        assertEquals("cj-limit-1", byId.path("clientOrderId").asText());
        assertEquals("60000.00000000", byId.path("price").asText());
        for (final String field : new String[] {"stopPrice", "icebergQty", "time", "updateTime", "isWorking", "origQuoteOrderQty"})
        {
            assertTrue(byId.has(field), field + " in " + byId);
        }
        assertEquals(orderId, read(client.createTrade().getOrder(signed("symbol", "BTCUSDT", "origClientOrderId", "cj-limit-1"))).path("orderId").asLong());
        assertEquals(1, read(client.createTrade().getOpenOrders(signed("symbol", "BTCUSDT"))).size());
        final JsonNode cancelled = read(client.createTrade().cancelOrder(signed("symbol", "BTCUSDT", "origClientOrderId", "cj-limit-1")));
        assertEquals("CANCELED", cancelled.path("status").asText(), cancelled.toString());
        assertEquals("cj-limit-1", cancelled.path("origClientOrderId").asText());
        assertEquals(0, read(client.createTrade().getOpenOrders(signed("symbol", "BTCUSDT"))).size());

        final JsonNode filled = read(client.createTrade().newOrder(signed("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.01", "newOrderRespType", "FULL")));
        assertEquals("FILLED", filled.path("status").asText(), filled.toString());
        assertEquals("65001.00000000", filled.path("fills").path(0).path("price").asText());
        assertTrue(filled.path("fills").path(0).has("commissionAsset"), filled.toString());
        assertEquals(0, new BigDecimal("650.01").compareTo(new BigDecimal(filled.path("cummulativeQuoteQty").asText())));

        client.createTrade().newOrder(signed("symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.01",
            "price", "70000"));
        client.createTrade().newOrder(signed("symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.01",
            "price", "71000"));
        final JsonNode all = read(client.createTrade().cancelOpenOrders(signed("symbol", "BTCUSDT")));
        assertEquals(2, all.size(), all.toString());
        assertEquals("CANCELED", all.path(1).path("status").asText());
        assertEquals(4, read(client.createTrade().getOrders(signed("symbol", "BTCUSDT"))).size(), "every order of the symbol, done or not");
        assertEquals(0, new BigDecimal("65000.5").compareTo(new BigDecimal(read(client.createMarket().tickerSymbol(params("symbol", "BTCUSDT")))
            .path("price").asText())));

        final JsonNode account = read(client.createTrade().account(signed()));
        assertTrue(account.path("canTrade").asBoolean(), account.toString());
        assertEquals("SPOT", account.path("accountType").asText());
        assertEquals(0, new BigDecimal("1.01").compareTo(new BigDecimal(balance(account, "BTC").path("free").asText())));
        assertEquals(0, new BigDecimal("99349.99").compareTo(new BigDecimal(balance(account, "USDT").path("free").asText())));
    }

    @Test
    void shouldAnswerTheConnectorsErrorsInTheExchangesCodes()
    {
        final BinanceClientException unknownSymbol = assertThrows(BinanceClientException.class, () -> client.createTrade().newOrder(
            signed("symbol", "NOPEUSDT", "side", "BUY", "type", "MARKET", "quantity", "1")));
        assertEquals(-1121, unknownSymbol.getErrorCode());
        assertEquals(400, unknownSymbol.getHttpStatusCode());
        final BinanceClientException notFound = assertThrows(BinanceClientException.class, () -> client.createTrade().getOrder(
            signed("symbol", "BTCUSDT", "origClientOrderId", "never-placed")));
        assertEquals(-2013, notFound.getErrorCode());
        final BinanceClientException offTheLot = assertThrows(BinanceClientException.class, () -> client.createTrade().newOrder(
            signed("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.000001")));
        assertEquals(-1013, offTheLot.getErrorCode());
        final SpotClient wrongSecret = new SpotClientImpl(KEY, "not-the-secret", exchange.restUrl().toString());
        final BinanceClientException badSignature = assertThrows(BinanceClientException.class, () -> wrongSecret.createTrade().account(
            signed()));
        assertEquals(-1022, badSignature.getErrorCode());
    }

    @Test
    void shouldStreamExecutionReportsToTheConnectorsWebSocketClient() throws Exception
    {
        final String listenKey = read(client.createUserData().createListenKey()).path("listenKey").asText();
        assertFalse(listenKey.isEmpty());
        final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        final CountDownLatch open = new CountDownLatch(1);
        streams = new WebSocketStreamClientImpl(exchange.streamUrl().toString());
        streams.listenUserStream(listenKey, response -> open.countDown(), message -> events.add(read(message)), (code, reason) -> { },
            (code, reason) -> { }, (failure, response) -> events.add(JSON.createObjectNode().put("failure", String.valueOf(failure))));
        assertTrue(open.await(20, TimeUnit.SECONDS), "the connector's WebSocket opened");
        // The client hears "open" when the handshake's answer arrives; the exchange attaches the socket to its listen
        // key once it has sent that answer. An order placed in between would be reported to no one, so wait for both.
        final long attachedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (exchange.openUserStreams() == 0 && System.nanoTime() < attachedBy)
        {
            Thread.sleep(10);
        }
        assertEquals(1, exchange.openUserStreams(), "the exchange attached the socket to the listen key");
        client.createTrade().newOrder(signed("symbol", "BTCUSDT", "side", "SELL", "type", "MARKET", "quantity", "0.5", "newClientOrderId", "cj-ws-1"));
        // as the exchange does: the order's NEW report first, then its trade
        final JsonNode accepted = next(events, "executionReport");
        assertEquals("NEW", accepted.path("x").asText(), accepted.toString());
        assertEquals("cj-ws-1", accepted.path("c").asText());
        final JsonNode report = next(events, "executionReport");
        assertEquals("cj-ws-1", report.path("c").asText(), report.toString());
        assertEquals("FILLED", report.path("X").asText());
        assertEquals("TRADE", report.path("x").asText());
        assertEquals(0, new BigDecimal("32500").compareTo(new BigDecimal(report.path("Z").asText())));
        for (final String field : new String[] {"E", "s", "S", "o", "f", "q", "p", "i", "l", "z", "L", "n", "T", "t", "w", "m", "O", "Q"})
        {
            assertTrue(report.has(field), field + " in " + report);
        }
        final JsonNode balances = next(events, "outboundAccountPosition");
        assertTrue(balances.path("B").isArray(), balances.toString());
        assertEquals("{}", client.createUserData().extendListenKey(params("listenKey", listenKey)));
        assertEquals("{}", client.createUserData().closeListenKey(params("listenKey", listenKey)));
    }

    private static JsonNode next(final BlockingQueue<JsonNode> events, final String type) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline)
        {
            final JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.has("failure"))
            {
                throw new AssertionError("the stream failed: " + event);
            }
            if (event != null && type.equals(event.path("e").asText()))
            {
                return event;
            }
        }
        throw new AssertionError("no " + type + " within 20 s");
    }

    private static JsonNode filter(final JsonNode symbol, final String type)
    {
        for (final JsonNode filter : symbol.path("filters"))
        {
            if (type.equals(filter.path("filterType").asText()))
            {
                return filter;
            }
        }
        throw new AssertionError("no " + type + " in " + symbol);
    }

    private static JsonNode balance(final JsonNode account, final String asset)
    {
        for (final JsonNode balance : account.path("balances"))
        {
            if (asset.equals(balance.path("asset").asText()))
            {
                return balance;
            }
        }
        throw new AssertionError("no " + asset + " in " + account);
    }

    /**
     * A signed request's parameters with Binance's longest {@code recvWindow} (60 s): the connector stamps each request
     * when it builds it, and on a loaded test machine the first one (OkHttp and TLS-free connect still warming up) may
     * arrive later than the default 5 s window the simulated exchange enforces, as the real one does.
     */
    private static LinkedHashMap<String, Object> signed(final Object... pairs)
    {
        final LinkedHashMap<String, Object> map = params(pairs);
        map.put("recvWindow", 60_000);
        return map;
    }

    /** The connector's parameters: an ordered map, as its documentation builds them. */
    private static LinkedHashMap<String, Object> params(final Object... pairs)
    {
        final LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            map.put((String)pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static JsonNode read(final String text)
    {
        try
        {
            return JSON.readTree(text);
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError("not JSON: " + text, ex);
        }
    }
}
