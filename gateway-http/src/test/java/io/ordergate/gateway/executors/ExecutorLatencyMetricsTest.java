package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MT5 stages of /api/v1/latency and the executor gauges of /metrics, over a real executor WebSocket. */
class ExecutorLatencyMetricsTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldMeasureFromRoutingToTheFrameAndFromTheFrameToTheExecutorsResult()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, ""))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            gateway.quote("1.08420", "1.08428");
            gateway.heartbeat(executor);
            try (GatewayHarness.Socket socket = gateway.connect(executor))
            {
                assertEquals(0L, count(gateway, "order_routed_to_frame_written"));
                final Object orderId = gateway.buy("mt5-1", "0.10").at("order_id");
                final String commandId = (String)socket.nextCommand().get("id");
                assertEquals("ord_" + orderId + "_1", commandId);
                // The push is recorded before the order's answer is written, so it is counted by now.
                assertEquals(1L, count(gateway, "order_routed_to_frame_written"));
                assertEquals(0L, count(gateway, "frame_written_to_result_received"), "no result yet");

                socket.send("{\"type\":\"command_result\",\"commandId\":\"" + commandId + "\",\"status\":\"executed\","
                    + "\"result\":{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}}");
                assertEquals("executed", GatewayHarness.at(socket.next(), "command", "status"));
                final Map<?, ?> received = stage(gateway, "frame_written_to_result_received");
                assertEquals(1L, ((Number)received.get("count")).longValue());
                final BigDecimal max = (BigDecimal)received.get("max_us");
                assertTrue(max.signum() > 0 && ((BigDecimal)received.get("p50_us")).compareTo(max) <= 0, received.toString());

                // A repeated result for the same command is not a second measurement.
                gateway.result(executor, commandId, "executed", "{\"success\":true,\"details\":{\"ticket\":\"777001\",\"price\":1.08428,\"lots\":0.1}}");
                assertEquals(1L, count(gateway, "frame_written_to_result_received"));

                final String metrics = gateway.call("GET", "/metrics", null, null, null).body();
                assertTrue(metrics.contains("\nordergate_executors_online 1\n"), metrics);
                assertTrue(metrics.contains("\nordergate_executor_websocket_sessions 1\n"), metrics);
                assertTrue(metrics.contains("ordergate_stage_latency_seconds_count{stage=\"frame_written_to_result_received\"} 1\n"), metrics);
            }
        }
    }

    private static long count(final GatewayHarness gateway, final String stage)
    {
        return ((Number)stage(gateway, stage).get("count")).longValue();
    }

    private static Map<?, ?> stage(final GatewayHarness gateway, final String stage)
    {
        final GatewayHarness.Response latency = gateway.admin("GET", "/api/v1/latency", null);
        assertEquals(200, latency.status(), latency.body());
        return (Map<?, ?>)latency.at("stages", stage);
    }
}
