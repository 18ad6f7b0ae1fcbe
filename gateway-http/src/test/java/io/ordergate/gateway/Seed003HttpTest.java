package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

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
 * Seed 003's own paths, driven with its app's bodies and query parameters over HTTP: bots created by query and listed as
 * a bare array, groups created by name in the seed's envelope, an account assigned to a group, a group executed with
 * {@code risk_percentage} and {@code leverage} and no stop (margin-based sizing), positions closed by symbol and an
 * account terminated, bots changed and deleted, a group whose only bot is stopped deleted, the accounts list and health,
 * an account's closed positions at {@code GET /trading/positions/{account_id}}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class Seed003HttpTest
{
    @TempDir
    static Path dataDir;
    static TestGateway gateway;
    static String botId;
    static String botSecret;
    static String groupId;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        for (final String account : new String[] {"s3-a", "s3-b", "s3-c"})
        {
            assertEquals(201, gateway.createAccount(account, "100000").status());
        }
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    @Order(1)
    void botsAreCreatedByQueryAndListedAsABareArray()
    {
        final Reply created = gateway.post("/api/v1/bots/create?name=trend-bot&base_name=BTC&timeframe=1H", null);
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.json().path("success").asBoolean());
        botId = created.text("bot_id");
        botSecret = created.text("secret");
        assertTrue(botId.startsWith("bot_"), botId);
        final Reply list = gateway.get("/api/v1/bots/list");
        assertEquals(200, list.status(), list::toString);
        assertTrue(list.json().isArray(), list::toString);
        final JsonNode bot = list.json().get(0);
        assertEquals(botId, bot.path("id").asText());
        assertEquals("trend-bot", bot.path("name").asText());
        assertEquals("BTC", bot.path("base_name").asText());
        assertEquals("1h", bot.path("timeframe").asText());
        assertEquals("ACTIVE", bot.path("status").asText());
        assertEquals(0, bot.path("connected_accounts").size());
        // seed 003's GET /bots/{bot_id}: its clients read "performance": {"metrics": {}} there
        final Reply detail = gateway.get("/api/v1/bots/" + botId);
        assertEquals(200, detail.status(), detail::toString);
        assertEquals("1h", detail.text("timeframe"));
        assertTrue(detail.json().path("performance").path("metrics").isObject(), detail::toString);
        assertEquals(400, gateway.post("/api/v1/bots/create?name=x&timeframe=2w", null).status());
        assertEquals(400, gateway.post("/api/v1/bots/create", null).status());
    }

    @Test
    @Order(2)
    void groupsAreCreatedByNameInTheSeedsEnvelopeAndAccountsAssigned()
    {
        final Reply created = gateway.post("/api/v1/groups/", "{\"name\": \"Followers\", \"description\": \"copy\", \"accounts\": [\"s3-a\"],"
            + " \"max_drawdown\": 25.0, \"target_monthly_roi\": 5.0, \"risk_limit\": 5.0}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("Group created successfully", created.text("message"));
        final JsonNode group = created.json().path("data").path("group");
        groupId = group.path("id").asText();
        assertEquals("Followers", group.path("name").asText());
        assertEquals(0, new BigDecimal("5").compareTo(group.path("target_monthly_roi").decimalValue()));
        final Reply assigned = gateway.post("/api/v1/accounts/s3-b/assign-group", "{\"group_id\": \"" + groupId + "\"}");
        assertEquals(200, assigned.status(), assigned::toString);
        assertTrue(assigned.json().path("success").asBoolean());
        final Reply listed = gateway.get("/api/v1/groups/");
        assertEquals(200, listed.status(), listed::toString);
        assertEquals("Groups retrieved successfully", listed.text("message"));
        final JsonNode data = listed.json().path("data");
        assertEquals(1, data.path("total").asInt());
        assertEquals(2, data.path("groups").get(0).path("accounts").size());
        final Reply one = gateway.get("/api/v1/groups/" + groupId);
        assertEquals(groupId, one.text("group_id"), "the native shape");
        assertEquals(groupId, one.json().path("data").path("group").path("id").asText(), "and seed 003's");
        final Reply patched = gateway.send("PATCH", "/api/v1/groups/" + groupId, "{\"description\": \"changed\", \"target_monthly_roi\": 4.5}",
            TestGateway.ADMIN);
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("Group updated successfully", patched.text("message"));
        assertEquals("4.5", patched.decimal("target_monthly_roi"));
    }

    @Test
    @Order(3)
    void aBotsAccountsAreConnectedByQueryAndListed()
    {
        final Reply connected = gateway.post("/api/v1/bots/" + botId + "/connect-account?account_id=s3-c", null);
        assertEquals(200, connected.status(), connected::toString);
        assertEquals("Account connected", connected.text("message"));
        final Reply accounts = gateway.get("/api/v1/bots/" + botId + "/accounts");
        assertEquals(200, accounts.status(), accounts::toString);
        assertTrue(accounts.json().isArray());
        final JsonNode account = accounts.json().get(0);
        assertEquals("s3-c", account.path("id").asText());
        assertEquals("paper", account.path("exchange").asText());
        assertEquals(0, new BigDecimal("100000").compareTo(account.path("balance").decimalValue()));
        assertTrue(account.path("is_active").asBoolean());
    }

    @Test
    @Order(4)
    void aGroupExecutesWithRiskPercentageAndLeverageAndNoStopSizedByMargin()
    {
        // seed 003's body shows 0 for every number: a take_profit of 0 is no price, refused before any member trades
        final Reply zeroTarget = gateway.post("/api/v1/trading/group/" + groupId + "/execute", "{\"symbol\": \"EURUSD\", \"side\": \"BUY\","
            + " \"order_type\": \"market\", \"risk_percentage\": 1, \"leverage\": 10, \"take_profit\": 0}");
        assertEquals(400, zeroTarget.status(), zeroTarget::toString);
        assertEquals("take_profit", zeroTarget.errorField());
        assertTrue(zeroTarget.body().contains("leave it out or null for none"), zeroTarget::toString);
        final Reply executed = gateway.post("/api/v1/trading/group/" + groupId + "/execute", "{\"symbol\": \"EURUSD\", \"side\": \"BUY\","
            + " \"order_type\": \"market\", \"risk_percentage\": 1, \"leverage\": 10, \"take_profit\": 1.09}");
        assertEquals(201, executed.status(), executed::toString);
        assertEquals(2, executed.json().path("success_count").asInt(), executed::toString);
        assertEquals(0, executed.json().path("error_count").asInt());
        final JsonNode result = executed.json().path("results").get(0);
        // 1% of 100000 is 1000 of margin; at 10x that is 10000 of EURUSD at 1.08428: 0.0922... lots, rounded down to 0.09
        assertEquals("0.09", result.path("quantity").decimalValue().toPlainString());
        final JsonNode sizing = result.path("sizing");
        assertEquals("margin", sizing.path("basis").asText());
        assertEquals(0, new BigDecimal("1000").compareTo(sizing.path("inputs").path("margin").decimalValue()));
        assertEquals(0, new BigDecimal("10").compareTo(sizing.path("inputs").path("leverage").decimalValue()));
        assertEquals("lot_step", sizing.path("clamped_by").asText());
        final Reply order = gateway.get("/api/v1/orders/" + result.path("order_id").asText());
        assertEquals("1.09", order.decimal("take_profit"));
    }

    @Test
    @Order(5)
    void positionsAreClosedBySymbolAndAnAccountTerminated()
    {
        final Reply closed = gateway.post("/api/v1/trading/close-position/s3-a", "{\"symbol\": \"EURUSD\", \"order_type\": \"market\"}");
        assertEquals(200, closed.status(), closed::toString);
        assertTrue(closed.json().path("success").asBoolean());
        assertEquals("Position closed", closed.text("message"));
        assertEquals("EURUSD", closed.text("symbol"));
        assertEquals(0, gateway.get("/api/v1/positions?account_id=s3-a").json().path("positions").size());
        assertEquals(404, gateway.post("/api/v1/trading/close-position/s3-a", "{\"symbol\": \"EURUSD\"}").status(), "nothing left to close");
        assertEquals(201, gateway.market("s3-c", "EURUSD", "sell", "0.05").status());
        final Reply terminated = gateway.post("/api/v1/trading/terminate/s3-b", null);
        assertEquals(200, terminated.status(), terminated::toString);
        assertEquals(1, terminated.json().path("terminated_positions").asInt());
        assertEquals(0, terminated.json().path("errors").size());
        assertEquals(1, gateway.get("/api/v1/positions?account_id=s3-c").json().path("positions").size(), "another account keeps its own");
    }

    @Test
    @Order(6)
    void botsAreChangedAndDeletedAndAGroupWhoseOnlyBotIsStoppedIsDeleted()
    {
        final Reply renamed = gateway.send("PATCH", "/api/v1/bots/" + botId, "{\"name\": \"trend-bot-2\", \"timeframe\": \"4h\"}",
            TestGateway.ADMIN);
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals("trend-bot-2", renamed.text("name"));
        assertEquals("4h", renamed.text("timeframe"));
        final Reply alert = webhook("{\"botname\": \"trend-bot-2\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"order_type\": \"market\","
            + " \"size\": \"0.01\", \"secret\": \"" + botSecret + "\"}");
        assertEquals(200, alert.status(), alert::toString);

        final Reply targeting = gateway.post("/api/v1/bots", "{\"bot_id\": \"b-group\", \"group_id\": \"" + groupId + "\"}");
        assertEquals(201, targeting.status(), targeting::toString);
        assertEquals(409, gateway.send("DELETE", "/api/v1/groups/" + groupId, null, TestGateway.ADMIN).status(), "an active bot targets it");
        assertEquals(200, gateway.post("/api/v1/bots/b-group/status?status=STOPPED", null).status());
        final Reply deleted = gateway.send("DELETE", "/api/v1/groups/" + groupId, null, TestGateway.ADMIN);
        assertEquals(200, deleted.status(), deleted::toString);
        assertEquals("null", gateway.get("/api/v1/bots/b-group").decimal("group_id"), "the stopped bot forgot the group");

        final Reply gone = gateway.send("DELETE", "/api/v1/bots/" + botId, null, TestGateway.ADMIN);
        assertEquals(200, gone.status(), gone::toString);
        assertEquals(404, gateway.get("/api/v1/bots/" + botId).status());
        assertEquals(401, webhook("{\"botname\": \"trend-bot-2\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"size\": \"0.01\", \"secret\": \""
            + botSecret + "\"}").status(), "a deleted bot's secret no longer authenticates");
    }

    @Test
    @Order(7)
    void theAccountsListAndHealthAnswerInSeed003sShapes()
    {
        final Reply list = gateway.get("/api/v1/accounts/list?skip=1&limit=2");
        assertEquals(200, list.status(), list::toString);
        final JsonNode accounts = list.json().path("accounts");
        assertEquals(2, accounts.size());
        final JsonNode first = accounts.get(0);
        assertFalse(first.path("account_info").path("account_id").asText().isEmpty());
        assertTrue(first.path("balances").path("USD").has("available"));
        assertTrue(first.path("positions").has("items"));
        assertTrue(first.path("performance").has("realized_pnl"));
        assertTrue(first.path("references").isArray());
        assertEquals(1, list.json().path("pagination").path("skip").asInt());
        assertEquals(2, list.json().path("pagination").path("limit").asInt());
        assertTrue(list.json().path("pagination").path("total").asInt() >= 5);
        final Reply health = gateway.send("GET", "/health", null, null);
        assertEquals(200, health.status());
        assertEquals("ok", health.text("status"));
        assertTrue(health.json().path("database").path("connected").asBoolean());
        assertTrue(health.json().has("environment") && health.json().has("uptime") && health.json().has("timestamp"), health::toString);
    }

    @Test
    @Order(8)
    void anAccountsClosedPositionsAreABareArrayAtTheSeedsTradingPositionsPath()
    {
        assertEquals(201, gateway.createAccount("s3-d", "100000").status());
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
        for (final String lots : new String[] {"0.10", "0.20"})
        {
            assertEquals(201, gateway.market("s3-d", "EURUSD", "buy", lots).status());
            assertEquals(201, gateway.market("s3-d", "EURUSD", "sell", lots).status());
        }
        final Reply positions = gateway.get("/api/v1/trading/positions/s3-d");
        assertEquals(200, positions.status(), positions::toString);  // was 404: no such path
        final JsonNode closed = positions.json();
        assertTrue(closed.isArray(), closed::toString);
        assertEquals(2, closed.size(), closed::toString);
        final JsonNode newest = closed.get(0);
        assertEquals("EURUSD", newest.path("symbol").asText());
        assertEquals("buy", newest.path("side").asText());
        assertEquals(0, new BigDecimal("0.2").compareTo(newest.path("size").decimalValue()), newest::toString);
        assertEquals(0, new BigDecimal("1.08428").compareTo(newest.path("entry_price").decimalValue()), newest::toString);
        assertEquals(0, new BigDecimal("1.08420").compareTo(newest.path("exit_price").decimalValue()), newest::toString);
        assertEquals(0, new BigDecimal("-1.6").compareTo(newest.path("pnl").decimalValue()), newest::toString);
        assertTrue(newest.path("fee").isNumber(), newest::toString);

        final Reply one = gateway.get("/api/v1/trading/positions/s3-d?limit=1");
        assertEquals(1, one.json().size(), one::toString);
        assertEquals(0, new BigDecimal("0.2").compareTo(one.json().get(0).path("size").decimalValue()), one::toString);
        assertEquals("limit", gateway.get("/api/v1/trading/positions/s3-d?limit=0").json().path("error").path("field").asText());
        assertEquals(400, gateway.get("/api/v1/trading/positions/s3-d?account_id=s3-a").status());
        assertEquals(404, gateway.get("/api/v1/trading/positions/nobody").status());
    }

    @Test
    @Order(9)
    void aDeletedAccountLeavesTheSeedsAccountsListAndItsTotal()
    {
        assertEquals(201, gateway.createAccount("s3-gone", "1000").status());
        final int before = gateway.get("/api/v1/accounts/list").json().path("pagination").path("total").asInt();
        assertEquals(200, gateway.send("DELETE", "/api/v1/accounts/s3-gone", null, TestGateway.ADMIN).status());
        final Reply list = gateway.get("/api/v1/accounts/list");
        assertEquals(200, list.status(), list::toString);
        for (final JsonNode account : list.json().path("accounts"))
        {
            assertFalse("s3-gone".equals(account.path("account_info").path("account_id").asText()), list::toString);
        }
        assertEquals(before - 1, list.json().path("pagination").path("total").asInt(), list::toString);
    }

    @Test
    @Order(10)
    void anAccountReadsInTheSeedsEnvelopeBesideItsOwnFields()
    {
        final Reply read = gateway.get("/api/v1/accounts/s3-a");
        assertEquals(200, read.status(), read::toString);
        final JsonNode body = read.json();
        assertEquals("s3-a", body.path("account_id").asText(), "API.md's account, as before");
        assertTrue(body.path("balance").isNumber(), body::toString);
        // seed 003's {"account": {"account_info", "balances", "positions", "settings"}, "performance", "references", "ws_status"}
        final JsonNode account = body.path("account");
        assertEquals("s3-a", account.path("account_info").path("account_id").asText(), body::toString);
        assertTrue(account.path("balances").path("USD").has("available"), body::toString);
        assertTrue(account.path("positions").path("items").isArray(), body::toString);
        assertTrue(account.path("settings").isObject(), body::toString);
        assertTrue(body.path("performance").has("realized_pnl"), body::toString);
        assertTrue(body.path("references").isArray(), body::toString);
        assertTrue(body.path("ws_status").isObject(), body::toString);
    }

    @Test
    @Order(11)
    void theSeedsGroupListPagesByOffsetAndLimit()
    {
        for (final String name : new String[] {"page-a", "page-b", "page-c"})
        {
            assertEquals(201, gateway.post("/api/v1/groups/", "{\"name\": \"" + name + "\"}").status());
        }
        final JsonNode all = gateway.get("/api/v1/groups/").json().path("data");
        final int total = all.path("total").asInt();
        assertEquals(total, all.path("groups").size(), "without a limit, every group as before: " + all);
        final JsonNode page = gateway.get("/api/v1/groups/?offset=1&limit=2").json().path("data");
        assertEquals(2, page.path("groups").size(), page::toString);
        assertEquals(all.path("groups").get(1).path("id"), page.path("groups").get(0).path("id"), "the page starts at the offset");
        assertEquals(total, page.path("total").asInt(), "total counts every group, not the page");
        assertEquals(1, page.path("offset").asInt());
        assertEquals(2, page.path("limit").asInt());
        assertEquals(0, gateway.get("/api/v1/groups/?offset=" + total).json().path("data").path("groups").size(), "past the end: none");
        assertEquals("limit", gateway.get("/api/v1/groups/?limit=0").errorField());
    }

    @Test
    @Order(12)
    void aTimeframeOfANumberAndAnUpperCaseMIsRefusedAsMonthsNotStoredAsMinutes()
    {
        // 1M is one month in trading (TradingView's 1M, MT5's MN1), as on /api/v1/candles: refused rather than read as 1m
        for (final String months : new String[] {"1M", "5M", "15M", "30M"})
        {
            final Reply refused = gateway.post("/api/v1/bots/create?name=monthly&timeframe=" + months, null);
            assertEquals(400, refused.status(), months + ": " + refused);
            assertEquals("VALIDATION_ERROR", refused.errorCode(), refused::toString);
            assertEquals("timeframe", refused.errorField(), refused::toString);
            assertTrue(refused.toString().contains("1m, 5m, 15m, 30m, 1h, 4h, 6h, 1d, 3d"), "the accepted values: " + refused);
        }
        final Reply minutes = gateway.post("/api/v1/bots/create?name=minute-bot&timeframe=1m", null);
        assertEquals(201, minutes.status(), minutes::toString);
        assertEquals("1m", minutes.text("timeframe"));
        final String path = "/api/v1/bots/" + minutes.text("bot_id");
        final Reply changed = gateway.send("PATCH", path, "{\"timeframe\": \"1M\"}", TestGateway.ADMIN);
        assertEquals(400, changed.status(), changed::toString);
        assertEquals("timeframe", changed.errorField(), changed::toString);
        assertEquals("1m", gateway.get(path).text("timeframe"), "unchanged");
        assertEquals("1h", gateway.send("PATCH", path, "{\"timeframe\": \"1H\"}", TestGateway.ADMIN).text("timeframe"), "1H: one hour");
    }

    private static Reply webhook(final String body)
    {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/webhook/tradingview"))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
