package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How the TradingView webhook finds the bot of an alert and tells alerts apart, over real HTTP against a real gateway. */
class InboundSignalsTest extends QuotedGatewayTest
{
    @Test
    void aSecretTwoBotsShareShouldFindNeitherByPathTokenUntilOneIsDeleted()
    {
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"shared-a\", \"account_ids\": [\"paper-1\"], \"secret\": \"shared-secret\"}").status());
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"shared-b\", \"account_ids\": [\"paper-2\"], \"secret\": \"shared-secret\"}").status());
        final String unnamed = "{\"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01}";

        final TestGateway.Reply ambiguous = webhook("/webhook/tradingview/shared-secret", unnamed);
        assertEquals(401, ambiguous.status(), ambiguous.toString());
        assertEquals("INVALID_CREDENTIALS", ambiguous.errorCode());
        assertTrue(ambiguous.body().contains("name the bot"), ambiguous.toString());

        final TestGateway.Reply named = webhook("/webhook/tradingview/shared-secret",
            "{\"bot\": \"shared-b\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01}");
        assertEquals(200, named.status(), named.toString());
        assertEquals("paper-2", named.json().path("data").path("results").path(0).path("account_id").asText(), named.toString());

        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/shared-a", null, TestGateway.ADMIN).status());
        final TestGateway.Reply remaining = webhook("/webhook/tradingview/shared-secret", unnamed.replace("0.01", "0.02"));
        assertEquals(200, remaining.status(), remaining.toString());
        assertEquals("paper-2", remaining.json().path("data").path("results").path(0).path("account_id").asText(), remaining.toString());

        gateway.restart();
        final TestGateway.Reply replayed = webhook("/webhook/tradingview/shared-secret", unnamed.replace("0.01", "0.03"));
        assertEquals("paper-2", replayed.json().path("data").path("results").path(0).path("account_id").asText(), replayed.toString());
    }

    @Test
    void idsLongerThanTheEngineKeepsShouldBeRefusedNotCutIntoDuplicates()
    {
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"ids\", \"account_ids\": [\"paper-1\"], \"secret\": \"ids-secret\"}").status());
        final String prefix = "x".repeat(64);

        final TestGateway.Reply longJson = webhook("/webhook/tradingview",
            "{\"bot\": \"ids\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"secret\": \"ids-secret\", \"id\": \"" + prefix + "1\"}");
        assertRefused(longJson, "id");
        assertRefused(webhook("/webhook/tradingview", "ids,buy,EURUSD,qty=0.01,secret=ids-secret,id=" + prefix + "2"), "id");
        // 33 characters, 66 bytes: the engine's slot counts bytes.
        assertRefused(webhook("/webhook/tradingview", "ids,buy,EURUSD,qty=0.01,secret=ids-secret,id=" + "\u00e9".repeat(33)), "id");

        final TestGateway.Reply first = webhook("/webhook/tradingview", "ids,buy,EURUSD,qty=0.01,secret=ids-secret,id=" + prefix);
        assertEquals(200, first.status(), first.toString());
        final TestGateway.Reply other = webhook("/webhook/tradingview", "ids,buy,EURUSD,qty=0.01,secret=ids-secret,id=" + "x".repeat(63) + "y");
        assertEquals(200, other.status(), other.toString());
        assertFalse(other.json().path("data").path("duplicate").asBoolean(), other.toString());

        assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"ids-group\", \"accounts\": [\"paper-2\"]}").status());
        assertRefused(gateway.post("/api/v1/groups/ids-group/orders",
            "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.01, \"client_order_id\": \"" + "\u00e9".repeat(33) + "\"}"), "client_order_id");
        assertEquals(201, gateway.post("/api/v1/groups/ids-group/orders",
            "{\"symbol\": \"EURUSD\", \"side\": \"buy\", \"quantity\": 0.01, \"client_order_id\": \"" + "\u00e9".repeat(32) + "\"}").status());
        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/ids", null, TestGateway.ADMIN).status());
    }

    @Test
    void aStopTooFarToValueShouldBeRefusedNotFailTheSignal()
    {
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"far\", \"account_ids\": [\"paper-1\"], \"secret\": \"far-secret\"}").status());
        assertRefused(webhook("/webhook/tradingview",
            "{\"bot\": \"far\", \"action\": \"sell\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"sl\": 1000000000, \"secret\": \"far-secret\"}"),
            "stop_loss");

        assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"far-group\", \"accounts\": [\"paper-2\"]}").status());
        assertRefused(gateway.post("/api/v1/groups/far-group/orders",
            "{\"symbol\": \"EURUSD\", \"side\": \"sell\", \"quantity\": 0.01, \"stop_loss\": 1000000000}"), "stop_loss");
        final TestGateway.Reply near = gateway.post("/api/v1/groups/far-group/orders",
            "{\"symbol\": \"EURUSD\", \"side\": \"sell\", \"quantity\": 0.01, \"stop_loss\": 9000000}");
        assertEquals(201, near.status(), near.toString());
        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/far", null, TestGateway.ADMIN).status());
    }

    @Test
    void aPausedGroupShouldHoldBackItsMembersButNotTheBotsOwnAccounts()
    {
        assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"paused-group\", \"accounts\": [\"paper-2\"]}").status());
        assertEquals(201, gateway.post("/api/v1/bots",
            "{\"bot_id\": \"pausing\", \"group_id\": \"paused-group\", \"account_ids\": [\"paper-1\"], \"secret\": \"pausing-secret\"}").status());
        assertEquals(200, gateway.post("/api/v1/groups/paused-group/pause", "{}").status());

        final TestGateway.Reply signal = webhook("/webhook/tradingview",
            "{\"bot\": \"pausing\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"secret\": \"pausing-secret\"}");
        assertEquals(200, signal.status(), signal.toString());
        final var results = signal.json().path("data").path("results");
        assertEquals("paper-2", results.path(0).path("account_id").asText(), signal.toString());
        assertEquals("GROUP_PAUSED", results.path(0).path("reject_code").asText(), signal.toString());
        assertEquals("paper-1", results.path(1).path("account_id").asText(), signal.toString());
        assertEquals("filled", results.path(1).path("status").asText(), signal.toString());

        assertEquals(200, gateway.post("/api/v1/bots/pausing/status?status=PAUSED", null).status());
        final TestGateway.Reply botPaused = webhook("/webhook/tradingview",
            "{\"bot\": \"pausing\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.02, \"secret\": \"pausing-secret\"}");
        assertEquals(422, botPaused.status(), botPaused.toString());
        assertEquals("BOT_PAUSED", botPaused.errorCode());
        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/pausing", null, TestGateway.ADMIN).status());
    }

    @Test
    void aZeroTakeProfitOrSizeShouldBeRefusedNamingTheFieldAsTheAlertSpelledIt()
    {
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"zero-tp\", \"account_ids\": [\"paper-1\"], \"secret\": \"zero-secret\"}").status());
        final int ordersBefore = gateway.get("/api/v1/orders?account_id=paper-1&limit=1000").json().path("orders").size();
        final TestGateway.Reply json = webhook("/webhook/tradingview",
            "{\"bot\": \"zero-tp\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"tp\": 0, \"secret\": \"zero-secret\"}");
        assertRefused(json, "tp");
        assertEquals("tp is 0: a take-profit price must be above 0 (leave tp out for none)", json.json().path("error").path("message").asText());
        final TestGateway.Reply line = webhook("/webhook/tradingview", "zero-tp,sell,EURUSD,qty=0.01,tp=0,secret=zero-secret");
        assertRefused(line, "tp");
        assertTrue(line.body().contains("tp is 0: a take-profit distance in pips must be above 0"), line.toString());
        final TestGateway.Reply size = webhook("/webhook/tradingview",
            "{\"bot\": \"zero-tp\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"size\": 0, \"secret\": \"zero-secret\"}");
        assertRefused(size, "size");
        assertTrue(size.body().contains("size must be greater than 0"), size.toString());
        assertRefused(webhook("/webhook/tradingview",
            "{\"bot\": \"zero-tp\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"risk_percentage\": 0, \"secret\": \"zero-secret\"}"),
            "risk_percentage");
        assertEquals(ordersBefore, gateway.get("/api/v1/orders?account_id=paper-1&limit=1000").json().path("orders").size(), "no order was made");
        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/zero-tp", null, TestGateway.ADMIN).status());
    }

    @Test
    void aRiskSizedAlertShouldNeverRiskMoreThanItsPercentOfEquity()
    {
        assertEquals(201, gateway.createAccount("risk-1", "1006.40").status());
        assertEquals(202, gateway.quote("BTCUSD", "50000.00", "50010.00").status());
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"risky\", \"account_ids\": [\"risk-1\"], \"secret\": \"risky-secret\"}").status());
        // 1.5% of 1006.40 is 15.096; rounded half-even to 15.10 it sized 15.10 / 100.00 a BTC = 0.151 BTC, losing 15.10 at the stop
        final TestGateway.Reply sized = webhook("/webhook/tradingview",
            "{\"bot\": \"risky\", \"action\": \"buy\", \"ticker\": \"BTCUSD\", \"risk\": 1.5, \"sl\": 49910, \"secret\": \"risky-secret\"}");
        assertEquals(200, sized.status(), sized.toString());
        assertEquals("0.15", sized.json().path("data").path("results").path(0).path("quantity").decimalValue().stripTrailingZeros().toPlainString(),
            sized.toString());
        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/risky", null, TestGateway.ADMIN).status());
    }

    @Test
    void aJsonArrayIsRefusedAsNotAnAlertNotReadAsALineWithAWrongAction()
    {
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"listed\", \"account_ids\": [\"paper-1\"], \"secret\": \"listed-secret\"}").status());
        final TestGateway.Reply array = webhook("/webhook/tradingview",
            "[{\"bot\": \"listed\", \"action\": \"buy\", \"ticker\": \"EURUSD\", \"quantity\": 0.01, \"secret\": \"listed-secret\"}]");
        assertEquals(400, array.status(), array.toString());
        assertEquals("INVALID_JSON", array.errorCode(), array.toString());
        assertTrue(array.body().contains("one JSON object"), array.toString());
        assertEquals(200, gateway.send("DELETE", "/api/v1/bots/listed", null, TestGateway.ADMIN).status());
    }

    private static void assertRefused(final TestGateway.Reply reply, final String field)
    {
        assertEquals(400, reply.status(), reply.toString());
        assertEquals("VALIDATION_ERROR", reply.errorCode(), reply.toString());
        assertEquals(field, reply.errorField(), reply.toString());
    }

    private static TestGateway.Reply webhook(final String path, final String body)
    {
        return webhook(path, body, null);
    }

    private static TestGateway.Reply webhook(final String path, final String body, final String signature)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null)
        {
            request.header("X-TradingView-Signature", signature);
        }
        return gateway.send(request.build());
    }
}
