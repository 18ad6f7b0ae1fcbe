package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exchange accounts made, synced, set up and deleted over HTTP, against a simulated exchange every binance account
 * of the gateway connects to (the configuration's {@code exchanges} section): seed 003's create and the native one with
 * credentials, sync-balance journaled and answered, futures settings sent and reported, delete when flat (409 before).
 */
class ExchangeAccountsHttpTest extends SimulatedBinanceTest
{
    private static final String KEY = "acct-test-key-000111222";
    private static final String SECRET = "acct-test-secret-never-journaled-333444555";

    ExchangeAccountsHttpTest()
    {
        super(new SimulatedBinance(KEY, SECRET, Map.of("USDT", "1000", "BTC", "0.5", "XYZ", "3")));
    }

    @Test
    void shouldCreateAnExchangeAccountTheSeed003WayAndTradeOnIt()
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts/create", "{\"exchange\":\"binance\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\",\"initial_balance\":1000,\"passphrase\":\"\",\"is_testnet\":true}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        assertTrue(created.path("success").asBoolean());
        assertEquals("Account created successfully", created.path("message").asText());
        final String accountId = created.path("account_id").asText();
        assertTrue(accountId.matches("binance-[a-z0-9]{10}"), accountId);
        final JsonNode account = gateway.get("/api/v1/accounts/" + accountId);
        assertEquals("binance", account.path("venue").asText());
        assertEquals(0, new BigDecimal("1000").compareTo(account.path("balance").decimalValue()));
        assertEquals("acct\u20261222", account.path("credentials").path("api_key").asText());
        assertTrue(account.path("credentials").path("testnet").asBoolean());
        assertFalse(account.toString().contains(SECRET));
        final JsonNode placed = gateway.order(accountId, "BTCUSDT", "buy", "0.01", "seed-1");
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(1, venue.orders(KEY).size(), "sent to the exchange the configuration names, once");
    }

    @Test
    void shouldCreateAnExchangeAccountWithItsCredentialsInOneNativeCall()
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-native\",\"venue\":\"binance\",\"currency\":\"USD\","
            + "\"balance\":5000,\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\",\"testnet\":false}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        assertEquals("bn-native", created.path("account_id").asText());
        assertEquals("acct\u20261222", created.path("credentials").path("api_key").asText());
        ExchangeHarness.await("its user stream is up", () -> venue.openUserStreams() == 1);
        assertEquals(400, gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"p-2\",\"venue\":\"paper\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"x\"}").path("_status").asInt(), "credentials on a paper account");
        final JsonNode noSecret = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-2\",\"venue\":\"binance\",\"api_key\":\"" + KEY + "\"}");
        assertEquals("api_secret", noSecret.path("error").path("field").asText(), noSecret.toString());
        final JsonNode okx = gateway.call("POST", "/api/v1/accounts/create", "{\"exchange\":\"kraken\",\"api_key\":\"k\",\"api_secret\":\"s\"}");
        assertEquals("exchange", okx.path("error").path("field").asText(), okx.toString());
        assertEquals(409, gateway.call("POST", "/api/v1/accounts/create", "{\"exchange\":\"binance\",\"account_id\":\"bn-native\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\"}").path("_status").asInt());
    }

    @Test
    void shouldSyncTheBalanceFromTheExchangeAndKeepItAfterARestart() throws Exception
    {
        createNative("bn-sync");
        final JsonNode synced = gateway.call("POST", "/api/v1/accounts/bn-sync/sync-balance", null);
        assertEquals(200, synced.path("_status").asInt(), synced.toString());
        assertTrue(synced.path("success").asBoolean());
        // 1000 USDT + 0.5 BTC at the bid 65000; XYZ has no price
        assertEquals(0, new BigDecimal("33500").compareTo(synced.path("balance").decimalValue()), synced.toString());
        assertEquals(0, new BigDecimal("33500").compareTo(synced.path("equity").decimalValue()));
        assertEquals("XYZ", synced.path("unvalued_assets").path(0).asText());
        final JsonNode account = gateway.get("/api/v1/accounts/bn-sync");
        assertEquals(0, new BigDecimal("0.5").compareTo(account.path("balances").path("BTC").path("total").decimalValue()));
        assertEquals(404, gateway.call("POST", "/api/v1/accounts/paper-1/sync-balance", null).path("_status").asInt());
        // the restarted gateway may not ask: the balance comes from the journal
        gateway = binance.restart(() -> venue.faults().ban(600));
        assertEquals(0, new BigDecimal("33500").compareTo(gateway.get("/api/v1/accounts/bn-sync").path("balance").decimalValue()));
        final JsonNode refused = gateway.call("POST", "/api/v1/accounts/bn-sync/sync-balance", null);
        assertEquals(503, refused.path("_status").asInt(), refused.toString());
        assertEquals("VENUE_UNAVAILABLE", refused.path("error").path("code").asText());
    }

    @Test
    void shouldSyncTheBalanceWhenOneAssetIsBeyondWhatALongHolds()
    {
        // 100 billion of a dust token: 10^19 at 8 digits, past a long. It failed the whole report (JOURNAL_FAILED).
        venue.addAccount("dust-key-0001112223334", SECRET, Map.of("USDT", "1000", "BTTC", "100000000000"));
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-dust\",\"venue\":\"binance\","
            + "\"balance\":1,\"leverage\":1,\"api_key\":\"dust-key-0001112223334\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        final JsonNode synced = gateway.call("POST", "/api/v1/accounts/bn-dust/sync-balance", null);
        assertEquals(200, synced.path("_status").asInt(), synced.toString());
        assertEquals(0, new BigDecimal("1000").compareTo(synced.path("balance").decimalValue()), synced.toString());
        final JsonNode balances = gateway.get("/api/v1/accounts/bn-dust").path("balances");
        assertEquals(0, new BigDecimal("1000").compareTo(balances.path("USDT").path("total").decimalValue()), balances.toString());
        assertEquals(0, new BigDecimal("92233720368.54775807").compareTo(balances.path("BTTC").path("total").decimalValue()), balances.toString());
    }

    @Test
    void shouldSendFuturesSettingsAndShowWhatTheExchangeSaid()
    {
        createNative("bn-fut");
        final JsonNode asked = gateway.call("PUT", "/api/v1/accounts/bn-fut/futures-settings",
            "{\"symbol\":\"BTCUSDT\",\"leverage\":10,\"margin_mode\":\"isolated\",\"position_mode\":\"hedge\"}");
        assertEquals(200, asked.path("_status").asInt(), asked.toString());
        ExchangeHarness.await("applied", () -> "applied".equals(futures("bn-fut").path("status").asText()));
        assertEquals(Map.of("BTCUSDT", 10), venue.futuresSettings(KEY).get("leverage"));
        assertEquals(Map.of("BTCUSDT", "ISOLATED"), venue.futuresSettings(KEY).get("marginType"));
        assertEquals(true, venue.futuresSettings(KEY).get("dualSidePosition"));
        assertEquals("hedge", futures("bn-fut").path("position_mode").asText());
        gateway.call("PUT", "/api/v1/accounts/bn-fut/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":125}");
        ExchangeHarness.await("applied again", () -> futures("bn-fut").path("leverage").asInt() == 125
            && "applied".equals(futures("bn-fut").path("status").asText()));
        venue.faults().ban(600);
        gateway.call("PUT", "/api/v1/accounts/bn-fut/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":20}");
        ExchangeHarness.await("failed", () -> "failed".equals(futures("bn-fut").path("status").asText()));
        assertTrue(futures("bn-fut").path("message").asText().contains("-1003"), futures("bn-fut").toString());
        assertEquals(400, gateway.call("PUT", "/api/v1/accounts/bn-fut/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":126}")
            .path("_status").asInt());
        assertEquals(400, gateway.call("PUT", "/api/v1/accounts/bn-fut/futures-settings", "{\"symbol\":\"BTCUSDT\",\"margin_mode\":\"both\"}")
            .path("_status").asInt());
        assertEquals(404, gateway.call("PUT", "/api/v1/accounts/paper-1/futures-settings", "{\"symbol\":\"BTCUSDT\",\"leverage\":2}")
            .path("_status").asInt());
    }

    @Test
    void shouldDeleteAnAccountOnlyWhenFlatAndLetItsIdBeUsedAgain() throws Exception
    {
        createNative("bn-del");
        ExchangeHarness.await("its user stream is up", () -> venue.openUserStreams() == 1);
        assertEquals(201, gateway.call("POST", "/api/v1/groups", "{\"group_id\":\"g-del\",\"name\":\"g\",\"members\":["
            + "{\"account_id\":\"bn-del\",\"sizing\":{\"mode\":\"multiplier\",\"value\":1}},"
            + "{\"account_id\":\"paper-1\",\"sizing\":{\"mode\":\"multiplier\",\"value\":1}}]}").path("_status").asInt());
        final JsonNode key = gateway.call("POST", "/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"bn-del\"]}");
        final JsonNode bought = gateway.order("bn-del", "BTCUSDT", "buy", "0.01", "del-1");
        gateway.awaitStatus(bought.path("order_id").asText(), "filled");
        final JsonNode busy = gateway.call("DELETE", "/api/v1/accounts/bn-del", null);
        assertEquals(409, busy.path("_status").asInt(), busy.toString());
        assertEquals("CONFLICT", busy.path("error").path("code").asText());
        gateway.awaitStatus(gateway.order("bn-del", "BTCUSDT", "sell", "0.01", "del-2").path("order_id").asText(), "filled");
        final JsonNode deleted = gateway.call("DELETE", "/api/v1/accounts/bn-del", null);
        assertEquals(200, deleted.path("_status").asInt(), deleted.toString());
        assertTrue(deleted.path("success").asBoolean());
        assertEquals(404, gateway.get("/api/v1/accounts/bn-del").path("_status").asInt());
        assertFalse(gateway.get("/api/v1/accounts").toString().contains("bn-del"));
        assertEquals(1, gateway.get("/api/v1/groups/g-del").path("members").size(), "it left the group");
        assertEquals(404, gateway.call("DELETE", "/api/v1/accounts/bn-del", null).path("_status").asInt());
        ExchangeHarness.await("its connection to the exchange is closed", () -> venue.openUserStreams() == 0);
        assertEquals("filled", gateway.get("/api/v1/orders/" + bought.path("order_id").asText()).path("status").asText(), "its orders stay");

        createNative("bn-del");  // the id again: a new account, with a new client-order-id namespace
        final JsonNode again = gateway.order("bn-del", "BTCUSDT", "buy", "0.01", "del-1");
        assertEquals(201, again.path("_status").asInt(), "a client_order_id of the old account is not this one's: " + again);
        gateway.awaitStatus(again.path("order_id").asText(), "filled");
        assertNotEquals(venue.orders(KEY).get(0).clientOrderId().split("-")[0], venue.orders(KEY).get(2).clientOrderId().split("-")[0]);
        final JsonNode oldKey = gateway.callAs(key.path("api_key").asText(), key.path("api_secret").asText(), "GET", "/api/v1/accounts/bn-del", null);
        assertEquals(404, oldKey.path("_status").asInt(), "a key bound to the old account does not reach the new one");

        final String createdAt = gateway.get("/api/v1/accounts/bn-del").path("created_at").asText();
        gateway = binance.restart(() -> { });
        assertEquals(createdAt, gateway.get("/api/v1/accounts/bn-del").path("created_at").asText(), "replayed: the second account, not the first");
        assertEquals(1, gateway.get("/api/v1/groups/g-del").path("members").size());
        assertEquals(404, gateway.callAs(key.path("api_key").asText(), key.path("api_secret").asText(), "GET", "/api/v1/accounts/bn-del", null)
            .path("_status").asInt());
    }

    private void createNative(final String accountId)
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"" + accountId + "\",\"venue\":\"binance\","
            + "\"balance\":1000,\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
    }

    private JsonNode futures(final String accountId)
    {
        return gateway.get("/api/v1/accounts/" + accountId).path("futures").path("BTCUSDT");
    }
}
