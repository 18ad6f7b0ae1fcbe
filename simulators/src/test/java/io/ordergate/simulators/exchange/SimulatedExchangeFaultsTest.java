package io.ordergate.simulators.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault of the simulated exchange, seen by a client over real sockets, and the user-data stream. */
class SimulatedExchangeFaultsTest
{
    private static final String MARKET_BUY = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&newClientOrderId=";

    private SimulatedExchange exchange;
    private SignedClient client;

    @BeforeEach
    void start()
    {
        exchange = SimulatedExchange.start("127.0.0.1", 0, 200, 3);
        exchange.addAccount("key-1", "secret-1", Map.of("USDT", "10000"));
        exchange.quote("BTCUSDT", "65000.00", "65001.00");
        client = new SignedClient(exchange.restUrl(), "key-1", "secret-1");
    }

    @AfterEach
    void stop()
    {
        exchange.close();
    }

    @Test
    void shouldPushNewTradeAndBalanceEventsOnTheUserDataStream() throws Exception
    {
        final String listenKey = (String)SignedClient.json(client.raw("POST", "/api/v3/userDataStream", "key-1")).get("listenKey");
        assertEquals(listenKey, SignedClient.json(client.raw("POST", "/api/v3/userDataStream", "key-1")).get("listenKey"));
        try (StreamRecorder stream = new StreamRecorder(exchange.streamUrl(), listenKey))
        {
            Eventually.holds("the socket is attached", () -> exchange.openUserStreams() == 1);
            client.signed("POST", "/api/v3/order", MARKET_BUY + "og-1");
            stream.await(StreamRecorder.report("og-1", "NEW", "NEW"));
            final Map<String, Object> trade = stream.await(StreamRecorder.report("og-1", "TRADE", "FILLED"));
            assertEquals("0.01000000", trade.get("l"));
            assertEquals("65001.00000000", trade.get("L"));
            assertEquals("650.01000000", trade.get("Z"));
            stream.await(e -> "outboundAccountPosition".equals(e.get("e")) && e.get("B").toString().contains("a=BTC, f=0.01000000"));
        }
        assertEquals(-1125, SignedClient.code(client.raw("PUT", "/api/v3/userDataStream?listenKey=nope", "key-1")));
        assertEquals(200, client.raw("DELETE", "/api/v3/userDataStream?listenKey=" + listenKey, "key-1").statusCode());
    }

    @Test
    void shouldRefuseWith429AndRetryAfterThenServeAgain() throws Exception
    {
        exchange.faults().rateLimitNext(1, 2);
        final HttpResponse<String> limited = client.signed("POST", "/api/v3/order", MARKET_BUY + "og-1");
        assertEquals(429, limited.statusCode());
        assertEquals(-1003, SignedClient.code(limited));
        assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(exchange.orders("key-1").isEmpty(), "a refused request places nothing");
        assertEquals(200, client.signed("POST", "/api/v3/order", MARKET_BUY + "og-1").statusCode());
    }

    @Test
    void shouldBanWith418UntilTheBanEnds() throws Exception
    {
        exchange.faults().ban(30);
        final HttpResponse<String> banned = client.raw("GET", "/api/v3/time", null);
        assertEquals(418, banned.statusCode());
        assertTrue(Long.parseLong(banned.headers().firstValue("Retry-After").orElseThrow()) > 25);
        assertTrue(SignedClient.json(banned).get("msg").toString().startsWith("Way too much request weight used; IP banned until "));
        exchange.faults().clear();
        assertEquals(200, client.raw("GET", "/api/v3/time", null).statusCode());
    }

    @Test
    void shouldCountWeightAndOrdersAndRefuseOverTheLimits() throws Exception
    {
        SimulatedExchange.awaitRoomInLimitWindows();
        final HttpResponse<String> info = client.raw("GET", "/api/v3/exchangeInfo", null);
        assertEquals("20", info.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        for (int i = 1; i <= 3; i++)
        {
            final HttpResponse<String> placed = client.signed("POST", "/api/v3/order", MARKET_BUY + "n-" + i);
            assertEquals(String.valueOf(i), placed.headers().firstValue("X-MBX-ORDER-COUNT-10S").orElseThrow());
        }
        final HttpResponse<String> fourth = client.signed("POST", "/api/v3/order", MARKET_BUY + "n-4");
        assertEquals(429, fourth.statusCode());
        assertEquals(-1015, SignedClient.code(fourth));
        assertTrue(fourth.headers().firstValue("Retry-After").isPresent());
        for (int i = 0; i < 8; i++)
        {
            client.raw("GET", "/api/v3/exchangeInfo", null);
        }
        final HttpResponse<String> heavy = client.raw("GET", "/api/v3/exchangeInfo", null);
        assertEquals(429, heavy.statusCode());
        assertEquals(-1003, SignedClient.code(heavy));
    }

    @Test
    void shouldPlaceTheOrderAndStillAnswer503() throws Exception
    {
        exchange.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503);
        final HttpResponse<String> answer = client.signed("POST", "/api/v3/order", MARKET_BUY + "og-503");
        assertEquals(503, answer.statusCode());
        assertEquals(-1007, SignedClient.code(answer));
        assertEquals("FILLED", exchange.ordersWithClientId("key-1", "og-503").get(0).status());
    }

