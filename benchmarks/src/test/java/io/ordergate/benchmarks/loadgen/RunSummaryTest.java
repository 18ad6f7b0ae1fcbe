package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

class RunSummaryTest
{
    /** 1,000 planned requests at 1,000/s: 950 answered 201 at 100 µs, 45 answered 422 at 2 ms, 3 answered 500 at 50 µs, 2 lost. */
    static PhaseStats sampleStats()
    {
        final PhaseStats stats = new PhaseStats(new Schedule(0, 1_000, 1), Pacing.THREAD);
        for (int i = 0; i < 1_000; i++)
        {
            final long planned = stats.schedule.plannedNanos(i);
            stats.sent(planned, planned + 1_000);
            if (i < 950)
            {
                stats.response(201, planned, planned + 1_000, planned + 100_000);
            }
            else if (i < 995)
            {
                stats.response(422, planned, planned + 1_000, planned + 2_000_000);
            }
            else if (i < 998)
            {
                stats.response(500, planned, planned + 1_000, planned + 50_000);
            }
        }
        for (int i = 0; i < 1_000; i += 50)
        {
            // the pacer hands 50 at a time, 0.5 µs after the last of them was due: the first waited 49 ms more
            stats.handed(i, i + 50, stats.schedule.plannedNanos(i + 49) + 500);
        }
        stats.freeze();  // the 2 never answered become errors
        return stats;
    }

    @Test
    void shouldWriteEveryRequiredFieldWithTheMeasuredValues() throws IOException
    {
        final RunSummary summary = new RunSummary("gateway", "http://127.0.0.1:8080", "POST /api/v1/orders", 1_000, 1, 8, 1, sampleStats());

        final Map<String, String> json = flatten(summary.toJson());

        assertEquals("1000", json.get("rate_per_s"));
        assertEquals("950", json.get("ok"));
        assertEquals("45", json.get("rejected"));
        assertEquals("5", json.get("errors"));
        assertEquals("8", json.get("connections"));
        assertEquals("1", json.get("duration_s"));
        assertEquals(995.0, Double.parseDouble(json.get("throughput_per_s")), 0.001);
        assertEquals(100.0, Double.parseDouble(json.get("p50_us")), 0.1);
        assertEquals(100.0, Double.parseDouble(json.get("p90_us")), 0.1);
        assertEquals(2_000.0, Double.parseDouble(json.get("p99_us")), 2.0);
        assertEquals(2_000.0, Double.parseDouble(json.get("p999_us")), 2.0);
        assertEquals(2_000.0, Double.parseDouble(json.get("max_us")), 2.0);
        // written 1 µs after the plan: the round trip leaves that wait out
        assertEquals(99.0, Double.parseDouble(json.get("round_trip_p50_us")), 0.1);
        assertEquals(1_999.0, Double.parseDouble(json.get("round_trip_p99_us")), 2.0);
        assertEquals(1_999.0, Double.parseDouble(json.get("round_trip_max_us")), 2.0);
        assertEquals(1.0, Double.parseDouble(json.get("send_lag_p99_us")), 0.01);
        // each request of a batch from the time it was due: 0.5 µs for the last, 49 ms more for the first
        assertEquals("thread", json.get("pacer"));
        assertEquals(24_000.5, Double.parseDouble(json.get("pacer_late_p50_us")), 25.0);
        assertEquals(49_000.5, Double.parseDouble(json.get("pacer_late_max_us")), 50.0);
        assertEquals(49_000.5, Double.parseDouble(json.get("pacer_late_p99_us")), 50.0);  // the first of each batch: 20 of 1,000
        assertEquals("950", json.get("statuses.201"));
        assertEquals("3", json.get("statuses.500"));
    }

