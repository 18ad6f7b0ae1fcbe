package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.webhook.SourceAllowlist;

/** Groups, group orders, bots and the TradingView webhook over real HTTP against a real gateway. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GroupWebhookTest
{
    @TempDir
    static Path dataDir;
    static TestGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        for (final String account : List.of("g-fixed", "g-mult", "g-risk", "g-ratio", "g-tiny"))
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
    void shouldSizeEveryMemberRoundDownToLotStepAndMapSymbols()
    {
        final TestGateway.Reply created = gateway.post("/api/v1/groups", "{\"group_id\": \"g-1\", \"name\": \"Followers\", \"members\": ["
            + "{\"account_id\": \"g-fixed\", \"sizing\": {\"mode\": \"fixed\", \"value\": 0.105}},"
            + "{\"account_id\": \"g-mult\", \"sizing\": {\"mode\": \"multiplier\", \"value\": 2}, \"symbol_suffix\": \".m\"},"
            + "{\"account_id\": \"g-risk\", \"sizing\": {\"mode\": \"risk_percent\", \"value\": \"1.0\"}, \"symbol_map\": {\"EURUSD\": \"EURUSDx\"}},"
            + "{\"account_id\": \"g-ratio\", \"sizing\": {\"mode\": \"equity_ratio\", \"value\": 10000}},"
            + "{\"account_id\": \"g-tiny\", \"sizing\": {\"mode\": \"fixed\", \"value\": 0.005}}],"
            + "\"risk\": {\"max_drawdown_pct\": 25.0, \"risk_limit\": 5.0}}");
        assertEquals(201, created.status(), created.toString());
        assertEquals("active", created.text("status"));

        final TestGateway.Reply order = gateway.post("/api/v1/groups/g-1/orders",
            "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.10, \"stop_loss_pips\": 20, \"client_order_id\": \"sig-1\"}");
        assertEquals(201, order.status(), order.toString());
        final JsonNode json = order.json();
        assertEquals(4, json.path("success_count").asInt());
        assertEquals(1, json.path("error_count").asInt());
        final JsonNode results = json.path("results");
        assertEquals(5, results.size());

        assertMember(results.get(0), "g-fixed", "EURUSD", "0.1", "lot_step");
        assertEquals("0.105", results.get(0).path("sizing").path("raw_quantity").decimalValue().toPlainString());
        assertMember(results.get(1), "g-mult", "EURUSD.m", "0.2", null);
        // 1% of 100000 equity = 1000 at a 20-pip stop (200.00 per lot): 5 lots; risk_limit 5% allows 25.
        assertMember(results.get(2), "g-risk", "EURUSDx", "5", null);
        assertEquals("200", results.get(2).path("sizing").path("inputs").path("loss_per_lot").decimalValue().toPlainString());
        // 0.10 x 100000 / 10000 = 1 lot
        assertMember(results.get(3), "g-ratio", "EURUSD", "1", null);
        final JsonNode tiny = results.get(4);
        assertEquals("rejected", tiny.path("status").asText());
        assertEquals("SIZE_BELOW_MINIMUM", tiny.path("reject_code").asText());
        assertEquals("min_quantity", tiny.path("sizing").path("clamped_by").asText());

        final TestGateway.Reply again = gateway.post("/api/v1/groups/g-1/orders",
            "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.10, \"stop_loss_pips\": 20, \"client_order_id\": \"sig-1\"}");
        assertEquals(200, again.status());
        assertEquals(json.path("group_order_id").asText(), again.text("group_order_id"));

        final TestGateway.Reply child = gateway.get("/api/v1/orders/" + results.get(1).path("order_id").asText());
        assertEquals("EURUSD", child.text("symbol"));
        assertEquals("EURUSD.m", child.text("venue_symbol"));
    }

    private static void assertMember(final JsonNode result, final String account, final String venueSymbol, final String quantity, final String clamp)
    {
        assertEquals(account, result.path("account_id").asText(), result.toString());
        assertEquals("filled", result.path("status").asText(), result.toString());
        assertEquals(venueSymbol, result.path("venue_symbol").asText());
        assertEquals(quantity, result.path("quantity").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals(clamp, result.path("sizing").path("clamped_by").isNull() ? null : result.path("sizing").path("clamped_by").asText());
    }

    @Test
    @Order(2)
    void shouldRefuseInvalidGroupOrdersWholeAndPausedGroupsForNewExposure()
    {
        assertEquals(404, gateway.post("/api/v1/groups/nope/orders", "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 1}").status());
        assertEquals("UNKNOWN_SYMBOL", gateway.post("/api/v1/groups/g-1/orders", "{\"symbol\": \"NOPE\", \"side\": \"buy\", \"quantity\": 1}").errorCode());
        assertEquals(400, gateway.post("/api/v1/groups/g-1/orders", "{\"symbol\": \"EURUSD\", \"side\": \"buy\"}").status());

        assertEquals(200, gateway.post("/api/v1/groups/g-1/pause", "{}").status());
        final TestGateway.Reply paused = gateway.post("/api/v1/groups/g-1/orders", "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.1}");
        assertEquals(422, paused.status());
        assertEquals("GROUP_PAUSED", paused.errorCode());
        // Selling reduces the long positions: allowed while paused.
        final TestGateway.Reply reducing = gateway.post("/api/v1/groups/g-1/orders", "{\"symbol\": \"EURUSD\", \"side\": \"sell\", \"quantity\": 0.05}");
        assertEquals(201, reducing.status(), reducing.toString());
        assertTrue(reducing.json().path("success_count").asInt() >= 1);
        assertEquals(200, gateway.post("/api/v1/groups/g-1/resume", "{}").status());
    }

    @Test
    @Order(3)
    void shouldManageMembersOneAtATimeAndInBulk()
    {
        assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"g-2\", \"accounts\": [\"paper-1\"]}").status());
        final TestGateway.Reply bulk = gateway.post("/api/v1/groups/g-2/accounts", "{\"account_ids\": [\"paper-2\", \"ghost\", \"paper-1\"]}");
        assertEquals(200, bulk.status(), bulk.toString());
        final JsonNode results = bulk.json().path("data").path("results");
        assertEquals("[\"paper-2\"]", results.path("success").toString());
        assertEquals(2, results.path("failed").size());
        assertEquals(204 / 204 * 200, gateway.send("DELETE", "/api/v1/groups/g-2/accounts/paper-2", null, TestGateway.ADMIN).status());
        final TestGateway.Reply single = gateway.post("/api/v1/groups/g-2/accounts/paper-2", "{\"sizing\": {\"mode\": \"fixed\", \"value\": 0.01}}");
        assertEquals(201, single.status(), single.toString());
        final TestGateway.Reply patched = gateway.send("PATCH", "/api/v1/groups/g-2", "{\"description\": \"two\"}", TestGateway.ADMIN);
        assertEquals("two", patched.text("description"));
        assertEquals(2, gateway.get("/api/v1/groups").json().path("groups").size());
        assertEquals(200, gateway.send("DELETE", "/api/v1/groups/g-2", null, TestGateway.ADMIN).status());
        assertEquals(404, gateway.get("/api/v1/groups/g-2").status());
    }

    @Test
    @Order(4)
    void shouldAuthenticateAlertsByBodySecretPathTokenAndSignature() throws Exception
    {
        final TestGateway.Reply bot = gateway.post("/api/v1/bots",
            "{\"bot_id\": \"b-1\", \"name\": \"trend-bot\", \"account_ids\": [\"paper-1\"], \"secret\": \"s3cret-value\"}");
        assertEquals(201, bot.status(), bot.toString());
        assertEquals("s3cret-value", bot.text("secret"));
        final TestGateway.Reply generated = gateway.post("/api/v1/bots", "{\"bot_id\": \"b-2\", \"account_ids\": [\"paper-2\"]}");
        assertEquals(48, generated.text("secret").length());
        assertEquals(null, gateway.get("/api/v1/bots/b-2").text("secret"));
        // API.md's own example body, short secret included, is accepted as written.
        assertEquals(201, gateway.post("/api/v1/bots",
            "{\"bot_id\": \"b-api\", \"name\": \"api-example\", \"account_ids\": [\"paper-2\"], \"secret\": \"s3cret\"}").status());
        assertEquals(400, gateway.post("/api/v1/bots",
            "{\"bot_id\": \"b-empty\", \"account_ids\": [\"paper-2\"], \"secret\": \"\"}").status());

        // Seed 003's body, all strings, sent as text/plain as TradingView does.
        final TestGateway.Reply seed = webhook("/webhook/tradingview", "text/plain", null,
            "{\"order_type\": \"market\", \"symbol\": \"EURUSD\", \"botname\": \"trend-bot\", \"side\": \"buy\", \"size\": \"0.1\","
                + " \"leverage\": \"10\", \"takeprofit\": \"1.2\", \"secret\": \"s3cret-value\"}");
        assertEquals(200, seed.status(), seed.toString());
        assertEquals("Signal processed successfully", seed.text("message"));
        assertEquals(1, seed.json().path("data").path("success_count").asInt());

        final TestGateway.Reply wrong = webhook("/webhook/tradingview", "application/json", null,
            "{\"bot\": \"b-1\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": \"0.1\", \"secret\": \"nope-nope\"}");
        assertEquals(401, wrong.status());
        assertFalse(wrong.json().path("success").asBoolean());
        assertEquals("INVALID_CREDENTIALS", wrong.errorCode());
        assertEquals(401, webhook("/webhook/tradingview", "application/json", null, "{\"bot\": \"b-1\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 1}").status());

        final TestGateway.Reply token = webhook("/webhook/tradingview/s3cret-value", "text/plain", null, "b-1,buy,EURUSD,risk=1,sl=20,tp=40");
        assertEquals(200, token.status(), token.toString());
        assertEquals(1, token.json().path("data").path("success_count").asInt());
        assertEquals(200, webhook("/webhook/tradingview/s3cret-value", "text/plain", null, "{\"action\": \"buy\", \"ticker\": \"FX:EURUSD\", \"quantity\": 0.01}").status());
        assertEquals(401, webhook("/webhook/tradingview/wrong-token", "text/plain", null, "b-1,closeall").status());

        final String body = "{\"bot\": \"b-1\", \"action\": \"sell\", \"ticker\": \"EURUSD\", \"quantity\": \"0.02\", \"id\": \"alert-7\","
            + " \"time\": \"" + java.time.Instant.now() + "\"}";
        final Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cret-value".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        final String signature = java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        final TestGateway.Reply signed = webhook("/webhook/tradingview", "application/json", signature, body);
        assertEquals(200, signed.status(), signed.toString());
        assertEquals(401, webhook("/webhook/tradingview", "application/json", "00" + signature.substring(2), body).status());

        // The same alert id runs once.
        final TestGateway.Reply repeat = webhook("/webhook/tradingview", "application/json", signature, body);
        assertEquals(200, repeat.status());
        assertTrue(repeat.json().path("data").path("duplicate").asBoolean());
        assertEquals(signed.json().path("data").path("correlation_id").asText(), repeat.json().path("data").path("correlation_id").asText());

        assertEquals(400, webhook("/webhook/tradingview", "text/plain", null, "b-1,explode,EURUSD,secret=s3cret-value").status());
        assertEquals(200, gateway.send("GET", "/webhook/tradingview/test", null, null).status());
    }

    @Test
    @Order(5)
    void shouldRunIdenticalBodiesWithinTheWindowOnceAndHonourBotPause()
    {
        final String line = "b-1,buy,EURUSD,qty=0.01,secret=s3cret-value";
        final TestGateway.Reply first = webhook("/webhook/tradingview", "text/plain", null, line);
        final TestGateway.Reply second = webhook("/webhook/tradingview", "text/plain", null, line);
        assertEquals(200, second.status());
        assertTrue(second.json().path("data").path("duplicate").asBoolean(), second.toString());
        assertEquals(first.json().path("data").path("correlation_id"), second.json().path("data").path("correlation_id"));

        assertEquals("PAUSED", gateway.post("/api/v1/bots/b-1/status?status=PAUSED", null).text("status"));
        final TestGateway.Reply paused = webhook("/webhook/tradingview", "text/plain", null, "b-1,buy,EURUSD,qty=0.02,secret=s3cret-value");
        assertEquals(422, paused.status(), paused.toString());
        assertEquals("BOT_PAUSED", paused.errorCode());
        final TestGateway.Reply closing = webhook("/webhook/tradingview", "text/plain", null, "b-1,closelong,EURUSD,secret=s3cret-value");
        assertEquals(200, closing.status(), closing.toString());
        assertEquals(200, gateway.post("/api/v1/bots/b-1/status", "{\"status\": \"ACTIVE\"}").status());
        assertEquals(200, gateway.post("/api/v1/bots/b-1/connect-account", "{\"account_id\": \"paper-2\"}").status());
        final TestGateway.Reply terminated = gateway.post("/api/v1/bots/b-2/terminate", "{}");
        assertEquals(200, terminated.status(), terminated.toString());
        assertEquals(1, terminated.json().path("terminated_accounts").asInt());
        assertEquals(3, gateway.get("/api/v1/bots").json().path("bots").size(), "b-1, b-2 and b-api (the empty-secret bot was refused)");
    }

    @Test
    @Order(6)
    void shouldRebuildGroupsBotsAndSignalsOnRestart()
    {
        final String before = gateway.digest();
        gateway.restart();
        assertEquals(before, gateway.digest());
        assertEquals(200, webhook("/webhook/tradingview", "text/plain", null, "b-1,buy,EURUSD,qty=0.03,secret=s3cret-value").status());
        assertNotEquals(before, gateway.digest());
        final String body = "{\"bot\": \"b-1\", \"action\": \"sell\", \"ticker\": \"EURUSD\", \"quantity\": \"0.02\", \"id\": \"alert-7\", \"secret\": \"s3cret-value\"}";
        assertTrue(webhook("/webhook/tradingview", "application/json", null, body).json().path("data").path("duplicate").asBoolean());
    }

    @Test
    void allowlistShouldMatchAddressesAndCidrBlocks()
    {
        final SourceAllowlist list = new SourceAllowlist(List.of("52.89.214.238", "10.0.0.0/8", "::1"));
        assertTrue(list.allows(new java.net.InetSocketAddress("10.1.2.3", 1)));
        assertTrue(list.allows(new java.net.InetSocketAddress("::1", 1)));
        assertFalse(list.allows(new java.net.InetSocketAddress("127.0.0.1", 1)));
        assertTrue(new SourceAllowlist(List.of()).allows(new java.net.InetSocketAddress("127.0.0.1", 1)));
    }

    private static TestGateway.Reply webhook(final String path, final String contentType, final String signature, final String body)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null)
        {
            request.header("X-TradingView-Signature", signature);
        }
        return gateway.send(request.build());
    }
}
