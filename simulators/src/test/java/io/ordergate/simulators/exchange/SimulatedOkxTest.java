package io.ordergate.simulators.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated OKX over real sockets: its signature, passphrase and timestamp checks, orders by clOrdId, its private stream. */
class SimulatedOkxTest
{
    private static final String ORDER = "/api/v5/trade/order";

    private SimulatedOkx okx;
    private OkxClient client;

    @BeforeEach
    void start()
    {
        okx = SimulatedOkx.start(0);
        okx.addAccount("okx-key", "okx-secret", "okx-pass", Map.of("USDT", "10000", "BTC", "1"));
        okx.quote("BTC-USDT", "65000.00", "65001.00");
        client = new OkxClient(okx.restUrl(), "okx-key", "okx-secret", "okx-pass");
    }

    @AfterEach
    void stop()
    {
        okx.close();
    }

    @Test
    void shouldCheckTheSignaturePassphraseAndTimestampAsOkxDoes() throws Exception
    {
        final long ts = Long.parseLong((String)OkxClient.first(client.plain("/api/v5/public/time")).get("ts"));
        assertTrue(Math.abs(ts - System.currentTimeMillis()) < 5_000);
        final HttpResponse<String> balance = client.signed("GET", "/api/v5/account/balance?ccy=USDT", null);
        assertEquals(200, balance.statusCode(), balance.body());
        assertEquals("0", OkxClient.json(balance).get("code"));
        assertEquals("10000", ((List<?>)OkxClient.first(balance).get("details")).stream().map(d -> ((Map<?, ?>)d).get("availBal")).findFirst().get());
        final String now = OkxClient.timestamp(Instant.now());
        assertCode(client.signedAt("GET", "/api/v5/account/balance", null, now, "wrong-secret", "okx-pass"), 401, "50113");
        assertCode(client.signedAt("GET", "/api/v5/account/balance", null, now, "okx-secret", "wrong-pass"), 401, "50105");
        assertCode(client.signedAt("GET", "/api/v5/account/balance", null, OkxClient.timestamp(Instant.now().minusSeconds(60)), "okx-secret",
            "okx-pass"), 401, "50102");
    }

    @Test
    void shouldRefuseADemoTradingKeyWithoutTheDemoHeaderAsOkxDoes() throws Exception
    {
        okx.addDemoTradingAccount("demo-key", "demo-secret", "demo-pass", Map.of("USDT", "100"));
        final OkxClient demo = new OkxClient(okx.restUrl(), "demo-key", "demo-secret", "demo-pass");
        assertCode(demo.signed("GET", "/api/v5/account/balance?ccy=USDT", null), 401, "50101");
        assertEquals(200, client.signed("GET", "/api/v5/account/balance?ccy=USDT", null).statusCode(), "a live key needs no header");
    }

    @Test
    void shouldRefuseASecondOrderWithTheSameClOrdIdAndFindOrdersByIt() throws Exception
    {
        final String limit = "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"clOrdId\":\"og1x1\",\"side\":\"buy\",\"ordType\":\"limit\",\"px\":\"60000\",\"sz\":\"0.01\"}";
        final HttpResponse<String> placed = client.signed("POST", ORDER, limit);
        assertEquals("0", OkxClient.first(placed).get("sCode"), placed.body());
        final HttpResponse<String> again = client.signed("POST", ORDER, limit);
        assertEquals("1", OkxClient.json(again).get("code"));
        assertEquals("51016", OkxClient.first(again).get("sCode"));
        assertEquals(1, okx.ordersWithClientId("okx-key", "og1x1").size());
        final Map<String, Object> live = OkxClient.first(client.signed("GET", ORDER + "?instId=BTC-USDT&clOrdId=og1x1", null));
        assertEquals("live", live.get("state"));
        assertEquals("600", okx.balances("okx-key").get("USDT").get("frozenBal"));
        assertCode(client.signed("GET", ORDER + "?instId=BTC-USDT&clOrdId=nosuch", null), 200, "51603");
        final HttpResponse<String> cancel = client.signed("POST", "/api/v5/trade/cancel-order", "{\"instId\":\"BTC-USDT\",\"clOrdId\":\"og1x1\"}");
        assertEquals("0", OkxClient.first(cancel).get("sCode"), cancel.body());
        assertEquals("canceled", OkxClient.first(client.signed("GET", ORDER + "?instId=BTC-USDT&clOrdId=og1x1", null)).get("state"));
        assertEquals("51400", OkxClient.first(client.signed("POST", "/api/v5/trade/cancel-order", "{\"instId\":\"BTC-USDT\",\"clOrdId\":\"og1x1\"}"))
            .get("sCode"));
        // still refused once the first is closed: a clOrdId names one order
        assertEquals("51016", OkxClient.first(client.signed("POST", ORDER, limit)).get("sCode"));
        assertEquals("51000", OkxClient.json(client.signed("POST", ORDER, limit.replace("og1x1", "og-1"))).get("code"));
    }