    @Test
    void shouldWriteBothRunsAndTheirRatiosAsGatewayOverBaseline() throws IOException
    {
        final RunSummary gateway = new RunSummary("gateway", "g", "POST", 1_000, 1, 8, 1, sampleStats());
        final PhaseStats fast = new PhaseStats(new Schedule(0, 1_000, 1), Pacing.THREAD);
        for (int i = 0; i < 1_000; i++)
        {
            fast.response(200, fast.schedule.plannedNanos(i), fast.schedule.plannedNanos(i), fast.schedule.plannedNanos(i) + 50_000);
        }
        final RunSummary baseline = new RunSummary("baseline", "b", "GET /", 1_000, 1, 8, 1, fast);

        final Map<String, String> json = flatten(RunSummary.comparisonJson(gateway, baseline));

        assertEquals("950", json.get("gateway.ok"));
        assertEquals("1000", json.get("baseline.ok"));
        assertEquals(2.0, Double.parseDouble(json.get("ratios.p50")), 0.01);
        assertEquals(40.0, Double.parseDouble(json.get("ratios.p99")), 0.1);
        assertEquals(0.995, Double.parseDouble(json.get("ratios.throughput")), 0.001);
        assertTrue(json.containsKey("ratios.p90") && json.containsKey("ratios.p999") && json.containsKey("ratios.max"));
    }

    @Test
    void shouldTimeEachFrameFromItsPlanAndFromItsWrite() throws IOException
    {
        final PhaseStats stats = new PhaseStats(new Schedule(0, 1_000, 1), Pacing.THREAD);
        for (int i = 0; i < 1_000; i++)
        {
            final long planned = stats.schedule.plannedNanos(i);
            // written 3 ms late (queued in the generator), answered 100 µs after the write, the frame 200 µs after it
            stats.sent(planned, planned + 3_000_000);
            stats.response(201, planned, planned + 3_000_000, planned + 3_100_000);
            stats.routed();
            stats.frame(planned, planned + 3_000_000, planned + 3_200_000);
        }
        stats.freeze();
        final RunSummary summary = new RunSummary("gateway", "g", "POST", 1_000, 1, 8, 1, stats, 2);

        final Map<String, String> json = flatten(summary.toJson());

        assertEquals("1000", json.get("frames"));
        assertEquals(3_200.0, Double.parseDouble(json.get("frame_p99_us")), 4.0);
        assertEquals(200.0, Double.parseDouble(json.get("frame_from_write_p50_us")), 0.2);
        assertEquals(200.0, Double.parseDouble(json.get("frame_from_write_p99_us")), 0.2);
        assertEquals(200.0, Double.parseDouble(json.get("frame_from_write_max_us")), 0.2);
        assertTrue(summary.describe().contains("written -> OPEN_POSITION frame"), summary.describe());
    }

    @Test
    void shouldWriteTheHgrmInMicroseconds()
    {
        final String hgrm = LoadGenerator.hgrm(new RunSummary("gateway", "g", "POST", 1_000, 1, 8, 1, sampleStats()));

        assertTrue(hgrm.contains("Value     Percentile TotalCount 1/(1-Percentile)"), hgrm);
        assertTrue(hgrm.contains("#[Max     =     2000.895"), hgrm);  // 2 ms, recorded in ns, printed in µs
        assertTrue(hgrm.contains("Total count    =          998"), hgrm);
    }

    /** Parses strictly (jackson-core fails on malformed JSON) into dotted paths of scalar values. */
    static Map<String, String> flatten(final String json) throws IOException
    {
        final Map<String, String> values = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(json))
        {
            final java.util.ArrayDeque<String> objects = new java.util.ArrayDeque<>();
            String current = "";
            JsonToken token;
            while ((token = parser.nextToken()) != null)
            {
                if (token == JsonToken.START_OBJECT)
                {
                    objects.push(current);
                }
                else if (token == JsonToken.END_OBJECT)
                {
                    objects.pop();
                }
                else if (token == JsonToken.FIELD_NAME)
                {
                    final String parent = objects.peek();
                    current = parent.isEmpty() ? parser.currentName() : parent + "." + parser.currentName();
                }
                else if (token.isScalarValue())
                {
                    values.put(current, parser.getText());
                }
            }
        }
        return values;
    }
}
