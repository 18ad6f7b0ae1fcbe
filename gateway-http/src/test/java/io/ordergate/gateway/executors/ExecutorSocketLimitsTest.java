package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dead executor sockets are cut off by the idle timeout without losing commands; the demo terminal trades. */
class ExecutorSocketLimitsTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldCloseASocketThatNeverAnswersPingsAndKeepItsCommandsPending() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, "ping_interval_seconds: 1, socket_idle_timeout_seconds: 2"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (Socket raw = gateway.rawStream(executor, 0))
            {
                final InputStream in = raw.getInputStream();

                final Object commandId = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
                    "{\"command\":\"PAUSE\",\"priority\":\"HIGH\"}").at("command_id");
                final long start = System.nanoTime();
                while (in.read() >= 0)
                {
                    // pings and the pushed command arrive; this client never answers, so the gateway must hang up
                }
                final long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(seconds < 9, "closed after " + seconds + " s");
                final List<?> pending = (List<?>)gateway.heartbeat(executor).at("pendingCommands");
                assertEquals(commandId, ((Map<?, ?>)pending.get(0)).get("id"));
            }
        }
    }

    @Test
    void shouldFillAnOrderOnTheDemoAccountThroughTheSimulatedTerminal()
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", true))
        {
            GatewayHarness.await("the demo terminal online", () -> "online".equals(
                gateway.admin("GET", "/api/v1/executors/" + ExecutorBootstrap.DEMO_EXECUTOR_ID, null).at("status")));
            GatewayHarness.await("a demo quote", () -> gateway.admin("GET", "/api/v1/quotes/EURUSD", null).status() == 200);
            final Object orderId = gateway.buy("mt5-demo", "0.10").at("order_id");
            GatewayHarness.await("the demo order filled",
                () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
            final List<?> positions = (List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-demo", null).at("positions");
            assertEquals(1, positions.size());
            final Object positionId = ((Map<?, ?>)positions.get(0)).get("position_id");
            final GatewayHarness.Response close = gateway.admin("POST", "/api/v1/positions/" + positionId + "/close", "{}");
            assertEquals(200, close.status());
            assertEquals("routed", close.at("status"));
            GatewayHarness.await("the position closed",
                () -> ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-demo", null).at("positions")).isEmpty());
            GatewayHarness.await("the closing order filled",
                () -> "filled".equals(gateway.admin("GET", "/api/v1/orders/" + close.at("order_id"), null).at("status")));
        }
    }
}