    @Test
    void shouldPushFillsAndPartialFillsOnThePrivateStreamAfterItsLogin() throws Exception
    {
        try (OkxClient.Socket socket = new OkxClient.Socket(okx.streamUrl()))
        {
            socket.send("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"orders\",\"instType\":\"ANY\"}]}");
            assertEquals("60011", socket.await(m -> "error".equals(m.get("event"))).get("code"));
            socket.send(client.loginMessage("wrong-pass"));
            assertEquals("60024", socket.await(m -> "60024".equals(m.get("code"))).get("code"));
            socket.send(client.loginMessage("okx-pass"));
            assertEquals("0", socket.await(m -> "login".equals(m.get("event"))).get("code"));
            socket.send("{\"op\":\"subscribe\",\"args\":[{\"channel\":\"orders\",\"instType\":\"ANY\"},{\"channel\":\"account\"}]}");
            socket.await(m -> "subscribe".equals(m.get("event")) && "account".equals(((Map<?, ?>)m.get("arg")).get("channel")));
            socket.send("ping");
            Eventually.holds("pong", () -> socket.texts.contains("pong"));

            client.signed("POST", ORDER, "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"clOrdId\":\"m1\",\"side\":\"buy\",\"ordType\":\"market\","
                + "\"tgtCcy\":\"base_ccy\",\"sz\":\"0.01\"}");
            final Map<String, Object> filled = item(socket.await(m -> state(m, "m1", "filled")));
            assertEquals("0.01", filled.get("accFillSz"));
            assertEquals("65001", filled.get("avgPx"));
            assertEquals("0.01", filled.get("fillSz"));
            socket.await(m -> isAccount(m) && "BTC".equals(((Map<?, ?>)((List<?>)item(m).get("details")).get(0)).get("ccy")));

            okx.faults().partialFills(2, 50);
            client.signed("POST", ORDER, "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"clOrdId\":\"p1\",\"side\":\"sell\",\"ordType\":\"market\",\"sz\":\"0.5\"}");
            final Map<String, Object> part = item(socket.await(m -> state(m, "p1", "partially_filled")));
            assertEquals("0.25", part.get("accFillSz"));
            assertEquals("0.5", item(socket.await(m -> state(m, "p1", "filled"))).get("accFillSz"));
        }
    }

    @Test
    void shouldKeepTheOrderItAnswers503For() throws Exception
    {
        okx.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503);
        final HttpResponse<String> failed = client.signed("POST", ORDER,
            "{\"instId\":\"BTC-USDT\",\"tdMode\":\"cash\",\"clOrdId\":\"u1\",\"side\":\"buy\",\"ordType\":\"market\",\"tgtCcy\":\"base_ccy\",\"sz\":\"0.01\"}");
        assertEquals(503, failed.statusCode());
        assertEquals("filled", OkxClient.first(client.signed("GET", ORDER + "?instId=BTC-USDT&clOrdId=u1", null)).get("state"));
        assertEquals(1, okx.ordersWithClientId("okx-key", "u1").size());
    }

    private static Map<String, Object> item(final Map<String, Object> push)
    {
        @SuppressWarnings("unchecked")
        final Map<String, Object> item = (Map<String, Object>)((List<?>)push.get("data")).get(0);
        return item;
    }

    private static boolean state(final Map<String, Object> push, final String clOrdId, final String state)
    {
        return push.get("data") != null && "orders".equals(((Map<?, ?>)push.get("arg")).get("channel")) && clOrdId.equals(item(push).get("clOrdId"))
            && state.equals(item(push).get("state"));
    }

    private static boolean isAccount(final Map<String, Object> push)
    {
        return push.get("data") != null && "account".equals(((Map<?, ?>)push.get("arg")).get("channel"));
    }

    private static void assertCode(final HttpResponse<String> response, final int status, final String code) throws Exception
    {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, OkxClient.json(response).get("code"), response.body());
    }
}
