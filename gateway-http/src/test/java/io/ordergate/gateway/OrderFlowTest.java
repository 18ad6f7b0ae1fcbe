package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/** Orders, stops and positions end to end over HTTP on the paper venue, with quotes set explicitly. */
class OrderFlowTest
{
    @TempDir
    static Path dataDir;
    static TestGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    /** A fresh account per test, so positions never meet. */
    private static String account(final String name)
    {
        final Reply created = gateway.createAccount(name, "100000");
        assertEquals(201, created.status(), created::toString);
        return name;
    }

    private static void quote(final String symbol, final String bid, final String ask)
    {
        final Reply reply = gateway.quote(symbol, bid, ask);
        assertEquals(202, reply.status(), reply::toString);
        assertEquals(1, reply.json().path("accepted").asInt());
    }

    private static JsonNode positions(final String account)
    {
        final Reply reply = gateway.get("/api/v1/positions?account_id=" + account);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("positions");
    }

    private static JsonNode orders(final String account)
    {
        final Reply reply = gateway.get("/api/v1/orders?account_id=" + account);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("orders");
    }

    @Test
    void marketBuyFillsAtTheAskAndSellAtTheBid()
    {
        final String account = account("flow-market");
        quote("EURUSD", "1.08420", "1.08428");

        final Reply buy = gateway.market(account, "EURUSD", "buy", "0.10");
        assertEquals(201, buy.status(), buy::toString);
        assertEquals("filled", buy.text("status"));
        assertEquals("1.08428", buy.decimal("average_price"));
        assertEquals("0.1", buy.decimal("filled_quantity"));
        assertEquals("ioc", buy.text("time_in_force"));

        final Reply sell = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"sell\"," +
            "\"type\":\"market\",\"quantity\":\"0.1\"}");
        assertEquals(201, sell.status(), sell::toString);
        assertEquals("filled", sell.text("status"));
        assertEquals("1.0842", sell.decimal("average_price"));
        assertEquals(0, positions(account).size());

