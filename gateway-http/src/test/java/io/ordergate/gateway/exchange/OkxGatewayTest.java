package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.Faults;
import io.ordergate.simulators.exchange.SimulatedOkx;

/**
 * OKX accounts through the real gateway (HTTP in, the ring, the journal, the connector's I/O speaking OKX v5 over
 * loopback to a simulated OKX, fills back through its private WebSocket as journaled reports): accounts made the native
 * and the seed 003 way (the passphrase required), market and limit fills, a partial fill, a cancel, balances, a 503
 * after the exchange took the order reconciled by clOrdId with one fill, and open orders reconciled after a restart.
 */
class OkxGatewayTest
{
    private static final String KEY = "okx-test-key-0123456789";
    private static final String SECRET = "okx-test-secret-never-journaled-98765";
    private static final String PASSPHRASE = "okx-test-passphrase";

    @TempDir
    Path dir;

    private SimulatedOkx okx;
    private ExchangeHarness gateway;

    @BeforeEach
    void start()
    {
        okx = SimulatedOkx.start(0);
        okx.addAccount(KEY, SECRET, PASSPHRASE, Map.of("USDT", "10000", "BTC", "1"));
        okx.quote("BTC-USDT", "65000.00", "65001.00");
        gateway = new ExchangeHarness(dir, okxAt(okx));
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        okx.close();
    }

    /** An {@code exchanges} section pointing every okx account (live and demo trading) at the simulated OKX. */
    private static String okxAt(final SimulatedOkx okx)
    {
        final String rest = okx.restUrl().toString();
        final String ws = okx.streamUrl().toString();
        return "exchanges:\n  okx: { rest_url: \"" + rest + "\", stream_url: \"" + ws + "\", testnet_rest_url: \"" + rest
            + "\", testnet_stream_url: \"" + ws + "\", timeout_millis: 3000 }\n";
    }

    private void createNative(final String accountId)
    {
        createNative(accountId, 1);
    }

