package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * Seed 003's performance routes against a ledger of fills computed by hand (paper fills at the quotes set here):
 *
 * <pre>
 *   perf-a (10000 USD): buy 1.00 EURUSD @1.10010, sell 1.00 @1.10510 (+500.00); buy 0.50 @1.10520, sell 0.50 @1.10100
 *                       (-210.00); buy 1.00 @1.10110, open (-10.00 at the bid 1.10100)
 *   perf-b (10000 USD): buy 0.20 @1.10520, sell 0.20 @1.10100 (-84.00)
 * </pre>
 * perf-a: realized 290, 2 round trips (1 won), profit factor 500/210, return (290-10)/10000, drawdown from the 10500
 * peak to 10280. The group of both: realized 206, 3 trips, profit factor 500/294, return 196/20000, drawdown 20500 to
 * 20196. The bot connected to perf-b: its one losing trip.
 */
class PerformanceHttpTest
{
    @TempDir
    static Path dataDir;
    static TestGateway gateway;
    static String groupId;
    static String botId;

    @BeforeAll
    static void trade()
    {
        gateway = TestGateway.start(dataDir);
        assertEquals(201, gateway.createAccount("perf-a", "10000").status());
        assertEquals(201, gateway.createAccount("perf-b", "10000").status());
        gateway.quote("EURUSD", "1.10000", "1.10010");
        filled(gateway.market("perf-a", "EURUSD", "buy", "1.00"));
        gateway.quote("EURUSD", "1.10510", "1.10520");
        filled(gateway.market("perf-a", "EURUSD", "sell", "1.00"));
        filled(gateway.market("perf-a", "EURUSD", "buy", "0.50"));
        filled(gateway.market("perf-b", "EURUSD", "buy", "0.20"));
        gateway.quote("EURUSD", "1.10100", "1.10110");
        filled(gateway.market("perf-a", "EURUSD", "sell", "0.50"));
        filled(gateway.market("perf-b", "EURUSD", "sell", "0.20"));
        filled(gateway.market("perf-a", "EURUSD", "buy", "1.00"));
        final Reply group = gateway.post("/api/v1/groups/", "{\"name\": \"perf-group\", \"accounts\": [\"perf-a\", \"perf-b\"],"
            + " \"target_monthly_roi\": 5.0}");
        assertEquals(201, group.status(), group::toString);
        groupId = group.json().path("data").path("group").path("id").asText();
        final Reply bot = gateway.post("/api/v1/bots/create?name=perf-bot&base_name=EUR&timeframe=1h", null);
        assertEquals(201, bot.status(), bot::toString);
        botId = bot.text("bot_id");
        assertEquals(200, gateway.post("/api/v1/bots/" + botId + "/connect-account?account_id=perf-b", null).status());
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    /** An order answered 201 and filled (shared by the performance tests of this package). */
    static void filled(final Reply order)
    {
        assertEquals(201, order.status(), order::toString);
        assertEquals("filled", order.text("status"), order::toString);
    }

    /** {@code field} of {@code node} is a number equal to {@code expected} (scale aside). */
    static void same(final String expected, final JsonNode node, final String field)
    {
        assertTrue(node.path(field).isNumber(), field + " in " + node);
        assertEquals(0, new BigDecimal(expected).compareTo(node.path(field).decimalValue()), field + " in " + node);
    }

    @Test
    void anAccountsFiguresAreTheHandComputedLedgers()
    {
        final String today = LocalDate.now(ZoneOffset.UTC).toString();
        final Reply reply = gateway.get("/api/v1/accounts/perf-a/performance?start_date=" + today + "&end_date=" + today);
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("perf-a", reply.text("account_id"));
        assertEquals(today, reply.json().path("time_range").path("start_date").asText());
        final JsonNode metrics = reply.json().path("metrics");
        same("290", metrics, "realized_pnl");
        same("-10", metrics, "unrealized_pnl");
        same("280", metrics, "total_pnl");
        same("0", metrics, "fees");
        same("10000", metrics, "starting_equity");
        same("2.8", metrics, "return_pct");
        same("2.0952381", metrics, "max_drawdown_pct");
        same("0.5", metrics, "win_rate");
        same("2.38095238", metrics, "profit_factor");
        assertEquals(2, metrics.path("trades").asInt());
        assertEquals(5, metrics.path("fills").asInt());
        final JsonNode day = metrics.path("daily").path(today);
        same("290", day, "realized_pnl");
        assertEquals(2, day.path("trades").asInt());
        same("290", metrics.path("monthly").path(today.substring(0, 7)), "realized_pnl");
        assertEquals(1, metrics.path("weekly").size());

        final String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        final JsonNode before = gateway.get("/api/v1/accounts/perf-a/performance?end_date=" + yesterday).json().path("metrics");
        same("0", before, "realized_pnl");
        assertEquals(0, before.path("trades").asInt());
        assertTrue(before.path("win_rate").isNull(), before::toString);

        assertEquals(400, gateway.get("/api/v1/accounts/perf-a/performance?start_date=yesterday").status());
        assertEquals(400, gateway.get("/api/v1/accounts/perf-a/performance?start_date=" + today + "&end_date=" + yesterday).status());
        assertEquals(404, gateway.get("/api/v1/accounts/nobody/performance").status());
        // an empty range (an ISO end is excluded): its message said "must not be before", which equal times are not
        final Reply empty = gateway.get("/api/v1/accounts/perf-a/performance?start_date=" + today + "&end_date=" + today + "T00:00:00Z");
        assertEquals(400, empty.status(), empty::toString);
        assertEquals("end_date", empty.errorField());
        assertEquals("end_date must be after start_date (an ISO-8601 time as end_date is excluded)",
            empty.json().path("error").path("message").asText(), empty::toString);
    }

    @Test
    void aDateBeyondTheYear9999IsRefusedOnItsFieldNotFailedInside()
    {
        // The ledger counts in microseconds since 1970: a year past ~294,000 either way overflowed it (500 before).
        for (final String query : new String[] {"start_date=%2B300000-01-01T00:00:00Z", "end_date=-300000-01-01T00:00:00Z",
            "start_date=%2B10000-01-02T00:00:00Z"})
        {
            final Reply reply = gateway.get("/api/v1/accounts/perf-a/performance?" + query);
            assertEquals(400, reply.status(), query + ": " + reply);
            assertEquals(query.substring(0, query.indexOf('=')), reply.json().path("error").path("field").asText(), reply::toString);
        }
        assertEquals(200, gateway.get("/api/v1/accounts/perf-a/performance?start_date=0001-01-01&end_date=9999-12-31").status());
    }

    @Test
    void aGroupSumsItsMembersInSeed003sEnvelopes()
    {
        final Reply reply = gateway.get("/api/v1/groups/" + groupId + "/performance");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Performance data retrieved", reply.text("message"));
        final JsonNode performance = reply.json().path("data").path("performance");
        same("206", performance, "realized_pnl");
        same("20000", performance, "starting_equity");
        same("0.98", performance, "return_pct");
        same("1.48292683", performance, "max_drawdown_pct");
        same("0.33333333", performance, "win_rate");
        same("1.70068027", performance, "profit_factor");
        assertEquals(3, performance.path("trades").asInt());
        same("5", performance, "target_monthly_roi");
        same("1.03", performance, "actual_monthly_roi");
        assertEquals(false, performance.path("target_met").asBoolean(true));

        final Reply history = gateway.get("/api/v1/groups/" + groupId + "/history?interval=DAY");
        assertEquals(200, history.status(), history::toString);
        final JsonNode data = history.json().path("data");
        assertEquals("day", data.path("interval").asText());
        assertEquals(1, data.path("history").size());
        same("206", data.path("history").get(0), "realized_pnl");
        assertEquals(7, data.path("history").get(0).path("fills").asInt());
        assertEquals(400, gateway.get("/api/v1/groups/" + groupId + "/history?interval=year").status());

        final Reply metrics = gateway.get("/api/v1/groups/" + groupId + "/metrics");
        assertEquals(200, metrics.status(), metrics::toString);
        same("1.48292683", metrics.json().path("data").path("risk_metrics"), "max_drawdown_pct");
        assertEquals(2, metrics.json().path("data").path("balance_status").path("accounts").asInt());
        same("20196", metrics.json().path("data").path("balance_status"), "equity");
    }

    @Test
    void aBotsFiguresAreItsAccountsFills()
    {
        final Reply reply = gateway.get("/api/v1/bots/" + botId + "/performance");
        assertEquals(200, reply.status(), reply::toString);
        same("-84", reply.json(), "realized_pnl");
        assertEquals(1, reply.json().path("trades").asInt());
        same("0", reply.json(), "win_rate");
        same("0", reply.json(), "profit_factor");
        same("-84", reply.json().path("accounts").path("perf-b"), "realized_pnl");
        assertTrue(reply.json().path("daily").isObject() && reply.json().path("monthly").isObject(), reply::toString);
        assertEquals(404, gateway.get("/api/v1/bots/nobot/performance").status());
    }
}