        final Reply trades = gateway.get("/api/v1/trades?account_id=" + account + "&limit=10");
        assertEquals(200, trades.status(), trades::toString);
        assertEquals(2, trades.json().path("trades").size());
        assertEquals(sell.text("order_id"), trades.json().path("trades").get(0).path("order_id").asText(), "newest first");
    }

    @Test
    void limitOrderRestsThenFillsWhenAQuoteCrossesIt()
    {
        final String account = account("flow-limit");
        quote("GBPUSD", "1.26510", "1.26522");
        final Reply limit = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"GBPUSD\",\"side\":\"buy\"," +
            "\"type\":\"limit\",\"price\":1.26400,\"quantity\":0.2}");
        assertEquals(201, limit.status(), limit::toString);
        assertEquals("accepted", limit.text("status"));
        assertEquals("gtc", limit.text("time_in_force"));
        final String orderId = limit.text("order_id");

        final Reply open = gateway.get("/api/v1/orders?account_id=" + account + "&status=open");
        assertEquals(1, open.json().path("orders").size(), open::toString);

        quote("GBPUSD", "1.26390", "1.26398");
        final Reply filled = gateway.get("/api/v1/orders/" + orderId);
        assertEquals(200, filled.status(), filled::toString);
        assertEquals("filled", filled.text("status"));
        assertEquals("1.26398", filled.decimal("average_price"));
        assertEquals("0.2", positions(account).get(0).path("quantity").decimalValue().toPlainString());
    }

    @Test
    void stopOrderTriggersWhenThePriceIsReached()
    {
        final String account = account("flow-stop");
        quote("XAUUSD", "2380.50", "2380.85");
        final Reply stop = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"XAUUSD\",\"side\":\"buy\"," +
            "\"type\":\"stop\",\"price\":\"2390.00\",\"quantity\":0.05}");
        assertEquals(201, stop.status(), stop::toString);
        assertEquals("accepted", stop.text("status"));

        quote("XAUUSD", "2385.00", "2385.30");
        assertEquals("accepted", gateway.get("/api/v1/orders/" + stop.text("order_id")).text("status"));

        quote("XAUUSD", "2390.10", "2390.40");
        final Reply triggered = gateway.get("/api/v1/orders/" + stop.text("order_id"));
        assertEquals("filled", triggered.text("status"));
        assertEquals("2390.4", triggered.decimal("average_price"));
    }

    @Test
    void stopLossAsPriceIsSetOnThePositionAndClosesItWhenHit()
    {
        final String account = account("flow-sl");
        quote("EURUSD", "1.08420", "1.08428");
        final Reply buy = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\"," +
            "\"type\":\"market\",\"quantity\":0.1,\"stop_loss\":1.08300,\"take_profit\":1.08600,\"client_order_id\":\"sl-1\"}");
        assertEquals(201, buy.status(), buy::toString);
        final JsonNode position = positions(account).get(0);
        assertEquals("1.083", position.path("stop_loss").decimalValue().toPlainString());
        assertEquals("1.086", position.path("take_profit").decimalValue().toPlainString());

        quote("EURUSD", "1.08290", "1.08298");
        assertEquals(0, positions(account).size());
        final JsonNode closing = orders(account).get(0);
        assertEquals("stop_loss", closing.path("origin").asText());
        assertEquals("sell", closing.path("side").asText());
        assertEquals("filled", closing.path("status").asText());
        assertEquals("1.0829", closing.path("average_price").decimalValue().toPlainString());
        quote("EURUSD", "1.08420", "1.08428");
    }

    @Test
    void takeProfitInPipsIsMeasuredFromTheFillAndClosesThePosition()
    {
        final String account = account("flow-pips");
        quote("USDJPY", "151.420", "151.436");
        final Reply sell = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"USDJPY\",\"side\":\"sell\"," +
            "\"type\":\"market\",\"quantity\":0.1,\"stop_loss_pips\":20,\"take_profit_pips\":\"30\"}");
        assertEquals(201, sell.status(), sell::toString);
        assertEquals("151.42", sell.decimal("average_price"));
        final JsonNode position = positions(account).get(0);
        assertEquals("sell", position.path("side").asText());
        assertEquals("151.62", position.path("stop_loss").decimalValue().toPlainString(), position::toString);
        assertEquals("151.12", position.path("take_profit").decimalValue().toPlainString(), position::toString);

        quote("USDJPY", "151.100", "151.110");
        assertEquals(0, positions(account).size());
        final JsonNode closing = orders(account).get(0);
        assertEquals("take_profit", closing.path("origin").asText());
        assertEquals("buy", closing.path("side").asText());
        assertEquals("151.11", closing.path("average_price").decimalValue().toPlainString());
    }

    @Test
    void cancelOfARestingOrderAnswersCancelledAndOfAFilledOneConflict()
    {
        final String account = account("flow-cancel");
        quote("EURUSD", "1.08420", "1.08428");
        final Reply limit = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"sell\"," +
            "\"type\":\"limit\",\"price\":1.09,\"quantity\":0.1}");
        assertEquals("accepted", limit.text("status"), limit::toString);
        final Reply cancelled = gateway.send("DELETE", "/api/v1/orders/" + limit.text("order_id"), null, TestGateway.ADMIN);
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("cancelled", cancelled.text("status"));

        final Reply again = gateway.send("DELETE", "/api/v1/orders/" + limit.text("order_id"), null, TestGateway.ADMIN);
        assertEquals(409, again.status(), again::toString);
        assertEquals("CONFLICT", again.errorCode());

        final Reply market = gateway.market(account, "EURUSD", "buy", "0.1");
        final Reply filled = gateway.send("DELETE", "/api/v1/orders/" + market.text("order_id"), null, TestGateway.ADMIN);
        assertEquals(409, filled.status(), filled::toString);
        assertEquals("CONFLICT", filled.errorCode());
    }

    @Test
    void positionClosesPartlyThenFully()
    {
        final String account = account("flow-close");
        quote("EURUSD", "1.08420", "1.08428");
        gateway.market(account, "EURUSD", "buy", "0.3");
        final String positionId = positions(account).get(0).path("position_id").asText();

        final Reply partial = gateway.post("/api/v1/positions/" + positionId + "/close", "{\"quantity\":0.1}");
        assertEquals(200, partial.status(), partial::toString);
        assertEquals("filled", partial.text("status"));
        assertEquals("sell", partial.text("side"));
        assertEquals("0.1", partial.decimal("quantity"));
        assertEquals("close", partial.text("origin"));
        assertEquals("0.2", positions(account).get(0).path("quantity").decimalValue().toPlainString());

        final Reply tooMuch = gateway.post("/api/v1/positions/" + positionId + "/close", "{\"quantity\":0.5}");
        assertEquals(400, tooMuch.status(), tooMuch::toString);
        assertEquals("quantity", tooMuch.errorField());

        final Reply full = gateway.post("/api/v1/positions/" + positionId + "/close", null);
        assertEquals(200, full.status(), full::toString);
        assertEquals("0.2", full.decimal("quantity"));
        assertEquals(0, positions(account).size());

        final Reply gone = gateway.post("/api/v1/positions/" + positionId + "/close", null);
        assertEquals(404, gone.status(), gone::toString);
    }

    @Test
    void patchSetsAndRemovesStopsOfAPosition()
    {
        final String account = account("flow-patch");
        quote("EURUSD", "1.08420", "1.08428");
        gateway.market(account, "EURUSD", "buy", "0.1");
        final String positionId = positions(account).get(0).path("position_id").asText();

        final Reply set = gateway.send("PATCH", "/api/v1/positions/" + positionId,
            "{\"stop_loss\":1.08000,\"take_profit\":\"1.09000\"}", TestGateway.ADMIN);
        assertEquals(200, set.status(), set::toString);
        assertEquals("1.08", set.decimal("stop_loss"));
        assertEquals("1.09", set.decimal("take_profit"));

        final Reply removed = gateway.send("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":null}", TestGateway.ADMIN);
        assertEquals(200, removed.status(), removed::toString);
        assertEquals("null", removed.decimal("stop_loss"));
        assertEquals("1.09", removed.decimal("take_profit"), "absent leaves it as it was");

        final Reply wrongSide = gateway.send("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":1.09500}", TestGateway.ADMIN);
        assertEquals(400, wrongSide.status(), wrongSide::toString);
        assertEquals("stop_loss", wrongSide.errorField());
    }

    @Test
    void patchOfAStopFurtherThanTheInstrumentCanValueIsRefusedAsAnOrdersIs()
    {
        final String account = account("flow-patch-far");
        quote("EURUSD", "1.08420", "1.08428");
        gateway.market(account, "EURUSD", "sell", "0.1");
        final String positionId = positions(account).get(0).path("position_id").asText();
        final String digest = gateway.digest();

        // EURUSD can value stops up to 9,223,372.03685 (API-REFERENCE.md), as a new order's
        final Reply far = gateway.send("PATCH", "/api/v1/positions/" + positionId, "{\"stop_loss\":92233720368}", TestGateway.ADMIN);
        assertEquals(400, far.status(), far::toString);
        assertEquals("VALIDATION_ERROR", far.errorCode());
        assertEquals("stop_loss", far.errorField());
        assertEquals("the stop is further from the price than the instrument can value", far.json().path("error").path("message").asText());
        assertEquals(digest, gateway.digest(), "a refusal changes nothing");
        assertTrue(positions(account).get(0).path("stop_loss").isNull(), positions(account)::toString);
    }

    @Test
    void patchOfOnlyTheTargetKeepsTheStopLossOfEveryLeg()
    {
        final String account = account("flow-legs");
        quote("EURUSD", "1.08420", "1.08428");
        for (final String stopLoss : new String[] {"1.08000", "1.07000"})
        {
            final Reply buy = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.1,\"stop_loss\":" + stopLoss + "}");
            assertEquals(201, buy.status(), buy::toString);
        }
        final String positionId = positions(account).get(0).path("position_id").asText();

        final Reply patched = gateway.send("PATCH", "/api/v1/positions/" + positionId, "{\"take_profit\":1.09}", TestGateway.ADMIN);
        assertEquals(200, patched.status(), patched::toString);
        final JsonNode stops = patched.json().path("stops");
        assertEquals(2, stops.size(), patched::toString);
        assertEquals("1.08", stops.get(0).path("stop_loss").decimalValue().stripTrailingZeros().toPlainString(), patched::toString);
        assertEquals("1.07", stops.get(1).path("stop_loss").decimalValue().stripTrailingZeros().toPlainString(), patched::toString);
        for (final JsonNode leg : stops)
        {
            assertEquals("1.09", leg.path("take_profit").decimalValue().stripTrailingZeros().toPlainString(), patched::toString);
        }
    }

    @Test
    void aRepeatedClientOrderIdAnswersTheFirstOrderAndChangesNothing()
    {
        final String account = account("flow-idem");
        quote("EURUSD", "1.08420", "1.08428");
        final String body = "{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\"," +
            "\"quantity\":0.1,\"client_order_id\":\"my-42\"}";
        final Reply first = gateway.order(body);
        assertEquals(201, first.status(), first::toString);
        final String digest = gateway.digest();

        final Reply second = gateway.order(body);
        assertEquals(200, second.status(), second::toString);
        assertEquals(first.text("order_id"), second.text("order_id"));
        assertEquals("my-42", second.text("client_order_id"));
        assertEquals(digest, gateway.digest(), "nothing new happened");
        assertEquals(1, positions(account).size());
        assertEquals("0.1", positions(account).get(0).path("quantity").decimalValue().toPlainString());
        assertTrue(orders(account).size() == 1);
    }
}
