package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * An account deleted and made again under the same id is a new account (a new engine slot): its performance starts
 * a new record. The record used to be kept by id, so the new account showed the old one's fills, round trips and
 * drawdown, and its opening balance counted as a deposit of what the old one had lost:
 *
 * <pre>
 *   again-a (10000): buy 0.50 EURUSD @1.10520, sell @1.10100 (-210.00); deleted; made again (10000)
 *   again-a (10000): nothing yet  -> realized 0, no fill, deposits 10000 (not 210 more), no drawdown
 *                    buy 1.00 @1.10110, sell @1.10610 (+500.00) -> realized 500, 1 round trip won, return 5%
 * </pre>
 * The same after a restart (the journal replays the deletion at the same point), and a group of the new account sees
 * only its fills; the old rows leave {@code ordergate_performance_fill_rows}.
 */
class AccountRecreatedPerformanceHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void anAccountMadeAgainUnderItsIdStartsANewRecord()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("again-a", "10000").status());
            gateway.quote("EURUSD", "1.10510", "1.10520");
            PerformanceHttpTest.filled(gateway.market("again-a", "EURUSD", "buy", "0.50"));
            gateway.quote("EURUSD", "1.10100", "1.10110");
            PerformanceHttpTest.filled(gateway.market("again-a", "EURUSD", "sell", "0.50"));
            PerformanceHttpTest.same("-210", metrics(gateway), "realized_pnl");

            final Reply deleted = gateway.send("DELETE", "/api/v1/accounts/again-a", null, TestGateway.ADMIN);
            assertEquals(200, deleted.status(), deleted::toString);
            assertEquals(0, fillRows(gateway), "the deleted account's rows leave the count with it");
            assertEquals(201, gateway.createAccount("again-a", "10000").status());
            final JsonNode fresh = metrics(gateway);
            PerformanceHttpTest.same("0", fresh, "realized_pnl");
            assertEquals(0, fresh.path("fills").asInt(-1), fresh::toString);
            assertEquals(0, fresh.path("trades").asInt(-1), fresh::toString);
            PerformanceHttpTest.same("10000", fresh, "deposits");
            PerformanceHttpTest.same("10000", fresh, "starting_equity");
            PerformanceHttpTest.same("0", fresh, "max_drawdown_pct");

            PerformanceHttpTest.filled(gateway.market("again-a", "EURUSD", "buy", "1.00"));
            gateway.quote("EURUSD", "1.10610", "1.10620");
            PerformanceHttpTest.filled(gateway.market("again-a", "EURUSD", "sell", "1.00"));
            newAccountsOwnFigures(metrics(gateway));
            final Reply group = gateway.post("/api/v1/groups/", "{\"name\": \"again-group\", \"accounts\": [\"again-a\"]}");
            assertEquals(201, group.status(), group::toString);
            final String groupId = group.json().path("data").path("group").path("id").asText();
            final Reply groupPerformance = gateway.get("/api/v1/groups/" + groupId + "/performance");
            assertEquals(200, groupPerformance.status(), groupPerformance::toString);
            newAccountsOwnFigures(groupPerformance.json().path("data").path("performance"));

            gateway.restart();
            newAccountsOwnFigures(metrics(gateway));
        }
    }

    private static void newAccountsOwnFigures(final JsonNode figures)
    {
        PerformanceHttpTest.same("500", figures, "realized_pnl");
        assertEquals(2, figures.path("fills").asInt(-1), figures::toString);
        assertEquals(1, figures.path("trades").asInt(-1), figures::toString);
        PerformanceHttpTest.same("1", figures, "win_rate");
        PerformanceHttpTest.same("10000", figures, "deposits");
        PerformanceHttpTest.same("10000", figures, "starting_equity");
        PerformanceHttpTest.same("5", figures, "return_pct");
        PerformanceHttpTest.same("0", figures, "max_drawdown_pct");
    }

    private static long fillRows(final TestGateway gateway)
    {
        final Matcher rows = Pattern.compile("(?m)^ordergate_performance_fill_rows (\\d+)").matcher(gateway.get("/metrics").body());
        assertTrue(rows.find(), "no ordergate_performance_fill_rows in /metrics");
        return Long.parseLong(rows.group(1));
    }

    private static JsonNode metrics(final TestGateway gateway)
    {
        final Reply reply = gateway.get("/api/v1/accounts/again-a/performance");
        assertEquals(200, reply.status(), reply::toString);
        return reply.json().path("metrics");
    }
}
