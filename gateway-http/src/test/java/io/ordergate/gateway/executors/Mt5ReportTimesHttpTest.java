package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gateway: the position and deal history of an MT5 account shows the terminal's own times, the {@code openTime}
 * and {@code closeTime} its trade reports carry (seed 000's ISO-8601 strings, the Python executor's with milliseconds),
 * not the time the reports reached the gateway; a time that cannot be read without guessing is ignored, the report
 * booked as before at its arrival time. The journal replays to the same state.
 */
class Mt5ReportTimesHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldShowTheTerminalsOpenAndCloseTimesInThePositionAndTradeHistory()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, trade(gateway, executor, "\"ticket\":\"5001\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":0.30,"
                + "\"openTime\":\"2024-01-15T10:30:00.250Z\",\"openPrice\":1.09500").status());
            final Map<?, ?> open = (Map<?, ?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions", 0);
            assertEquals("2024-01-15T10:30:00.250Z", open.get("opened_at"), open::toString);

            final GatewayHarness.Response part = trade(gateway, executor, "\"ticket\":\"5001\",\"closedLots\":0.10,\"deal\":\"7001\",\"lots\":0.20,"
                + "\"closePrice\":1.09600,\"profit\":10.00,\"closeTime\":\"2024-01-15T12:30:00+02:00\"");
            assertEquals(200, part.status(), part.body());
            assertEquals(200, trade(gateway, executor, "\"ticket\":\"5001\",\"closeTime\":\"2024-01-15T11:30:00Z\",\"closePrice\":1.09800,"
                + "\"profit\":60.00").status());

            final List<?> closed = (List<?>)gateway.admin("GET", "/api/v1/positions/closed?account_id=mt5-1", null).at("positions");
            assertEquals(2, closed.size(), closed::toString);
            final Map<?, ?> whole = (Map<?, ?>)closed.get(0);
            final Map<?, ?> partial = (Map<?, ?>)closed.get(1);
            assertEquals("2024-01-15T11:30:00.000Z", whole.get("closed_at"), whole::toString);
            assertEquals("2024-01-15T10:30:00.250Z", whole.get("opened_at"), whole::toString);
            assertEquals("2024-01-15T10:30:00.000Z", partial.get("closed_at"), "12:30 at +02:00: " + partial);
            assertEquals("2024-01-15T10:30:00.250Z", partial.get("opened_at"), partial::toString);

            final List<?> trades = (List<?>)gateway.admin("GET", "/api/v1/trades?account_id=mt5-1", null).at("trades");
            assertEquals(List.of("2024-01-15T11:30:00.000Z", "2024-01-15T10:30:00.000Z", "2024-01-15T10:30:00.250Z"),
                trades.stream().map(t -> ((Map<?, ?>)t).get("time")).toList(), trades::toString);
            gateway.closeAndCheckSnapshot();
        }
    }

    @Test
    void shouldKeepTheArrivalTimeOfAReportWhoseTimeCannotBeReadWithoutGuessing()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "offline_after_seconds: 300"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            // epoch seconds or milliseconds (which?), a time without its offset (the broker's zone?), no time at all
            long ticket = 5001;
            for (String openTime : List.of("1705314600", "\"1705314600000\"", "\"2024-01-15T10:30:00\"", "\"2024-13-15T10:30:00Z\"", "\"yesterday\"",
                "{\"t\":1}"))
            {
                final GatewayHarness.Response opened = trade(gateway, executor, "\"ticket\":\"" + ticket++
                    + "\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":0.10,\"openPrice\":1.09500,\"openTime\":" + openTime);
                assertEquals(200, opened.status(), openTime + ": " + opened.body());
            }
            final Instant after = Instant.now();
            final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions");
            assertEquals(6, positions.size(), positions::toString);
            for (Object position : positions)
            {
                final Instant openedAt = Instant.parse((String)((Map<?, ?>)position).get("opened_at"));
                assertFalse(openedAt.isBefore(before), position::toString);
                assertTrue(!openedAt.isAfter(after), position::toString);
            }
            gateway.closeAndCheckSnapshot();
        }
    }

    private static GatewayHarness.Response trade(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String fields)
    {
        return gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\"," + fields + "}", executor.key(), executor.secret());
    }
}
