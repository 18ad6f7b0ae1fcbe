package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.RawWebSocket;

/**
 * An executor that sends pings and never reads its socket: each ping's pong queues in the gateway, and once more than
 * {@code executors.max_queued_bytes_per_socket} wait the socket is cut off, as for any other write, instead of the
 * pongs growing without end.
 */
class ExecutorPingFloodTest
{
    private static final int PING = 9;
    /** 125 bytes a ping, the most a control frame carries: 200,000 of them are 25 MB of pongs, far past the bound. */
    private static final int MOST_PINGS = 200_000;

    @TempDir
    Path dataDir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void shouldCutOffAnExecutorThatPingsAndNeverReads() throws Exception
    {
        try (LogLines cutOffLines = new LogLines(ExecutorSocket.class, "closing the WebSocket of executor");
             GatewayHarness gateway = GatewayHarness.start(dataDir, "max_queued_bytes_per_socket: 65536, ping_interval_seconds: 30, "
            + "socket_idle_timeout_seconds: 120"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (Socket raw = gateway.rawStream(executor, 4096))  // a small window, so the gateway's side fills up soon
            {
                final OutputStream out = raw.getOutputStream();
                final byte[] payload = new byte[125];
                int sent = 0;
                try
                {
                    while (cutOffLines.count() == 0 && sent < MOST_PINGS)
                    {
                        RawWebSocket.writeMasked(out, PING, payload);
                        sent++;
                    }
                }
                catch (final IOException closedByTheGateway)
                {
                    // the cut-off closed the socket under the writes: what this test waits for
                }
                final int pings = sent;
                assertTrue(pings < MOST_PINGS, () -> pings + " pings (25 MB of pongs) to an executor that reads nothing, never cut off");
                GatewayHarness.await("the cut-off's log line", () -> cutOffLines.count() > 0);
            }
            assertEquals(1, cutOffLines.count(), "one log line however many pings found the socket over the bound");
        }
    }
}
