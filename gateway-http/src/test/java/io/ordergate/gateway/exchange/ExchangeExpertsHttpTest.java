package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.testing.SecretSearch;

/**
 * Seed 001's experts on exchange accounts over HTTP, against a simulated exchange: an expert body with an {@code exchange}
 * block makes the exchange account (credentials sealed: never in the journal's bytes, a later answer or a log line), its
 * {@code trading_config} and leverage reach the futures account's settings at the exchange, a strategy update sends the
 * new leverage; an account an expert trades cannot be deleted under it (409 CONFLICT, nothing changed).
 */
class ExchangeExpertsHttpTest extends SimulatedBinanceTest
{
    private static final String KEY = "expert-test-key-000111222";
    private static final String SECRET = "expert-test-secret-never-journaled-333444555";

    ExchangeExpertsHttpTest()
    {
        super(new SimulatedBinance(KEY, SECRET, Map.of("USDT", "1000")));
    }

    @Test
    void shouldMakeTheExchangeAccountOfASeed001ExpertAndApplyItsTradingConfig() throws Exception
    {
        final List<String> logged = new CopyOnWriteArrayList<>();
        final Handler capture = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                logged.add(new SimpleFormatter().formatMessage(record) + " " + record.getThrown());
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        Logger.getLogger("").addHandler(capture);
        try
        {
            final JsonNode created = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY
                + "\",\"api_secret\":\"" + SECRET + "\",\"api_passphrase\":\"\",\"testnet\":true},"
                + "\"trading_config\":{\"market_type\":\"futures\",\"contract_type\":\"linear\",\"margin_mode\":\"isolated\",\"position_mode\":\"hedge\"},"
                + "\"logging_config\":{\"log_level\":\"INFO\"},"
                + "\"strategy_config\":{\"symbol\":\"BTCUSDT\",\"timeframe\":\"1h\",\"strategy_name\":\"s\",\"leverage\":10,\"size_type\":\"fixed\","
                + "\"size_value\":0.01}}");
            assertEquals(201, created.path("_status").asInt(), created.toString());
            assertEquals("initialized", created.path("status").asText());
            final String accountId = created.path("account_id").asText();
            assertTrue(accountId.matches("binance-[a-z0-9]{10}"), accountId);
            final JsonNode account = gateway.get("/api/v1/accounts/" + accountId);
            assertEquals("futures", account.path("market_type").asText(), account.toString());
            assertEquals("expe\u20261222", account.path("credentials").path("api_key").asText());
            assertTrue(account.path("credentials").path("testnet").asBoolean());
            final JsonNode[] settings = new JsonNode[1];
            ExchangeHarness.await("the settings applied at the exchange", () ->
            {
                settings[0] = gateway.get("/api/v1/accounts/" + accountId);
                return "applied".equals(settings[0].path("futures").path("BTCUSDT").path("status").asText());
            }, () -> "the account: " + settings[0] + "; the exchange's settings: " + venue.futuresSettings(KEY));
            assertEquals(Map.of("BTCUSDT", 10), venue.futuresSettings(KEY).get("leverage"));
            assertEquals(Map.of("BTCUSDT", "ISOLATED"), venue.futuresSettings(KEY).get("marginType"));
            assertEquals(true, venue.futuresSettings(KEY).get("dualSidePosition"));
            ExchangeHarness.await("its balance read from the exchange", () ->
                new java.math.BigDecimal("1000").compareTo(gateway.get("/api/v1/accounts/" + accountId).path("balance").decimalValue()) == 0);

            final String expertId = created.path("expert_id").asText();
            assertEquals(200, gateway.call("PUT", "/api/v1/experts/" + expertId + "/strategy", "{\"leverage\":20}").path("_status").asInt());
            ExchangeHarness.await("the new leverage at the exchange", () -> Map.of("BTCUSDT", 20).equals(venue.futuresSettings(KEY).get("leverage")));
            final JsonNode tooHigh = gateway.call("PUT", "/api/v1/experts/" + expertId + "/strategy", "{\"leverage\":126}");
            assertEquals(400, tooHigh.path("_status").asInt(), tooHigh.toString());
            assertEquals("strategy_config.leverage", tooHigh.path("error").path("field").asText());

            final JsonNode onSpot = gateway.call("POST", "/api/v1/experts", "{\"account_id\":\"binance-demo\",\"trading_config\":"
                + "{\"market_type\":\"futures\",\"margin_mode\":\"isolated\"},\"strategy_config\":{\"symbol\":\"BTCUSDT\",\"leverage\":5}}");
            assertEquals(201, onSpot.path("_status").asInt(), "seed 001's body on a spot account: kept, not refused " + onSpot);
            assertEquals(0, gateway.get("/api/v1/accounts/binance-demo").path("futures").size(), "no futures settings for a spot account");
            final JsonNode noSecret = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"k\"}}");
            assertEquals(400, noSecret.path("_status").asInt(), noSecret.toString());

