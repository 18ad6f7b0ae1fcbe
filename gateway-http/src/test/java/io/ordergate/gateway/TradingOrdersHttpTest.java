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

/**
 * Issue 13's order semantics over HTTP: enumerations in any case, percentage and trailing stops walked by quotes moved
 * by hand, a client order id reused with other terms (409 naming the first order), and hedging accounts whose closes
 * name the position.
 */
class TradingOrdersHttpTest
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

    private static String account(final String name, final String mode)
    {
        final Reply created = gateway.post("/api/v1/accounts", "{\"account_id\":\"" + name + "\",\"balance\":100000"
            + (mode == null ? "" : ",\"position_mode\":\"" + mode + "\"") + "}");
        assertEquals(201, created.status(), created::toString);
        assertEquals(mode == null || mode.equalsIgnoreCase("netting") ? "netting" : "hedging", created.text("position_mode"));
        return name;
    }

    private static void quote(final String symbol, final String bid, final String ask)
    {
        final Reply reply = gateway.quote(symbol, bid, ask);
        assertEquals(202, reply.status(), reply::toString);
    }

    private static JsonNode positions(final String account)
    {
        final Reply reply = gateway.get("/api/v1/positions?account_id=" + account);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("positions");
    }

    @Test
    void enumerationsAreTakenInAnyLetterCaseAndAnsweredInTheContractsCase()
    {
        final String account = account("enum-case", null);
        quote("EURUSD", "1.08420", "1.08428");
        final Reply market = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"BUY\","
            + "\"type\":\"Market\",\"quantity\":0.10,\"time_in_force\":\"IOC\"}");
        assertEquals(201, market.status(), market::toString);
        assertEquals("buy", market.text("side"));
        assertEquals("market", market.text("type"));
        assertEquals("ioc", market.text("time_in_force"));
        // seed 001's order, as its app sends it: a limit with "GTC"
        final Reply limit = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"BTCUSD\",\"side\":\"buy\",\"type\":\"limit\","
            + "\"quantity\":0.01,\"price\":45000,\"stop_loss\":44000,\"take_profit\":47000,\"time_in_force\":\"GTC\"}");
        assertEquals(201, limit.status(), limit::toString);
        assertEquals("gtc", limit.text("time_in_force"));
        final Reply filtered = gateway.get("/api/v1/orders?account_id=" + account + "&status=ACCEPTED");
        assertEquals(200, filtered.status(), filtered::toString);
        assertEquals(1, filtered.json().path("orders").size());
    }

    @Test
    void percentageStopsAreMeasuredFromTheEntryPrice()
    {
        final String account = account("pct-stops", null);
        quote("BTCUSD", "45000.00", "45010.00");
        final Reply order = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"BTCUSD\",\"side\":\"buy\",\"type\":\"market\","
            + "\"quantity\":0.01,\"stop_loss_pct\":2.0,\"take_profit_pct\":\"4\"}");
        assertEquals(201, order.status(), order::toString);
        assertEquals("44109.8", order.decimal("stop_loss"));
        assertEquals("46810.4", order.decimal("take_profit"));
        final Reply both = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"BTCUSD\",\"side\":\"buy\",\"type\":\"market\","
            + "\"quantity\":0.01,\"stop_loss\":44000,\"stop_loss_pct\":2.0}");
        assertEquals(400, both.status(), both::toString);
        assertEquals("stop_loss_pct", both.errorField());
    }

    @Test
    void aTrailingStopFollowsQuotesMovedByHandAndNeverMovesBack()
    {
        final String account = account("trailing", null);
        quote("EURUSD", "1.08420", "1.08428");
        final Reply order = gateway.order("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\","
            + "\"quantity\":0.10,\"trailing_stop_pips\":20}");
        assertEquals(201, order.status(), order::toString);
        assertEquals("1.08228", order.decimal("stop_loss"));
        quote("EURUSD", "1.08700", "1.08708");
        JsonNode position = positions(account).get(0);
        assertEquals("1.085", position.path("stop_loss").decimalValue().stripTrailingZeros().toPlainString());
        assertEquals("0.002", position.path("trailing_stop").path("distance").decimalValue().toPlainString());
        quote("EURUSD", "1.08550", "1.08558");
        position = positions(account).get(0);
        assertEquals("1.085", position.path("stop_loss").decimalValue().stripTrailingZeros().toPlainString(), "never moves back");
        quote("EURUSD", "1.08500", "1.08508");
        assertEquals(0, positions(account).size(), "the trailed stop closed the position");
        final Reply closes = gateway.get("/api/v1/orders?account_id=" + account);
        assertEquals("stop_loss", closes.json().path("orders").get(0).path("origin").asText());
    }

    @Test
    void aClientOrderIdReusedWithOtherTermsIsAConflictNamingTheFirstOrder()
    {
        final String account = account("conflicts", null);
        quote("EURUSD", "1.08420", "1.08428");
        final String body = "{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\","
            + "\"quantity\":0.10,\"client_order_id\":\"my-42\"}";
        final Reply first = gateway.order(body);
        assertEquals(201, first.status(), first::toString);
        final Reply repeat = gateway.order(body);
        assertEquals(200, repeat.status(), repeat::toString);
        assertEquals(first.text("order_id"), repeat.text("order_id"));
        final String digest = gateway.digest();
        final Reply conflict = gateway.order(body.replace("0.10", "0.20"));
        assertEquals(409, conflict.status(), conflict::toString);
        assertEquals("CONFLICT", conflict.errorCode());
        assertEquals("client_order_id", conflict.errorField());
        assertEquals(first.text("order_id"), conflict.text("order_id"));
        assertEquals(digest, gateway.digest(), "a conflict changes nothing");
    }

    @Test
    void aHedgingAccountKeepsEachFillApartAndClosesTheNamedPosition()
    {
        final String account = account("hedging-http", "HEDGING");
        quote("EURUSD", "1.08420", "1.08428");
        assertEquals(201, gateway.market(account, "EURUSD", "buy", "0.10").status());
        assertEquals(201, gateway.market(account, "EURUSD", "sell", "0.10").status());
        final JsonNode both = positions(account);
        assertEquals(2, both.size(), both::toString);
        final String shortId = both.get(1).path("position_id").asText();
        assertEquals("sell", both.get(1).path("side").asText());
        final Reply closed = gateway.post("/api/v1/positions/" + shortId + "/close", "{}");
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("buy", closed.text("side"));
        final JsonNode left = positions(account);
        assertEquals(1, left.size());
        assertEquals("buy", left.get(0).path("side").asText());
        assertTrue(left.get(0).path("margin_used").decimalValue().signum() > 0);
        final Reply bad = gateway.post("/api/v1/accounts", "{\"account_id\":\"bad-mode\",\"position_mode\":\"sideways\"}");
        assertEquals(400, bad.status(), bad::toString);
        assertEquals("position_mode", bad.errorField());
    }
}