    @Test
    void shouldPlaceTheOrderAndNeverAnswer() throws Exception
    {
        exchange.faults().failAfterPlacing(1, Faults.FailMode.NO_ANSWER);
        final String params = MARKET_BUY + "og-silent&timestamp=" + System.currentTimeMillis();
        final HttpRequest.Builder request = HttpRequest.newBuilder(exchange.restUrl().resolve("/api/v3/order"))
            .header("X-MBX-APIKEY", "key-1").header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(params + "&signature=" + RequestAuth.hmacHex("secret-1", params)))
            .timeout(Duration.ofMillis(500));
        assertThrows(HttpTimeoutException.class, () -> client.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, exchange.ordersWithClientId("key-1", "og-silent").size());
    }

    @Test
    void shouldSayANewOrderDoesNotExistForAWhile() throws Exception
    {
        // long enough that the query right after the answer falls inside it on a loaded machine (200 ms did not), and asked
        // every 250 ms, not every 10: this exchange's weight limit is 200 a minute and a query weighs 4
        exchange.faults().hideNewOrders(1_500);
        assertEquals(200, client.signed("POST", "/api/v3/order", MARKET_BUY + "og-hidden").statusCode());
        assertEquals(-2013, SignedClient.code(client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=og-hidden")));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int status = 0;
        while (status != 200 && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(250);
            status = client.signed("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=og-hidden").statusCode();
        }
        assertEquals(200, status, "the order became visible");
    }

    @Test
    void shouldFillLateAndInParts() throws Exception
    {
        exchange.faults().lateFills(200).partialFills(2, 100);
        final String listenKey = (String)SignedClient.json(client.raw("POST", "/api/v3/userDataStream", "key-1")).get("listenKey");
        try (StreamRecorder stream = new StreamRecorder(exchange.streamUrl(), listenKey))
        {
            Eventually.holds("the socket is attached", () -> exchange.openUserStreams() == 1);
            final Map<String, Object> placed = SignedClient.json(client.signed("POST", "/api/v3/order", MARKET_BUY + "og-late"));
            assertEquals("NEW", placed.get("status"));
            assertEquals("0.00500000", stream.await(StreamRecorder.report("og-late", "TRADE", "PARTIALLY_FILLED")).get("l"));
            assertEquals("0.01000000", stream.await(StreamRecorder.report("og-late", "TRADE", "FILLED")).get("z"));
        }
    }

    @Test
    void shouldDropAndMuteUserDataStreams() throws Exception
    {
        final String listenKey = (String)SignedClient.json(client.raw("POST", "/api/v3/userDataStream", "key-1")).get("listenKey");
        try (StreamRecorder stream = new StreamRecorder(exchange.streamUrl(), listenKey))
        {
            Eventually.holds("the socket is attached", () -> exchange.openUserStreams() == 1);
            exchange.faults().muteUserStreams(60_000);
            client.signed("POST", "/api/v3/order", MARKET_BUY + "og-muted");
            exchange.faults().clear();
            client.signed("POST", "/api/v3/order", MARKET_BUY + "og-heard");
            stream.await(StreamRecorder.report("og-heard", "TRADE", "FILLED"));
            assertFalse(stream.events.stream().anyMatch(e -> "og-muted".equals(e.get("c"))), "events while muted are lost");
            exchange.dropUserStreams();
            Eventually.holds("the client sees its stream closed", () -> stream.closed);
        }
    }

    @Test
    void shouldRefuseALocalTimestampWhenTheExchangeClockRunsAhead() throws Exception
    {
        exchange.faults().clockOffset(10_000);
        assertEquals(-1021, SignedClient.code(client.signed("GET", "/api/v3/account", "")));
        final long serverTime = ((Number)SignedClient.json(client.raw("GET", "/api/v3/time", null)).get("serverTime")).longValue();
        client.clockOffset = serverTime - System.currentTimeMillis();
        assertEquals(200, client.signed("GET", "/api/v3/account", "").statusCode());
    }
}
