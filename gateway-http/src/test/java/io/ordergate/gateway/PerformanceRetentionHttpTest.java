package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * {@code server.performance_fills_kept_per_account} through the real gateway: an account that made 1,300 fills with
 * 1,024 kept holds fewer rows than fills ({@code ordergate_performance_fill_rows}), its performance from the whole
 * record is still exact (650 round trips each losing the 0.08 spread), also after a restart (the journal replayed and
 * folded again), and a range bounded by a time inside today, whose first fills are folded, is refused with 400 naming
 * the field, while one bounded by today's date is answered.
 */
class PerformanceRetentionHttpTest
{
    private static final Pattern FILL_ROWS = Pattern.compile("(?m)^ordergate_performance_fill_rows (\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void anAccountPastItsRetentionKeepsFewerRowsAndExactFigures()
    {
        final TestGateway gateway = TestGateway.startEdited(dataDir, c -> c
            .replace("idle_timeout_seconds: 30 }", "idle_timeout_seconds: 30, performance_fills_kept_per_account: 1024 }")
            .replace("max_trades: 4096", "max_trades: 64"));
        try
        {
            final String today = LocalDate.now(ZoneOffset.UTC).toString();
            assertEquals(201, gateway.createAccount("ret-a", "10000").status());
            gateway.quote("EURUSD", "1.08420", "1.08428");
            for (int i = 0; i < 650; i++)
            {
                assertEquals(201, gateway.market("ret-a", "EURUSD", "buy", "0.01").status());
                assertEquals(201, gateway.market("ret-a", "EURUSD", "sell", "0.01").status());
            }
            assertTrue(fillRows(gateway) < 1_300, "rows kept: " + fillRows(gateway));
            exact(gateway, "/api/v1/accounts/ret-a/performance");
            exact(gateway, "/api/v1/accounts/ret-a/performance?start_date=" + today + "&end_date=" + today);

            final Reply inside = gateway.get("/api/v1/accounts/ret-a/performance?start_date=" + today + "T00:00:01Z");
            assertEquals(400, inside.status(), inside::toString);
            assertEquals("VALIDATION_ERROR", inside.errorCode());
            assertEquals("start_date", inside.errorField());

            gateway.restart();
            assertTrue(fillRows(gateway) < 1_300, "rows kept after the replay: " + fillRows(gateway));
            exact(gateway, "/api/v1/accounts/ret-a/performance");
        }
        finally
        {
            gateway.close();
        }
    }

    private static void exact(final TestGateway gateway, final String path)
    {
        final Reply reply = gateway.get(path);
        assertEquals(200, reply.status(), reply::toString);
        final JsonNode metrics = reply.json().path("metrics");
        assertEquals(1_300, metrics.path("fills").asInt(), path);
        assertEquals(650, metrics.path("trades").asInt(), path);
        assertEquals(650, metrics.path("losses").asInt(), path);
        assertEquals(0, new BigDecimal("-52.00").compareTo(metrics.path("realized_pnl").decimalValue()), metrics::toString);
        assertEquals(0, new BigDecimal("52.00").compareTo(metrics.path("gross_loss").decimalValue()), metrics::toString);
        assertEquals(0, BigDecimal.ZERO.compareTo(metrics.path("win_rate").decimalValue()), metrics::toString);
    }

    private static long fillRows(final TestGateway gateway)
    {
        final Reply metrics = gateway.get("/metrics");
        final Matcher rows = FILL_ROWS.matcher(metrics.body());
        assertTrue(rows.find(), "no ordergate_performance_fill_rows in /metrics");
        return Long.parseLong(rows.group(1));
    }
}