    /** @param streamsThen the private streams logged in once this account's has (accounts on one key each have their own) */
    private void createNative(final String accountId, final int streamsThen)
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"" + accountId + "\",\"venue\":\"okx\","
            + "\"currency\":\"USD\",\"balance\":100000,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        assertEquals("okx", created.path("venue").asText(), created.toString());
        ExchangeHarness.await("the private stream logged in", () -> okx.loggedInStreams() == streamsThen);
    }

    private JsonNode limit(final String accountId, final String side, final String price, final String quantity, final String clientOrderId)
    {
        return gateway.call("POST", "/api/v1/orders", "{\"account_id\":\"" + accountId + "\",\"symbol\":\"BTCUSDT\",\"side\":\"" + side
            + "\",\"type\":\"limit\",\"price\":" + price + ",\"quantity\":" + quantity + ",\"client_order_id\":\"" + clientOrderId + "\"}");
    }

    /** Both the gateway (its instrument) and the simulated OKX (what it fills at) take the quote. */
    private void quote(final String bid, final String ask)
    {
        okx.quote("BTCUSDT", bid, ask);
        gateway.quote("BTCUSDT", bid, ask);
    }

    private void assertOneOrderPerClOrdId(final int expected)
    {
        final List<Map<String, Object>> orders = okx.orders(KEY);
        assertEquals(expected, orders.size(), "orders at OKX: " + orders);
        assertEquals(expected, orders.stream().map(o -> o.get("clOrdId")).distinct().count(), "one order per clOrdId");
    }

    /**
     * An order waiting for its link's instrument check when new credentials replace that link (a fresh account's link is
     * made again right after its creation, too) was never sent: it is sent on the new link and fills, once, rather than
     * being rejected as "the account's connection is closed" (a CI run met that).
     */
    @Test
    void shouldSendAnOrderItsReplacedLinkNeverSentOnTheLinkThatTookOver()
    {
        okx.faults().slowInstruments(1_500);
        createNative("okx-relinked");
        final JsonNode placed = gateway.order("okx-relinked", "BTCUSDT", "buy", "0.01", "okx-relink-1");
        assertEquals(201, placed.path("_status").asInt(), placed.toString());
        final JsonNode updated = gateway.call("POST", "/api/v1/accounts/okx-relinked/update-credentials", "{\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
        assertEquals(200, updated.path("_status").asInt(), updated.toString());
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertOneOrderPerClOrdId(1);
    }

    /**
     * A cancel that reaches OKX before its order, which waits for its link's instrument check, is answered "no such
     * order"; the order placed a moment later is still cancelled, not left resting (before 2026-12-05 it rested).
     */
    @Test
    void shouldCancelAnOrderWhoseCancelOvertookItsPlacement()
    {
        okx.faults().slowInstruments(3_000);
        createNative("okx-ahead");
        final JsonNode resting = limit("okx-ahead", "buy", "60000", "0.01", "okx-ahead-1");
        assertEquals(201, resting.path("_status").asInt(), resting.toString());
        final String orderId = resting.path("order_id").asText();
        final JsonNode cancel = gateway.call("DELETE", "/api/v1/orders/" + orderId, null);
        assertTrue(cancel.path("_status").asInt() < 300, cancel.toString());
        assertEquals(List.of(), okx.orders(KEY), "the cancel left while the order still waited for the instrument check");
        gateway.awaitStatus(orderId, "cancelled");
        assertEquals("canceled", okx.orders(KEY).get(0).get("state"));
        assertOneOrderPerClOrdId(1);
    }

    @Test
    void shouldMakeOkxAccountsBothWaysAndRefuseOneWithoutItsPassphrase()
    {
        final JsonNode noPassphrase = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"okx-2\",\"venue\":\"okx\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(400, noPassphrase.path("_status").asInt(), noPassphrase.toString());
        assertEquals("passphrase", noPassphrase.path("error").path("field").asText(), noPassphrase.toString());
        final JsonNode seedNoPassphrase = gateway.call("POST", "/api/v1/accounts/create", "{\"exchange\":\"okx\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\",\"passphrase\":\"\"}");
        assertEquals(400, seedNoPassphrase.path("_status").asInt(), seedNoPassphrase.toString());
        assertEquals("passphrase", seedNoPassphrase.path("error").path("field").asText());
        final JsonNode futures = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"okx-3\",\"venue\":\"okx\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\",\"market_type\":\"futures\"}");
        assertEquals("market_type", futures.path("error").path("field").asText(), futures.toString());
        assertEquals(404, gateway.get("/api/v1/accounts/okx-2").path("_status").asInt(), "nothing made by a refused body");

        final JsonNode seed = gateway.call("POST", "/api/v1/accounts/create", "{\"exchange\":\"okx\",\"api_key\":\"" + KEY + "\",\"api_secret\":\""
            + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\",\"initial_balance\":1000,\"is_testnet\":false}");
        assertEquals(201, seed.path("_status").asInt(), seed.toString());
        final String seedId = seed.path("account_id").asText();
        assertTrue(seedId.startsWith("okx-"), seedId);
        assertEquals("okx", gateway.get("/api/v1/accounts/" + seedId).path("venue").asText());
        final JsonNode placed = gateway.order(seedId, "BTCUSDT", "buy", "0.01", "okx-seed-1");
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        // the seed account's stream first: its order filled through REST, so it may log in after the next account's does
        ExchangeHarness.await("the seed account's private stream logged in", () -> okx.loggedInStreams() == 1);
        createNative("okx-native", 2);
        assertOneOrderPerClOrdId(1);
    }

    @Test
    void shouldTradeADemoTradingAccountWithOkxsDemoHeader()
    {
        okx.addDemoTradingAccount("okx-demo-trading-key", SECRET, PASSPHRASE, Map.of("USDT", "10000"));
        final JsonNode demo = gateway.call("POST", "/api/v1/accounts/create", "{\"exchange\":\"okx\",\"api_key\":\"okx-demo-trading-key\","
            + "\"api_secret\":\"" + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\",\"initial_balance\":1000,\"is_testnet\":true}");
        assertEquals(201, demo.path("_status").asInt(), demo.toString());
        final JsonNode placed = gateway.order(demo.path("account_id").asText(), "BTCUSDT", "buy", "0.01", "okx-demo-1");
        assertEquals(201, placed.path("_status").asInt(), placed.toString());
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(0, okx.codesAnswered("50101"), "every request of a testnet account said x-simulated-trading: 1");
    }

    @Test
    void shouldMakeTheOkxAccountOfASeed001ExpertAndRefuseFuturesOnIt()
    {
        final String exchange = "{\"name\":\"okx\",\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\",\"api_passphrase\":\""
            + PASSPHRASE + "\",\"testnet\":false}";
        final JsonNode futures = gateway.call("POST", "/api/v1/experts", "{\"exchange\":" + exchange
            + ",\"trading_config\":{\"market_type\":\"futures\"},\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertEquals(400, futures.path("_status").asInt(), futures.toString());
        assertEquals("trading_config.market_type", futures.path("error").path("field").asText(), futures.toString());
        final JsonNode noPassphrase = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"okx\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\"}}");
        assertEquals(400, noPassphrase.path("_status").asInt(), noPassphrase.toString());
        assertTrue(noPassphrase.path("error").path("field").asText().contains("passphrase"), noPassphrase.toString());
        final JsonNode accounts = gateway.get("/api/v1/accounts").path("accounts");
        assertTrue(accounts.size() > 0, accounts.toString());
        accounts.forEach(a -> assertTrue(!"okx".equals(a.path("venue").asText()), "no account made by a refused body: " + a));

        final JsonNode created = gateway.call("POST", "/api/v1/experts", "{\"exchange\":" + exchange
            + ",\"trading_config\":{\"market_type\":\"spot\"},\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        final String accountId = created.path("account_id").asText();
        assertTrue(accountId.matches("okx-[a-z0-9]{10}"), accountId);
        assertEquals("okx", gateway.get("/api/v1/accounts/" + accountId).path("venue").asText());
        ExchangeHarness.await("the private stream logged in", () -> okx.loggedInStreams() == 1);
        // an expert's account is made without a balance: until the stream's first read brings OKX's, an order is refused for margin
        ExchangeHarness.await("its balance read from OKX", () -> gateway.get("/api/v1/accounts/" + accountId).path("balance").decimalValue().signum() > 0);
        final JsonNode placed = gateway.order(accountId, "BTCUSDT", "buy", "0.01", "okx-expert-1");
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertOneOrderPerClOrdId(1);
    }

    @Test
    void shouldFillAnOrderPlacedBeforeTheOrdersChannelWasOn()
    {
        // OKX pushes a fill only to sockets whose orders subscription took effect; one placed between the login and
        // that moment is filled unseen, and only asking for it after the subscription's acknowledgement finds it
        okx.faults().slowSubscriptions(1_500);
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"okx-slow\",\"venue\":\"okx\",\"currency\":\"USD\","
            + "\"balance\":100000,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\",\"passphrase\":\"" + PASSPHRASE + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        ExchangeHarness.await("the private stream logged in", () -> okx.authenticatedStreams() == 1);
        final JsonNode placed = gateway.order("okx-slow", "BTCUSDT", "buy", "0.01", "okx-slow-1");
        assertEquals(201, placed.path("_status").asInt(), placed.toString());
        ExchangeHarness.await("the order filled at OKX", () -> okx.orders(KEY).stream().anyMatch(o -> "filled".equals(o.get("state"))));
        assertEquals(0, okx.loggedInStreams(), "the fill was pushed while the orders channel was still off");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(filled.path("filled_quantity")));
        assertOneOrderPerClOrdId(1);
    }

    @Test
    void shouldFillMarketAndLimitOrdersFromThePrivateStream()
    {
        createNative("okx-1");
        final JsonNode market = gateway.order("okx-1", "BTCUSDT", "buy", "0.01", "okx-m1");
        assertEquals(201, market.path("_status").asInt(), market.toString());
        final JsonNode filled = gateway.awaitStatus(market.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("65001"), ExchangeHarness.decimal(filled.path("average_price")));
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(filled.path("filled_quantity")));

        final JsonNode resting = limit("okx-1", "buy", "64000", "0.01", "okx-l1");
        gateway.awaitStatus(resting.path("order_id").asText(), "accepted");
        quote("63999.00", "64000.00");
        final JsonNode limitFilled = gateway.awaitStatus(resting.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("64000"), ExchangeHarness.decimal(limitFilled.path("average_price")));
        assertEquals("filled", okx.orders(KEY).get(1).get("state"));
        assertOneOrderPerClOrdId(2);
    }

    @Test
    void shouldBookEachOkxFillsFeeInTheQuoteAsset()
    {
        okx.commissionRate(new BigDecimal("0.001"));  // a buy pays 0.1% in BTC, a sell in USDT (the orders push's fillFee)
        createNative("okx-1");
        final JsonNode buy = gateway.order("okx-1", "BTCUSDT", "buy", "0.01", "okx-fee-1");
        gateway.awaitStatus(buy.path("order_id").asText(), "filled");
        final JsonNode sell = gateway.order("okx-1", "BTCUSDT", "sell", "0.01", "okx-fee-2");
        gateway.awaitStatus(sell.path("order_id").asText(), "filled");
        final JsonNode trades = gateway.get("/api/v1/trades?account_id=okx-1").path("trades");
        assertEquals(2, trades.size(), trades.toString());
        assertEquals(0, new BigDecimal("0.65").compareTo(ExchangeHarness.decimal(trades.get(0).path("fee"))), "the sell: 0.65 USDT " + trades);
        assertEquals(0, new BigDecimal("0.65").compareTo(ExchangeHarness.decimal(trades.get(1).path("fee"))), "the buy: 0.00001 BTC at 65001 " + trades);
    }

    /**
     * A fill the private stream missed (muted, then dropped) and the reconnect's query learnt still has OKX's fee: the
     * query's cumulative {@code fee} in {@code feeCcy}, 0.00001 BTC at 64000 = 0.64 USDT, booked once.
     */
    @Test
    void shouldBookTheFeeOfAFillLearntOnlyByTheReconnectsQuery()
    {
        okx.commissionRate(new BigDecimal("0.001"));
        createNative("okx-1");
        final JsonNode resting = limit("okx-1", "buy", "64000", "0.01", "okx-fee-q");
        gateway.awaitStatus(resting.path("order_id").asText(), "accepted");
        okx.faults().muteUserStreams(60_000);
        quote("63999.00", "64000.00");
        okx.faults().clear();
        okx.dropPrivateStreams();
        gateway.awaitStatus(resting.path("order_id").asText(), "filled");
        final JsonNode trades = gateway.get("/api/v1/trades?account_id=okx-1").path("trades");
        assertEquals(1, trades.size(), trades.toString());
        assertEquals(0, new BigDecimal("0.64").compareTo(ExchangeHarness.decimal(trades.get(0).path("fee"))), trades.toString());
    }

    @Test
    void shouldFollowAPartialFillToTheAveragePrice()
    {
        createNative("okx-1");
        okx.faults().lateFills(200).partialFills(2, 400);
        final JsonNode placed = gateway.order("okx-1", "BTCUSDT", "buy", "0.02", "okx-parts");
        final JsonNode part = gateway.awaitStatus(placed.path("order_id").asText(), "partially_filled");
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(part.path("filled_quantity")));
        quote("65010.00", "65011.00");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("65006"), ExchangeHarness.decimal(filled.path("average_price")), "(0.01 x 65001 + 0.01 x 65011) / 0.02");
        assertOneOrderPerClOrdId(1);
    }

    @Test
    void shouldCancelAnOpenOrderAtOkxAndSyncTheBalances()
    {
        createNative("okx-1");
        final JsonNode resting = limit("okx-1", "buy", "60000", "0.01", "okx-c1");
        gateway.awaitStatus(resting.path("order_id").asText(), "accepted");
        assertEquals("600", okx.balances(KEY).get("USDT").get("frozenBal"));
        gateway.call("DELETE", "/api/v1/orders/" + resting.path("order_id").asText(), null);
        gateway.awaitStatus(resting.path("order_id").asText(), "cancelled");
        assertEquals("canceled", okx.orders(KEY).get(0).get("state"));
        assertEquals("0", okx.balances(KEY).get("USDT").get("frozenBal"));

        final JsonNode synced = gateway.call("POST", "/api/v1/accounts/okx-1/sync-balance", null);
        assertEquals(200, synced.path("_status").asInt(), synced.toString());
        assertTrue(synced.path("success").asBoolean());
        // 10000 USDT + 1 BTC at the bid 65000
        assertEquals(0, synced.path("equity").decimalValue().compareTo(new BigDecimal("75000")), synced.toString());
        final JsonNode account = gateway.get("/api/v1/accounts/okx-1");
        assertEquals(0, account.path("balances").path("BTC").path("total").decimalValue().compareTo(BigDecimal.ONE), account.toString());
        assertEquals(0, account.path("balances").path("USDT").path("available").decimalValue().compareTo(new BigDecimal("10000")), account.toString());
    }

    @Test
    void shouldReconcileA503AfterOkxTookTheOrderByClOrdIdWithOneFill()
    {
        createNative("okx-1");
        // the stream is muted and the order hidden for a while, so only the query by clOrdId can settle it
        okx.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503).hideNewOrders(1_500).muteUserStreams(60_000);
        final JsonNode placed = gateway.order("okx-1", "BTCUSDT", "buy", "0.01", "okx-503");
        gateway.awaitStatus(placed.path("order_id").asText(), "unknown");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(filled.path("filled_quantity")), "one fill, not two");
        assertEquals(1, gateway.get("/api/v1/trades?account_id=okx-1").path("trades").size(), "one trade");
        assertTrue(okx.codesAnswered("51603") > 0, "OKX said 'does not exist' at least once and it was not taken as a rejection");
        assertOneOrderPerClOrdId(1);
    }

    @Test
    void shouldReconcileAnOpenOrderFilledWhileTheGatewayWasDown()
    {
        createNative("okx-1");
        final JsonNode resting = limit("okx-1", "sell", "66000", "0.01", "okx-r1");
        final String orderId = resting.path("order_id").asText();
        gateway.awaitStatus(orderId, "accepted");
        gateway.close();
        okx.quote("BTCUSDT", "66000.00", "66001.00");
        assertEquals("filled", okx.orders(KEY).get(0).get("state"));
        gateway = new ExchangeHarness(dir, okxAt(okx));
        final JsonNode filled = gateway.awaitStatus(orderId, "filled");
        assertEquals(new BigDecimal("66000"), ExchangeHarness.decimal(filled.path("average_price")));
        assertOneOrderPerClOrdId(1);
    }
}
