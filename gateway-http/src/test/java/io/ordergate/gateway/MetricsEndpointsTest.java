package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/v1/latency and GET /metrics on a real gateway, after real orders. */
class MetricsEndpointsTest
{
    private static final int ORDERS = 40;
    private static final List<String> HTTP_STAGES =
        List.of("ingress_to_journaled", "journaled_to_engine_done", "engine_to_answer_written", "ingress_to_answer");
    private static final List<String> ALL_STAGES = List.of("ingress_to_journaled", "journaled_to_engine_done",
        "engine_to_answer_written", "ingress_to_answer", "order_routed_to_frame_written", "frame_written_to_result_received");

    @TempDir
    Path dataDir;

    @Test
    void shouldShowEveryHttpStageOfEveryOrderInTheLatencyAnswer()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            sendOrdersAndOneRejection(gateway);
            final TestGateway.Key read = gateway.createKey("read", "paper-1");

            final TestGateway.Reply reply = gateway.send("GET", "/api/v1/latency", null, read);
            assertEquals(200, reply.status(), reply.toString());
            final JsonNode stages = reply.json().path("stages");
            assertEquals(ALL_STAGES, iterable(stages.fieldNames()));
            for (final String stage : HTTP_STAGES)
            {
                final JsonNode s = stages.path(stage);
                assertEquals(List.of("count", "p50_us", "p90_us", "p99_us", "p999_us", "max_us"), iterable(s.fieldNames()), stage);
                assertTrue(s.path("count").asLong() >= ORDERS, stage + " " + s);
                final double p50 = s.path("p50_us").asDouble();
                assertTrue(p50 > 0, stage + " " + s);
                assertTrue(p50 <= s.path("p90_us").asDouble(), stage + " " + s);
                assertTrue(s.path("p90_us").asDouble() <= s.path("p99_us").asDouble(), stage + " " + s);
                assertTrue(s.path("p99_us").asDouble() <= s.path("p999_us").asDouble(), stage + " " + s);
                assertTrue(s.path("p999_us").asDouble() <= s.path("max_us").asDouble(), stage + " " + s);
            }
            // The whole is at least each of its parts.
            assertTrue(stages.path("ingress_to_answer").path("max_us").asDouble() >= stages.path("ingress_to_journaled").path("p50_us").asDouble());
            assertEquals(0, stages.path("order_routed_to_frame_written").path("count").asLong(), "no executor here");

