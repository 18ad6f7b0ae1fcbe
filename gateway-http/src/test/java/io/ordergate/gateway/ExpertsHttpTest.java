package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Seed 001's experts over HTTP, with the seed's own bodies (its {@code exchange} block replaced by {@code account_id},
 * its Binance symbol by the configured BTCUSD): every route of API.md's "Experts", each size type against a hand-computed
 * size, the strategy's default stops (a trailing stop walked by hand-moved quotes), start/stop, the drawdown stop, and a
 * restart that replays every expert to the same state.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpertsHttpTest
{
    /** Seed 001's POST /experts body, on an existing account. */
    private static final String SEED_BODY = """
        {
          "account_id": "%s",
          "trading_config": {"market_type": "futures", "contract_type": "linear", "margin_mode": "isolated", "position_mode": "hedge"},
          "logging_config": {"log_level": "INFO", "log_file": "expert.log", "trade_log_file": "trades.log", "error_log_file": "errors.log",
            "log_to_console": true, "structured_logging": false, "async_logging": true},
          "strategy_config": {"symbol": "BTCUSD", "timeframe": "1h", "lookback_bars": 100, "strategy_id": 1001,
            "strategy_name": "My Strategy", "leverage": 10, "max_drawdown_pct": 0.2, "size_type": "risk_based", "size_value": 1.5,
            "stop_loss_pct": 2.0, "take_profit_pct": 4.0, "trailing_stop_pct": 1.0}
        }""";

    @TempDir
    static Path dataDir;
    static TestGateway gateway;
    static String expertId;
    static String filledOrderId;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        for (final String account : new String[] {"exp-a", "exp-b", "exp-c"})
        {
            assertEquals(201, gateway.createAccount(account, account.equals("exp-c") ? "10000" : "100000").status());
        }
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    @Order(1)
    void anExpertIsCreatedWithSeed001sBodyAndRefusesExposureUntilStarted()
    {
        final Reply created = gateway.post("/api/v1/experts", SEED_BODY.formatted("exp-a"));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.json().path("success").asBoolean());
        assertEquals("initialized", created.text("status"));
        assertEquals("connected", created.text("connection_status"));
        assertTrue(created.text("timestamp").endsWith("Z"), created::toString);
        expertId = created.text("expert_id");
        assertTrue(expertId.startsWith("exp_"), expertId);

        // an exchange block makes an exchange account (ExchangeExpertsHttpTest); one it cannot make is refused on its field
        final Reply withExchange = gateway.post("/api/v1/experts", "{\"exchange\": {\"name\": \"kraken\", \"api_key\": \"k\","
            + " \"api_secret\": \"s\"}, \"strategy_config\": {\"symbol\": \"BTCUSD\"}}");
        assertEquals(400, withExchange.status(), withExchange::toString);
        assertEquals("exchange.name", withExchange.errorField());
        final Reply badSize = gateway.post("/api/v1/experts", "{\"account_id\": \"exp-a\", \"strategy_config\": {\"size_type\": \"kelly\"}}");
        assertEquals("strategy_config.size_type", badSize.errorField(), badSize::toString);

        final Reply status = gateway.get("/api/v1/experts/" + expertId);
        assertEquals(200, status.status(), status::toString);
        assertEquals("initialized", status.text("status"));
        assertEquals(0, status.json().path("active_positions").asInt());
        final JsonNode strategy = status.json().path("strategy_config");
        assertEquals("risk_based", strategy.path("size_type").asText());
        assertEquals(0, new BigDecimal("0.2").compareTo(strategy.path("max_drawdown_pct").decimalValue()));

        final Reply refused = gateway.post("/api/v1/experts/" + expertId + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(422, refused.status(), refused::toString);
        assertEquals("EXPERT_STOPPED", refused.errorCode());
        assertEquals("rejected", refused.text("status"));
        assertEquals(404, gateway.get("/api/v1/experts/exp_999").status());
    }

    @Test
    @Order(2)
    void aStartedExpertSizesByRiskAndProtectsWithItsDefaultStops()
    {
        final Reply started = gateway.post("/api/v1/experts/" + expertId + "/control", "{\"action\": \"start\"}");
        assertEquals(200, started.status(), started::toString);
        assertEquals("running", started.text("new_status"));
        assertTrue(started.json().path("success").asBoolean());

        // Entry at the ask 50010.00. The 1% trailing stop starts at 49509.90, tighter than the 2% stop (49009.80), so it is
        // the stop: 500.10 USD lost per BTC. 1.5% of 100000 equity is 1500 USD: 1500 / 500.10 = 2.9994 -> 2.999 (lot 0.001).
        final Reply placed = gateway.post("/api/v1/experts/" + expertId + "/orders",
            "{\"side\": \"BUY\", \"type\": \"Market\", \"time_in_force\": \"IOC\"}");
        assertEquals(201, placed.status(), placed::toString);
        assertTrue(placed.json().path("success").asBoolean());
        assertEquals("filled", placed.text("status"));
        filledOrderId = placed.text("order_id");
        final JsonNode order = placed.json().path("order");
        assertEquals("2.999", order.path("quantity").decimalValue().toPlainString());
        assertEquals("49509.9", order.path("stop_loss").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("52010.4", order.path("take_profit").decimalValue().stripTrailingZeros().toPlainString());

        final Reply fetched = gateway.get("/api/v1/experts/" + expertId + "/orders/" + filledOrderId);
        assertEquals(200, fetched.status(), fetched::toString);
        assertEquals("50010", new BigDecimal(fetched.decimal("average_fill_price")).stripTrailingZeros().toPlainString());
        assertEquals("2.999", fetched.decimal("filled_quantity"));
        assertEquals(409, gateway.send("DELETE", "/api/v1/experts/" + expertId + "/orders/" + filledOrderId, null, TestGateway.ADMIN).status());

        // Seed 001's limit order body: it rests, and is cancelled.
        final Reply limit = gateway.post("/api/v1/experts/" + expertId + "/orders", "{\"symbol\": \"BTCUSD\", \"side\": \"buy\","
            + " \"type\": \"limit\", \"quantity\": 0.01, \"price\": 45000, \"stop_loss\": 44000, \"take_profit\": 47000, \"time_in_force\": \"GTC\"}");
        assertEquals(201, limit.status(), limit::toString);
        assertEquals("accepted", limit.text("status"));
        final Reply cancelled = gateway.send("DELETE", "/api/v1/experts/" + expertId + "/orders/" + limit.text("order_id"), null,
            TestGateway.ADMIN);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.text("status"));
        assertTrue(cancelled.json().path("success").asBoolean());
        final Reply listed = gateway.get("/api/v1/experts/" + expertId + "/orders?limit=10");
        assertEquals(3, listed.json().path("orders").size(), "the refused one too: " + listed);
        assertEquals("cancelled", listed.json().path("orders").get(0).path("status").asText());
    }

    @Test
    @Order(3)
    void theTrailingStopFollowsTheQuoteAndTheExpertClosesItsPosition()
    {
        assertEquals(202, gateway.quote("BTCUSD", "51000.00", "51010.00").status());
        final Reply positions = gateway.get("/api/v1/experts/" + expertId + "/positions");
        assertEquals(200, positions.status(), positions::toString);
        final JsonNode position = positions.json().path("positions").get(0);
        assertEquals("long", position.path("side").asText());
        assertEquals("2.999", position.path("size").decimalValue().toPlainString());
        assertEquals("50010", position.path("entry_price").decimalValue().stripTrailingZeros().toPlainString());
        // 1% under the new bid 51000.00: the stop moved up to 50490.00 and never moves back.
        assertEquals("50490", position.path("stop_loss").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals(202, gateway.quote("BTCUSD", "50800.00", "50810.00").status());
        final JsonNode after = gateway.get("/api/v1/experts/" + expertId + "/positions").json().path("positions").get(0);
        assertEquals("50490", after.path("stop_loss").decimalValue().stripTrailingZeros().toPlainString());

        final Reply closed = gateway.post("/api/v1/experts/" + expertId + "/positions/" + position.path("position_id").asText() + "/close", null);
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("closed", closed.text("status"));
        // (50800.00 - 50010.00) x 2.999 = 2369.21
        assertEquals("2369.21", new BigDecimal(closed.decimal("realized_pnl")).setScale(2).toPlainString());

        final Reply balance = gateway.get("/api/v1/experts/" + expertId + "/account/balance");
        assertEquals(200, balance.status(), balance::toString);
        final JsonNode usd = balance.json().path("balances").path("USD");
        assertEquals(0, new BigDecimal("102369.21").compareTo(usd.path("total").decimalValue()), balance::toString);
        assertEquals(0, new BigDecimal("102369.21").compareTo(balance.json().path("equity").decimalValue()));
        assertEquals(0, BigDecimal.ZERO.compareTo(usd.path("locked").decimalValue()));
    }

    @Test
    @Order(4)
    void percentEquityAndFixedSizesAndARiskSizeWithoutAStopIsRefused()
    {
        // 10% of 100000 as margin at leverage 5 = 50000 USD of EURUSD at the ask 1.08428: 50000 / 108428 = 0.4611 -> 0.46 lots.
        final String percent = create("exp-b", "{\"symbol\": \"EURUSD\", \"leverage\": 5, \"size_type\": \"percent_equity\", \"size_value\": 10}");
        gateway.post("/api/v1/experts/" + percent + "/control", "{\"action\": \"start\"}");
        final Reply sized = gateway.post("/api/v1/experts/" + percent + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(201, sized.status(), sized::toString);
        assertEquals("0.46", sized.json().path("order").path("quantity").decimalValue().toPlainString());
        assertTrue(sized.json().path("order").path("stop_loss").isNull(), "no default stop, none given");

        final Reply put = gateway.send("PUT", "/api/v1/experts/" + percent + "/strategy", "{\"size_type\": \"fixed\", \"size_value\": 0.25}",
            TestGateway.ADMIN);
        assertEquals(200, put.status(), put::toString);
        assertEquals(0.25, gateway.post("/api/v1/experts/" + percent + "/orders", "{\"side\": \"sell\", \"type\": \"market\"}")
            .json().path("order").path("quantity").asDouble());

        gateway.send("PUT", "/api/v1/experts/" + percent + "/strategy", "{\"size_type\": \"risk_based\", \"size_value\": 1}", TestGateway.ADMIN);
        final Reply noStop = gateway.post("/api/v1/experts/" + percent + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(422, noStop.status(), noStop::toString);
        assertEquals("STOP_LOSS_REQUIRED", noStop.errorCode());
    }

    @Test
    @Order(5)
    void putStrategyAnswersTheUpdatedParametersAndLogsKeepTheStory()
    {
        final Reply put = gateway.send("PUT", "/api/v1/experts/" + expertId + "/strategy",
            "{\"stop_loss_pct\": 1.5, \"take_profit_pct\": 3.5, \"trailing_stop_pct\": 0.8, \"max_drawdown_pct\": 0.15}", TestGateway.ADMIN);
        assertEquals(200, put.status(), put::toString);
        final List<String> names = new ArrayList<>();
        put.json().path("updated_parameters").forEach(node -> names.add(node.asText()));
        assertEquals(List.of("stop_loss_pct", "take_profit_pct", "trailing_stop_pct", "max_drawdown_pct"), names);
        assertEquals(400, gateway.send("PUT", "/api/v1/experts/" + expertId + "/strategy", "{}", TestGateway.ADMIN).status());
        assertEquals(400, gateway.send("PUT", "/api/v1/experts/" + expertId + "/strategy", "{\"stop_loss_pct\": 100}", TestGateway.ADMIN)
            .status());
        final JsonNode strategy = gateway.get("/api/v1/experts/" + expertId).json().path("strategy_config");
        assertEquals(0, new BigDecimal("1.5").compareTo(strategy.path("stop_loss_pct").decimalValue()));

        final Reply trades = gateway.get("/api/v1/experts/" + expertId + "/logs?log_type=trade&limit=10");
        assertEquals(200, trades.status(), trades::toString);
        final JsonNode logs = trades.json().path("logs");
        assertEquals(3, logs.size(), trades::toString);  // the refused order before start, the market and the limit order
        assertEquals("order placed", logs.get(0).path("message").asText());
        assertEquals("ERROR", logs.get(2).path("level").asText());
        final JsonNode all = gateway.get("/api/v1/experts/" + expertId + "/logs").json().path("logs");
        assertEquals("strategy parameters updated", all.get(0).path("message").asText());
        assertEquals("expert initialized", all.get(all.size() - 1).path("message").asText());
        assertEquals(400, gateway.get("/api/v1/experts/" + expertId + "/logs?log_type=audit").status());

        final Reply market = gateway.get("/api/v1/experts/" + expertId + "/market/btcusd/data?timeframe=1h&limit=100");
        assertEquals(200, market.status(), market::toString);
        assertEquals("BTCUSD", market.text("symbol"));
        assertEquals("1h", market.text("timeframe"));
        final JsonNode bars = market.json().path("data");
        assertFalse(bars.isEmpty(), market::toString);
        final JsonNode last = bars.get(bars.size() - 1);
        assertEquals(0, new BigDecimal("50800").compareTo(last.path("close").decimalValue()), "the last bid: " + last);
        assertTrue(last.path("high").decimalValue().compareTo(last.path("close").decimalValue()) >= 0, last::toString);
        assertTrue(last.path("timestamp").asText().endsWith(":00:00.000Z"), "an hour's bar: " + last);
        assertEquals("1m", gateway.get("/api/v1/experts/" + expertId + "/market/BTCUSD/data?timeframe=1m").text("timeframe"));
        assertEquals("1h", gateway.get("/api/v1/experts/" + expertId + "/market/BTCUSD/data?timeframe=1H").text("timeframe"),
            "a timeframe in any letter case, as on /api/v1/candles");
        assertEquals(400, gateway.get("/api/v1/experts/" + expertId + "/market/BTCUSD/data?timeframe=2h").status());
        assertEquals(400, gateway.get("/api/v1/experts/" + expertId + "/market/BTCUSD/data?timeframe=1M").status(),
            "1M is one month in trading: refused rather than answered with minutes");
        assertEquals(404, gateway.get("/api/v1/experts/" + expertId + "/market/NOPE/data").status());
        assertEquals(404, gateway.get("/api/v1/experts/exp_999/market/BTCUSD/data").status());
    }

    @Test
    @Order(6)
    void maxDrawdownStopsTheExpertWhichThenOnlyReduces()
    {
        // 10000 equity, 1 BTC bought at 50010.00 (fixed size, no stops); 10% drawdown from the 10000 peak is 9000.
        final String guarded = create("exp-c", "{\"symbol\": \"BTCUSD\", \"max_drawdown_pct\": 10, \"size_type\": \"fixed\", \"size_value\": 1}");
        gateway.post("/api/v1/experts/" + guarded + "/control", "{\"action\": \"start\"}");
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        assertEquals(201, gateway.post("/api/v1/experts/" + guarded + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}").status());
        assertEquals(202, gateway.quote("BTCUSD", "49011.00", "49021.00").status());
        assertEquals("running", gateway.get("/api/v1/experts/" + guarded).text("status"), "equity 9001.00 is above the floor");
        assertEquals(202, gateway.quote("BTCUSD", "49010.00", "49020.00").status());
        final Reply stopped = gateway.get("/api/v1/experts/" + guarded);
        assertEquals("stopped", stopped.text("status"), stopped::toString);
        final JsonNode warning = gateway.get("/api/v1/experts/" + guarded + "/logs?log_type=error").json().path("logs").get(0);
        assertEquals("WARNING", warning.path("level").asText());
        assertEquals(0, new BigDecimal("9000").compareTo(warning.path("context").path("equity").decimalValue()), warning::toString);
        final Reply more = gateway.post("/api/v1/experts/" + guarded + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(422, more.status(), more::toString);
        assertEquals("EXPERT_STOPPED", more.errorCode());
        final Reply reduce = gateway.post("/api/v1/experts/" + guarded + "/orders", "{\"side\": \"sell\", \"type\": \"market\"}");
        assertEquals(201, reduce.status(), "a stopped expert may still reduce: " + reduce);
    }

    @Test
    @Order(7)
    void ordersTakeEnumerationsInAnyCase()
    {
        final Reply order = gateway.order("{\"account_id\": \"exp-b\", \"symbol\": \"EURUSD\", \"side\": \"SELL\", \"type\": \"Market\","
            + " \"time_in_force\": \"IOC\", \"quantity\": 0.01}");
        assertEquals(201, order.status(), order::toString);
        assertEquals("sell", order.text("side"));
        assertEquals("market", order.text("type"));
        final Reply limit = gateway.order("{\"account_id\": \"exp-b\", \"symbol\": \"EURUSD\", \"side\": \"Buy\", \"type\": \"LIMIT\","
            + " \"time_in_force\": \"GTC\", \"quantity\": 0.01, \"price\": 1.0}");
        assertEquals(201, limit.status(), limit::toString);
        assertEquals("gtc", limit.text("time_in_force"));
        assertEquals(400, gateway.order("{\"account_id\": \"exp-b\", \"symbol\": \"EURUSD\", \"side\": \"hold\", \"type\": \"market\","
            + " \"quantity\": 0.01}").status());
    }

    @Test
    @Order(8)
    void aRestartReplaysEveryExpertToTheSameState()
    {
        final String before = gateway.digest();
        final String status = gateway.get("/api/v1/experts/" + expertId).body();
        gateway.restart();
        assertEquals(before, gateway.digest());
        assertEquals(status, gateway.get("/api/v1/experts/" + expertId).body());
        assertFalse(gateway.get("/api/v1/experts/" + expertId + "/logs").json().path("logs").isEmpty());
    }

    @Test
    @Order(9)
    void maxDrawdownOfZeroOrNullTurnsTheStopOff()
    {
        assertEquals(201, gateway.createAccount("exp-d", "10000").status());
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        create("exp-d", "{\"symbol\": \"BTCUSD\", \"max_drawdown_pct\": 0, \"size_type\": \"fixed\", \"size_value\": 1}");
        final String guarded = create("exp-d", "{\"symbol\": \"BTCUSD\", \"max_drawdown_pct\": 10, \"size_type\": \"fixed\", \"size_value\": 1}");
        gateway.post("/api/v1/experts/" + guarded + "/control", "{\"action\": \"start\"}");
        assertEquals(201, gateway.post("/api/v1/experts/" + guarded + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}").status());
        final String strategy = "/api/v1/experts/" + guarded + "/strategy";
        final Reply negative = gateway.send("PUT", strategy, "{\"max_drawdown_pct\": -1}", TestGateway.ADMIN);
        assertEquals(400, negative.status(), negative::toString);
        assertEquals("max_drawdown_pct", negative.errorField());
        final Reply off = gateway.send("PUT", strategy, "{\"max_drawdown_pct\": 0}", TestGateway.ADMIN);
        assertEquals(200, off.status(), off::toString);
        assertEquals(0, gateway.get("/api/v1/experts/" + guarded).json().path("strategy_config").path("max_drawdown_pct").decimalValue().signum());
        assertEquals(200, gateway.send("PUT", strategy, "{\"max_drawdown_pct\": null}", TestGateway.ADMIN).status());
        assertEquals(202, gateway.quote("BTCUSD", "49010.00", "49020.00").status());  // equity 9000: the 10% floor, were it on
        assertEquals("running", gateway.get("/api/v1/experts/" + guarded).text("status"));
    }

    @Test
    @Order(10)
    void stopLossTakeProfitAndTrailingStopOfZeroOrNullTurnTheDefaultsOff()
    {
        assertEquals(201, gateway.createAccount("exp-e", "100000").status());
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        final String protectedExpert = create("exp-e", "{\"symbol\": \"BTCUSD\", \"size_type\": \"fixed\", \"size_value\": 0.01,"
            + " \"stop_loss_pct\": 2, \"take_profit_pct\": 4, \"trailing_stop_pct\": 1}");
        gateway.post("/api/v1/experts/" + protectedExpert + "/control", "{\"action\": \"start\"}");
        final String orders = "/api/v1/experts/" + protectedExpert + "/orders";
        final Reply guarded = gateway.post(orders, "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(201, guarded.status(), guarded::toString);
        assertFalse(guarded.json().path("order").path("stop_loss").isNull(), guarded::toString);
        assertFalse(guarded.json().path("order").path("take_profit").isNull(), guarded::toString);
        assertFalse(guarded.json().path("order").path("trailing_stop_pct").isNull(), guarded::toString);

        final String strategy = "/api/v1/experts/" + protectedExpert + "/strategy";
        final Reply negative = gateway.send("PUT", strategy, "{\"trailing_stop_pct\": -1}", TestGateway.ADMIN);
        assertEquals(400, negative.status(), negative::toString);
        assertEquals("trailing_stop_pct", negative.errorField());
        final Reply off = gateway.send("PUT", strategy, "{\"stop_loss_pct\": 0, \"take_profit_pct\": null, \"trailing_stop_pct\": 0}",
            TestGateway.ADMIN);
        assertEquals(200, off.status(), off::toString);
        final var config = gateway.get("/api/v1/experts/" + protectedExpert).json().path("strategy_config");
        assertTrue(config.path("stop_loss_pct").isNull() && config.path("take_profit_pct").isNull() && config.path("trailing_stop_pct").isNull(),
            config::toString);
        final Reply bare = gateway.post(orders, "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(201, bare.status(), bare::toString);
        assertTrue(bare.json().path("order").path("stop_loss").isNull(), bare::toString);
        assertTrue(bare.json().path("order").path("take_profit").isNull(), bare::toString);
        assertTrue(bare.json().path("order").path("trailing_stop_pct").isNull(), bare::toString);
    }

    @Test
    @Order(11)
    void aRiskBasedSizeNeverRisksMoreThanItsPercentOfEquity()
    {
        // 1.5% of 1006.40 is 15.096; rounded half-even to 15.10 it sized 15.10 / 100.00 a BTC = 0.151 BTC, losing 15.10 at the stop
        assertEquals(201, gateway.createAccount("exp-f", "1006.40").status());
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        final String risky = create("exp-f", "{\"symbol\": \"BTCUSD\", \"size_type\": \"risk_based\", \"size_value\": 1.5}");
        gateway.post("/api/v1/experts/" + risky + "/control", "{\"action\": \"start\"}");
        final Reply sized = gateway.post("/api/v1/experts/" + risky + "/orders", "{\"side\": \"buy\", \"type\": \"market\", \"stop_loss\": 49910}");
        assertEquals(201, sized.status(), sized::toString);
        assertEquals("0.15", sized.json().path("order").path("quantity").decimalValue().stripTrailingZeros().toPlainString(), sized::toString);
    }

    @Test
    @Order(12)
    void aPercentEquitySizeNeverTakesMoreThanItsPercentOfEquityAsMargin()
    {
        // 2% of 7501.30 is 150.026; rounded half-even to 150.03 it sized 150.03 / 50010.00 a BTC = 0.003 BTC, 150.03 of margin
        assertEquals(201, gateway.createAccount("exp-g", "7501.30").status());
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        final String margined = create("exp-g", "{\"symbol\": \"BTCUSD\", \"leverage\": 1, \"size_type\": \"percent_equity\", \"size_value\": 2}");
        gateway.post("/api/v1/experts/" + margined + "/control", "{\"action\": \"start\"}");
        final Reply sized = gateway.post("/api/v1/experts/" + margined + "/orders", "{\"side\": \"buy\", \"type\": \"market\"}");
        assertEquals(201, sized.status(), sized::toString);
        assertEquals("0.002", sized.json().path("order").path("quantity").decimalValue().stripTrailingZeros().toPlainString(), sized::toString);
    }

    private static String create(final String account, final String strategy)
    {
        final Reply created = gateway.post("/api/v1/experts", "{\"account_id\": \"" + account + "\", \"strategy_config\": " + strategy + "}");
        assertEquals(201, created.status(), created::toString);
        return created.text("expert_id");
    }
}
