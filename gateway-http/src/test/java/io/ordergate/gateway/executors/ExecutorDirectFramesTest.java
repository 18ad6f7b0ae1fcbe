package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.gateway.RawWebSocket;

/**
 * {@code server.direct_replies} on an executor's socket: the reply thread writes pushed commands to the socket itself
 * while Netty holds nothing of it unwritten, and leaves the rest to the event loop once the socket stops taking bytes
 * ({@link SocketWriteGuard}). Every frame must arrive whole and in order, with the event loop's own frames (the
 * answers to bad messages) between them, whichever thread wrote what. Over a real socket whose reader stops and then
 * reads everything, counted by {@code /metrics}.
 */
class ExecutorDirectFramesTest
{
    private static final String METRIC = "ordergate_executor_frames_by_reply_thread_total ";
    private static final int COMMANDS = 1_600;
    private static final int BAD_MESSAGE_EVERY = 100;
    private static final int PING = 9;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void framesArriveWholeAndInOrderWhileTheSocketFillsAndDrains(final boolean direct) throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir,
            "max_queued_bytes_per_socket: 67108864, max_pending_commands: 100000, ping_interval_seconds: 30, socket_idle_timeout_seconds: 120",
            GatewayHarness.SMALL_TABLES.replace("max_executor_commands: 256", "max_executor_commands: 8192"), "direct_replies: " + direct))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final long before = framesByReplyThread(gateway);
            final List<String> sent = new ArrayList<>();
            int badMessages = 0;
            try (Socket raw = gateway.rawStream(executor, 4096))
            {
                final DataInputStream in = new DataInputStream(raw.getInputStream());
                // A heartbeat answered first: the socket's backlog page (asked for when it opened) is out before the
                // first command, which would otherwise be in that page as well as pushed.
                sendMasked(raw.getOutputStream(), "{\"type\":\"heartbeat\",\"status\":\"online\"}");
                assertTrue(GatewayHarness.object(readText(in)).containsKey("pendingCommands"));
                // The executor reads nothing until every command is pushed: the first frames fit the socket (the kernel lets a
                // loopback socket queue up to 4 MB), then it fills.
                final String parameters = "{\"note\":\"" + "x".repeat(3900) + "\"}";
                for (int i = 0; i < COMMANDS; i++)
                {
                    final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
                        "{\"command\":\"PAUSE\",\"parameters\":" + parameters + ",\"priority\":\"NORMAL\"}");
                    assertEquals(201, created.status(), created.body());
                    sent.add((String)created.at("command_id"));
                    if (i % BAD_MESSAGE_EVERY == 0)
                    {
                        sendMasked(raw.getOutputStream(), "{\"type\":\"nonsense\"}");  // answered by the event loop
                        badMessages++;
                    }
                }
                final List<String> pushed = new ArrayList<>();
                int errors = 0;
                while (pushed.size() < COMMANDS || errors < badMessages)
                {
                    final String text = readText(in);
                    final Map<String, Object> frame = GatewayHarness.object(text);  // throws unless the frame is whole JSON
                    if (frame.containsKey("command"))
                    {
                        pushed.add((String)frame.get("id"));
                    }
                    else
                    {
                        assertEquals("VALIDATION_ERROR", frame.get("code"), text);
                        errors++;
                    }
                }
                assertTrue(sent.equals(pushed), () -> "every command once, in the order it was pushed: " + firstDifference(sent, pushed));
            }
            final long written = framesByReplyThread(gateway) - before;
            if (direct)
            {
                // Some, not all: once the socket stopped taking bytes the rest went through the event loop.
                assertTrue(written > 0 && written < COMMANDS, () -> written + " of " + COMMANDS + " frames written by the reply thread");
            }
            else
            {
                assertEquals(0, written);
            }
        }
    }

    private static String firstDifference(final List<String> expected, final List<String> actual)
    {
        int i = 0;
        while (i < expected.size() && i < actual.size() && expected.get(i).equals(actual.get(i)))
        {
            i++;
        }
        return "at " + i + " of " + expected.size() + " expected " + (i < expected.size() ? expected.get(i) : "the end") + ", read "
            + actual.subList(i, Math.min(actual.size(), i + 5));
    }

    /** The next text frame's payload; pings are skipped. Every frame must be final, plain and unmasked. */
    private static String readText(final DataInputStream in) throws IOException
    {
        while (true)
        {
            final RawWebSocket.Frame frame = RawWebSocket.readFrame(in);
            if (frame.opcode() == RawWebSocket.TEXT)
            {
                return frame.text();
            }
            assertEquals(PING, frame.opcode(), "only text frames and pings");
        }
    }

    private static void sendMasked(final OutputStream out, final String text) throws IOException
    {
        RawWebSocket.writeMasked(out, RawWebSocket.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    private static long framesByReplyThread(final GatewayHarness gateway)
    {
        final String text = gateway.call("GET", "/metrics", null).body();
        final int at = text.indexOf("\n" + METRIC);
        assertTrue(at >= 0, "no " + METRIC.trim() + " in /metrics");
        final int from = at + 1 + METRIC.length();
        return (long)Double.parseDouble(text.substring(from, text.indexOf('\n', from)).trim());
    }
}