            assertEquals(401, gateway.send("GET", "/api/v1/latency", null, null).status());
            assertEquals(405, gateway.send("POST", "/api/v1/latency", "{}", read).status());
        }
    }

    @Test
    void shouldServeMetricsWithoutAKeyInThePrometheusTextFormat()
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir,
            c -> c.replace("pipeline: { ring_size: 1024 }", "pipeline: { ring_size: 1024, publishers_run_stages: true }")))
        {
            sendOrdersAndOneRejection(gateway);

            final TestGateway.Reply reply = gateway.send("GET", "/metrics", null, null);
            assertEquals(200, reply.status(), reply.toString());
            assertEquals("text/plain; version=0.0.4; charset=utf-8", reply.response().headers().firstValue("Content-Type").orElse(null));
            final Exposition metrics = Exposition.parse(reply.body());

            for (final String stage : ALL_STAGES)
            {
                for (final String quantile : List.of("0.5", "0.9", "0.99", "0.999"))
                {
                    assertTrue(metrics.has("ordergate_stage_latency_seconds", "stage", stage, "quantile", quantile), stage + " " + quantile);
                }
                assertTrue(metrics.has("ordergate_stage_latency_max_seconds", "stage", stage), stage);
            }
            assertEquals("summary", metrics.types.get("ordergate_stage_latency_seconds"));
            for (final String stage : HTTP_STAGES)
            {
                assertTrue(metrics.value("ordergate_stage_latency_seconds_count", "stage", stage) >= ORDERS, stage);
                final double p50 = metrics.value("ordergate_stage_latency_seconds", "stage", stage, "quantile", "0.5");
                final double p99 = metrics.value("ordergate_stage_latency_seconds", "stage", stage, "quantile", "0.99");
                assertTrue(0 < p50 && p50 <= p99 && p99 <= metrics.value("ordergate_stage_latency_max_seconds", "stage", stage), stage);
                assertTrue(metrics.value("ordergate_stage_latency_seconds_sum", "stage", stage) > 0, stage);
            }
            assertTrue(Double.isNaN(metrics.value("ordergate_stage_latency_seconds", "stage", "order_routed_to_frame_written", "quantile", "0.5")));

            assertEquals(ORDERS, metrics.value("ordergate_orders_total", "command", "new_order", "result", "CREATED"));
            assertEquals(ORDERS, metrics.value("ordergate_performance_fill_rows"), "each market order filled once");
            assertEquals("gauge", metrics.types.get("ordergate_performance_fill_rows"));
            assertEquals(0, metrics.value("ordergate_listener_failures_total", "stage", "reply"), "no feature threw on these orders");
            assertEquals(0, metrics.value("ordergate_listener_failures_total", "stage", "fanout"));
            assertEquals("counter", metrics.types.get("ordergate_listener_failures_total"));
            assertEquals(1, metrics.value("ordergate_orders_total", "command", "new_order", "result", "UNKNOWN_SYMBOL"));
            assertFalse(metrics.has("ordergate_orders_total", "command", "new_order", "result", "RISK_MAX_NOTIONAL"), "no such order was sent");
            assertEquals("counter", metrics.types.get("ordergate_orders_total"));

            assertTrue(metrics.value("ordergate_http_responses_total", "status_class", "2xx") >= ORDERS + 1);
            assertTrue(metrics.value("ordergate_http_responses_total", "status_class", "4xx") >= 1);
            assertEquals(1024, metrics.value("ordergate_ring_capacity"));
            final double occupancy = metrics.value("ordergate_ring_occupancy");
            assertTrue(occupancy >= 0 && occupancy <= 1024);
            assertTrue(metrics.value("ordergate_journal_bytes") > 0);
            assertTrue(metrics.value("ordergate_journaled_commands_total") >= ORDERS + 2);
            // One client, one order at a time: og-pipeline sleeps between them, so the event loop runs most of them itself
            // (not each: a quote the feed publishes now and then wakes og-pipeline, which may hold the turn as an order comes).
            assertTrue(metrics.value("ordergate_commands_run_by_publishers_total") >= 1, "the event loop ran orders' stages itself");
            assertEquals("counter", metrics.types.get("ordergate_commands_run_by_publishers_total"));
            assertEquals(0, metrics.value("ordergate_overloaded_total"));
            assertEquals(0, metrics.value("ordergate_executors_online"));
            assertEquals(0, metrics.value("ordergate_executor_websocket_sessions"));
            assertEquals(0, metrics.value("ordergate_stream_requests_refused_total"), "no stream socket met streams.max_pending_requests");
            assertEquals("counter", metrics.types.get("ordergate_stream_requests_refused_total"));
            assertEquals(1, metrics.value("ordergate_ready"));
            assertTrue(metrics.value("ordergate_jvm_heap_used_bytes") > 0);
            assertFalse(reply.body().contains(TestGateway.ADMIN_KEY), "no credentials in /metrics");
            assertFalse(reply.body().contains("paper-1"), "no account ids in /metrics");
        }
    }

    /** ORDERS filled market orders, then one the engine rejects (its answer also means every earlier one is fully recorded). */
    private static void sendOrdersAndOneRejection(final TestGateway gateway)
    {
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
        for (int i = 0; i < ORDERS; i++)
        {
            final TestGateway.Reply order = gateway.market("paper-1", "EURUSD", i % 2 == 0 ? "buy" : "sell", "0.01");
            assertEquals(201, order.status(), order.toString());
        }
        assertEquals(422, gateway.market("paper-1", "FOOBAR", "buy", "1").status());
    }

    private static List<String> iterable(final java.util.Iterator<String> names)
    {
        final List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /**
     * A small parser of the text exposition format: every line a comment ({@code # HELP name text},
     * {@code # TYPE name type}) or a sample {@code name{label="value",...} value}; every sample's family has HELP and
     * TYPE before its first sample; no family is declared twice.
     */
    static final class Exposition
    {
        private static final Pattern HELP = Pattern.compile("# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)");
        private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");
        private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)\\})? (\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        final Map<String, String> types = new HashMap<>();
        private final Map<String, Double> samples = new HashMap<>();

        static Exposition parse(final String text)
        {
            final Exposition exposition = new Exposition();
            final Set<String> helped = new HashSet<>();
            assertTrue(text.endsWith("\n"), "ends with a line feed");
            for (final String line : text.split("\n"))
            {
                Matcher m;
                if ((m = HELP.matcher(line)).matches())
                {
                    assertTrue(helped.add(m.group(1)), "HELP twice for " + m.group(1));
                }
                else if ((m = TYPE.matcher(line)).matches())
                {
                    assertTrue(helped.contains(m.group(1)), "TYPE before HELP for " + m.group(1));
                    assertEquals(null, exposition.types.put(m.group(1), m.group(2)), "TYPE twice for " + m.group(1));
                }
                else if ((m = SAMPLE.matcher(line)).matches())
                {
                    final String name = m.group(1);
                    final String family = exposition.types.containsKey(name) ? name : name.replaceFirst("_(sum|count)$", "");
                    assertTrue(exposition.types.containsKey(family), "no HELP/TYPE before " + line);
                    if (!family.equals(name))
                    {
                        assertEquals("summary", exposition.types.get(family), line);
                    }
                    final double value = Double.parseDouble(m.group(3).replace("+Inf", "Infinity").replace("-Inf", "-Infinity"));
                    final String key = key(name, labels(m.group(2)));
                    assertEquals(null, exposition.samples.put(key, value), "sample twice: " + line);
                }
                else
                {
                    throw new AssertionError("not a comment or a sample: '" + line + "'");
                }
            }
            return exposition;
        }

        boolean has(final String name, final String... labels)
        {
            return samples.containsKey(key(name, pairs(labels)));
        }

        double value(final String name, final String... labels)
        {
            final Double value = samples.get(key(name, pairs(labels)));
            if (value == null)
            {
                throw new AssertionError("no sample " + key(name, pairs(labels)) + " among " + samples.keySet());
            }
            return value;
        }

        private static Map<String, String> labels(final String text)
        {
            final Map<String, String> labels = new java.util.TreeMap<>();
            if (text != null)
            {
                final Matcher m = LABEL.matcher(text);
                while (m.find())
                {
                    labels.put(m.group(1), m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            return labels;
        }

        private static Map<String, String> pairs(final String... labels)
        {
            final Map<String, String> map = new java.util.TreeMap<>();
            for (int i = 0; i < labels.length; i += 2)
            {
                map.put(labels[i], labels[i + 1]);
            }
            return map;
        }

        private static String key(final String name, final Map<String, String> labels)
        {
            return name + labels;
        }
    }
}
