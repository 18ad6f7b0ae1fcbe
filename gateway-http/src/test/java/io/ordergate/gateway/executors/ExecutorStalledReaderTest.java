package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 item 2: an executor that stops reading its WebSocket while the gateway keeps pushing commands is cut off
 * (1008) once the bytes queued for it pass {@code executors.max_queued_bytes_per_socket}, with exactly one log line
 * however many pushes find it over the bound, and its commands stay pending for the next connection.
 */
class ExecutorStalledReaderTest
{
    private static final String CUT_OFF = "closing the WebSocket of executor";

    @TempDir
    Path dataDir;

    @Test
    void shouldCutOffAReaderThatStopsReadingOnceWithOneLogLineAndKeepItsCommandsPending() throws Exception
    {
        try (LogLines cutOffLines = new LogLines(ExecutorSocket.class, CUT_OFF);
             GatewayHarness gateway = GatewayHarness.start(dataDir, 0,
                "max_queued_bytes_per_socket: 65536, max_pending_commands: 100000, ping_interval_seconds: 30, socket_idle_timeout_seconds: 120",
                false, "", GatewayHarness.SMALL_TABLES.replace("max_executor_commands: 256", "max_executor_commands: 8192")))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final Socket raw = gateway.rawStream(executor, 4096);  // a small window, so the gateway's side fills up soon
            final InputStream in = raw.getInputStream();
            try (raw)
            {
                // from here on the executor reads nothing: every push queues, first in the kernel, then in the gateway
                final String parameters = "{\"note\":\"" + "x".repeat(3900) + "\"}";
                int pushed = 0;
                while (cutOffLines.count() == 0)
                {
                    final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
                        "{\"command\":\"PAUSE\",\"parameters\":" + parameters + ",\"priority\":\"NORMAL\"}");
                    assertEquals(201, created.status(), created.body());
                    pushed++;
                    assertTrue(pushed < 8000, "31 MB pushed to a reader that reads nothing and it was never cut off");
                }
                for (int i = 0; i < 50; i++, pushed++)
                {
                    assertEquals(201, gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
                        "{\"command\":\"PAUSE\",\"parameters\":" + parameters + "}").status());
                }
                final byte[] drain = new byte[65536];
                try
                {
                    while (in.read(drain) >= 0)
                    {
                        // what was in flight, then the end of the stream: the gateway hung up
                    }
                }
                catch (final SocketTimeoutException stillOpen)
                {
                    throw new AssertionError("the cut-off socket was not closed within 10 s", stillOpen);
                }
                assertEquals(1, cutOffLines.count(), "one log line for the cut-off, not one per push that found it full");
                final List<?> pending = (List<?>)gateway.heartbeat(executor).at("pendingCommands");
                assertEquals(Math.min(256, pushed), pending.size(), "every pushed command is still pending (the first 256 listed)");
            }
        }
    }
}