            assertFalse(gateway.get("/api/v1/experts/" + expertId).toString().contains(SECRET));
            assertFalse(gateway.get("/api/v1/accounts/" + accountId).toString().contains(KEY), "only the masked key is answered");
            gateway = binance.restart(() ->
            {
                assertEquals(List.of(), SecretSearch.secretsIn(binance.dir().resolve("journal"), List.of(SECRET, KEY)));
                assertFalse(logged.stream().anyMatch(line -> line.contains(SECRET) || line.contains(KEY)), "a log line holds a credential");
            });
            assertEquals("futures", gateway.get("/api/v1/accounts/" + accountId).path("market_type").asText(), "replayed");
        }
        finally
        {
            Logger.getLogger("").removeHandler(capture);
        }
    }

    @Test
    void shouldAnswerAnExchangeExpertsBalanceWithTheExchangesAssets()
    {
        final JsonNode created = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\",\"testnet\":true},\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        final String expertId = created.path("expert_id").asText();
        final JsonNode[] balance = new JsonNode[1];

        ExchangeHarness.await("the exchange's USDT in the expert's balance", () ->
        {
            balance[0] = gateway.get("/api/v1/experts/" + expertId + "/account/balance");
            return balance[0].path("balances").has("USDT");
        }, () -> "the expert's balance: " + balance[0]);

        final JsonNode usdt = balance[0].path("balances").path("USDT");
        assertEquals(0, new java.math.BigDecimal("1000").compareTo(usdt.path("total").decimalValue()), balance[0].toString());
        assertEquals(0, new java.math.BigDecimal("1000").compareTo(usdt.path("available").decimalValue()), balance[0].toString());
        assertEquals(0, usdt.path("locked").decimalValue().signum(), balance[0].toString());
        assertEquals(1, balance[0].path("balances").size(), "the exchange's assets only, not the account's currency: " + balance[0]);
        assertEquals(0, new java.math.BigDecimal("1000").compareTo(balance[0].path("equity").decimalValue()), balance[0].toString());
        final JsonNode paper = gateway.call("POST", "/api/v1/experts", "{\"account_id\":\"paper-1\",\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        final JsonNode paperBalance = gateway.get("/api/v1/experts/" + paper.path("expert_id").asText() + "/account/balance");
        assertTrue(paperBalance.path("balances").has("USD"), "a paper account's currency, as before: " + paperBalance);
    }

    @Test
    void shouldShowAFuturesExpertsPositionAtTheExpertsLeverage()
    {
        final JsonNode created = createFuturesExpertAtLeverage10();
        final String expertId = created.path("expert_id").asText();
        final String accountId = created.path("account_id").asText();
        ExchangeHarness.await("the leverage applied at the exchange", () -> "applied".equals(gateway.get("/api/v1/accounts/" + accountId)
            .path("futures").path("BTCUSDT").path("status").asText()));
        ExchangeHarness.await("its user-data stream is up", () -> venue.openUserStreams() == 1);
        assertEquals(200, gateway.call("POST", "/api/v1/experts/" + expertId + "/control", "{\"action\":\"start\"}").path("_status").asInt());

        final JsonNode order = gateway.call("POST", "/api/v1/experts/" + expertId + "/orders", "{\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}");
        assertEquals(201, order.path("_status").asInt(), order.toString());
        gateway.awaitStatus(order.path("order_id").asText(), "filled");

        final JsonNode positions = gateway.get("/api/v1/experts/" + expertId + "/positions").path("positions");
        assertEquals(1, positions.size(), positions.toString());
        final JsonNode position = positions.get(0);
        assertEquals(10, position.path("leverage").asInt(), position.toString());
        final java.math.BigDecimal entry = position.path("entry_price").decimalValue();
        assertEquals(0, entry.multiply(new java.math.BigDecimal("0.9")).setScale(2, java.math.RoundingMode.HALF_EVEN)
            .compareTo(position.path("liquidation_price").decimalValue()), "entry x (10 - 1) / 10: " + position);
        assertEquals(0, new java.math.BigDecimal("65.00").compareTo(position.path("margin_used").decimalValue()),
            "0.01 BTC at the 65000.00 bid over 10: " + position);
    }

    @Test
    void shouldMarginAFuturesExpertsOrdersAtTheExpertsLeverageNotTheAccounts()
    {
        final JsonNode created = createFuturesExpertAtLeverage10();
        final String expertId = created.path("expert_id").asText();
        final String accountId = created.path("account_id").asText();
        ExchangeHarness.await("the leverage applied and the 1000 USDT read", () ->
        {
            final JsonNode account = gateway.get("/api/v1/accounts/" + accountId);
            return "applied".equals(account.path("futures").path("BTCUSDT").path("status").asText())
                && new java.math.BigDecimal("1000").compareTo(account.path("balance").decimalValue()) == 0;
        });
        ExchangeHarness.await("its user-data stream is up", () -> venue.openUserStreams() == 1);
        assertEquals(200, gateway.call("POST", "/api/v1/experts/" + expertId + "/control", "{\"action\":\"start\"}").path("_status").asInt());

        // 0.1 BTC is 6,500 USDT of notional: 650 of margin at the expert's 10, more than the 1000 of equity at the account's 1
        final JsonNode order = gateway.call("POST", "/api/v1/experts/" + expertId + "/orders", "{\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}");
        assertEquals(201, order.path("_status").asInt(), order.toString());
        gateway.awaitStatus(order.path("order_id").asText(), "filled");
        final JsonNode account = gateway.get("/api/v1/accounts/" + accountId);
        assertEquals(0, new java.math.BigDecimal("650.00").compareTo(account.path("margin_used").decimalValue()), account.toString());
        final JsonNode position = gateway.get("/api/v1/positions?account_id=" + accountId).path("positions").get(0);
        assertEquals(10, position.path("leverage").asInt(), "the native position view agrees with the expert's: " + position);
        assertEquals(0, new java.math.BigDecimal("650.00").compareTo(position.path("margin_used").decimalValue()), position.toString());

        // 0.06 more needs 390, over what is free: refused by the engine, before anything is sent
        final JsonNode refused = gateway.call("POST", "/api/v1/experts/" + expertId + "/orders", "{\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.06}");
        assertEquals(422, refused.path("_status").asInt(), refused.toString());
        assertEquals("INSUFFICIENT_MARGIN", refused.path("error").path("code").asText(), refused.toString());
    }

    @Test
    void shouldSizeAGroupsMarginOrderOnAFuturesAccountAtTheSymbolsLeverageNotTheAccounts()
    {
        final String accountId = createFuturesExpertAtLeverage10().path("account_id").asText();
        ExchangeHarness.await("the leverage applied and the 1000 USDT read", () ->
        {
            final JsonNode account = gateway.get("/api/v1/accounts/" + accountId);
            return "applied".equals(account.path("futures").path("BTCUSDT").path("status").asText())
                && new java.math.BigDecimal("1000").compareTo(account.path("balance").decimalValue()) == 0;
        });
        assertEquals(201, gateway.call("POST", "/api/v1/groups", "{\"group_id\":\"fut-g\",\"accounts\":[\"" + accountId + "\"]}")
            .path("_status").asInt());

        // seed 003's execute with no leverage: 10% of 1000 as margin at the symbol's 10 is 1000 of notional (0.01538 BTC
        // at the 65001 ask, lot step 0.00001), where the account's own 1 made it 100 (0.00153)
        final JsonNode executed = gateway.call("POST", "/api/v1/trading/group/fut-g/execute",
            "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"order_type\":\"market\",\"risk_percentage\":10}");
        assertEquals(201, executed.path("_status").asInt(), executed.toString());
        final JsonNode result = executed.path("results").get(0);
        assertEquals(0, java.math.BigDecimal.TEN.compareTo(result.path("sizing").path("inputs").path("leverage").decimalValue()), result.toString());
        assertEquals(0, new java.math.BigDecimal("0.01538").compareTo(result.path("quantity").decimalValue()), result.toString());
    }

    @Test
    void shouldRefuseAnExpertBodyWhoseStrategyTheEngineWouldRefuseBeforeMakingItsExchangeAccount()
    {
        final int accountsBefore = gateway.get("/api/v1/accounts").path("accounts").size();
        final Map<String, String> refusedStrategies = Map.of(
            "strategy_config.stop_loss_pct", "\"stop_loss_pct\":100",
            "strategy_config.max_drawdown_pct", "\"max_drawdown_pct\":100",
            "strategy_config.size_value", "\"size_type\":\"risk_based\",\"size_value\":150");
        for (final Map.Entry<String, String> strategy : refusedStrategies.entrySet())
        {
            final JsonNode refused = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY
                + "\",\"api_secret\":\"" + SECRET + "\",\"testnet\":true},\"strategy_config\":{\"symbol\":\"BTCUSDT\"," + strategy.getValue() + "}}");
            assertEquals(400, refused.path("_status").asInt(), refused.toString());
            final JsonNode accounts = gateway.get("/api/v1/accounts").path("accounts");
            assertEquals(accountsBefore, accounts.size(), "no exchange account made for an expert that was refused: " + accounts);
            assertEquals(strategy.getKey(), refused.path("error").path("field").asText(), refused.toString());
        }
    }

    @Test
    void shouldRefuseAnExpertBodyWhoseSymbolOrFuturesLeverageTheEngineWouldRefuseBeforeMakingItsExchangeAccount()
    {
        final int accountsBefore = gateway.get("/api/v1/accounts").path("accounts").size();
        final String futures = "\"trading_config\":{\"market_type\":\"futures\"},";
        // each: the field refused, the trading_config, the strategy_config
        final List<List<String>> refusedBodies = List.of(
            List.of("strategy_config.symbol", "", "\"symbol\":\"NOSUCHUSDT\""),
            List.of("strategy_config.leverage", "", "\"symbol\":\"BTCUSDT\",\"leverage\":0.5"),
            List.of("strategy_config.leverage", futures, "\"symbol\":\"BTCUSDT\",\"leverage\":126"),
            List.of("strategy_config.leverage", futures, "\"symbol\":\"BTCUSDT\",\"leverage\":10.5"),
            List.of("strategy_config.symbol", futures, "\"leverage\":10"));
        for (final List<String> body : refusedBodies)
        {
            final JsonNode refused = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY
                + "\",\"api_secret\":\"" + SECRET + "\",\"testnet\":true}," + body.get(1) + "\"strategy_config\":{" + body.get(2) + "}}");
            assertEquals(400, refused.path("_status").asInt(), body + " " + refused);
            final JsonNode accounts = gateway.get("/api/v1/accounts").path("accounts");
            assertEquals(accountsBefore, accounts.size(), "no exchange account made for an expert that was refused: " + body + " " + accounts);
            assertEquals("VALIDATION_ERROR", refused.path("error").path("code").asText(), body + " " + refused);
            assertEquals(body.get(0), refused.path("error").path("field").asText(), body + " " + refused);
        }
    }

    @Test
    void shouldRefuseToDeleteAnAccountAnExpertIsAttachedTo()
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-exp\",\"venue\":\"binance\","
            + "\"balance\":1000,\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        final JsonNode expert = gateway.call("POST", "/api/v1/experts", "{\"account_id\":\"bn-exp\",\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertTrue(expert.path("success").asBoolean(), expert.toString());
        final String expertId = expert.path("expert_id").asText();

        final JsonNode refused = gateway.call("DELETE", "/api/v1/accounts/bn-exp", null);
        assertEquals(409, refused.path("_status").asInt(), refused.toString());
        assertEquals("CONFLICT", refused.path("error").path("code").asText());
        assertEquals("account_id", refused.path("error").path("field").asText());
        assertTrue(refused.path("error").path("message").asText().contains(expertId), refused.toString());
        assertEquals(200, gateway.get("/api/v1/accounts/bn-exp").path("_status").asInt(), "the account is still there");
        assertEquals("bn-exp", gateway.get("/api/v1/experts/" + expertId).path("account_id").asText(""), "and its expert on it");

        assertEquals(201, gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-free\",\"venue\":\"binance\",\"balance\":1000,"
            + "\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}").path("_status").asInt());
        assertEquals(200, gateway.call("DELETE", "/api/v1/accounts/bn-free", null).path("_status").asInt(), "an account no expert trades goes");
    }

    /** A futures expert on BTCUSDT at leverage 10 on the simulated Binance, created (201). */
    private JsonNode createFuturesExpertAtLeverage10()
    {
        final JsonNode created = gateway.call("POST", "/api/v1/experts", "{\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY
            + "\",\"api_secret\":\"" + SECRET + "\",\"testnet\":true},\"trading_config\":{\"market_type\":\"futures\"},"
            + "\"strategy_config\":{\"symbol\":\"BTCUSDT\",\"leverage\":10}}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        return created;
    }
}
