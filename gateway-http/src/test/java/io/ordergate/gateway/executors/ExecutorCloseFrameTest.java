package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.RawWebSocket;

/**
 * The gateway's Close frame is the last frame of an executor's socket (RFC 6455, 5.5.1: no data frame after sending
 * Close). Before, an executor's Close was answered while the socket stayed registered until TCP closed, so a command
 * made meanwhile was written after the gateway's Close. Now the socket is cut off when the Close arrives and whatever
 * is written after the gateway's Close is dropped; nothing is lost: the command stays pending and reaches the
 * executor's next socket. Over a real socket whose reader stops until its Close is answered, so that the answer waits
 * behind a full socket as frames made after it would.
 */
class ExecutorCloseFrameTest
{
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int COMMANDS = 1_600;

    @TempDir
    Path dataDir;

    @Test
    void nothingFollowsTheCloseFrameAndTheCommandsMadeMeanwhileReachTheNextSocket() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir,
            "max_queued_bytes_per_socket: 67108864, max_pending_commands: 100000, ping_interval_seconds: 30, socket_idle_timeout_seconds: 120",
            GatewayHarness.SMALL_TABLES.replace("max_executor_commands: 256", "max_executor_commands: 8192"), "direct_replies: true");
            LogLines closeRead = new LogLines(ExecutorSocket.class, "closed its WebSocket"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final String late;
            try (Socket raw = gateway.rawStream(executor, 4096))
            {
                final DataInputStream in = new DataInputStream(raw.getInputStream());
                final OutputStream out = raw.getOutputStream();
                // A heartbeat answered first: the socket's first backlog page is out before the commands are made.
                RawWebSocket.writeMasked(out, RawWebSocket.TEXT, "{\"type\":\"heartbeat\",\"status\":\"online\"}".getBytes(StandardCharsets.UTF_8));
                assertTrue(GatewayHarness.object(nextText(in)).containsKey("pendingCommands"));
                // Unread, the pushed commands fill the socket (the kernel queues up to 4 MB on loopback), then Netty holds the rest.
                final String parameters = "{\"note\":\"" + "x".repeat(3900) + "\"}";
                for (int i = 0; i < COMMANDS; i++)
                {
                    assertEquals(201, makeCommand(gateway, executor, parameters).status());
                }
                RawWebSocket.writeMasked(out, CLOSE, new byte[] {0x03, (byte)0xE8});  // 1000, normal closure
                GatewayHarness.await("the gateway read the executor's Close", () -> closeRead.count() == 1);
                final GatewayHarness.Response made = makeCommand(gateway, executor, "{}");
                assertEquals(201, made.status(), made.body());
                late = (String)made.at("command_id");
                final List<Integer> afterClose = new ArrayList<>();
                boolean closed = false;
                while (true)
                {
                    final RawWebSocket.Frame frame;
                    try
                    {
                        frame = RawWebSocket.readFrame(in);
                    }
                    catch (final EOFException end)
                    {
                        break;
                    }
                    if (closed)
                    {
                        afterClose.add(frame.opcode());
                    }
                    closed |= frame.opcode() == CLOSE;
                }
                assertTrue(closed, "the gateway answered the Close");
                assertEquals(List.of(), afterClose, "the opcodes of the frames written after the gateway's Close");
            }
            // The command made while the socket closed is pending still: the next socket's backlog carries it.
            try (Socket next = gateway.rawStream(executor, 0))
            {
                final DataInputStream in = new DataInputStream(next.getInputStream());
                String id = null;
                while (!late.equals(id))
                {
                    id = (String)GatewayHarness.object(nextText(in)).get("id");
                }
            }
        }
    }

    /**
     * An executor that sends its Close and then stops reading leaves the gateway's answer behind bytes it never takes;
     * its reads end with its Close, so the idle timeout is what ends the socket. Before, the timeout only tried to cut
     * the socket off with a Close of its own, a second one, which it refused: the socket stayed open for good, with up to
     * max_queued_bytes_per_socket held, once per such connection.
     */
    @Test
    void aSocketWhoseExecutorSentItsCloseAndStoppedReadingIsClosedAfterTheIdleTimeout() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir,
            "max_queued_bytes_per_socket: 67108864, max_pending_commands: 100000, ping_interval_seconds: 30, socket_idle_timeout_seconds: 3",
            GatewayHarness.SMALL_TABLES.replace("max_executor_commands: 256", "max_executor_commands: 8192"), "direct_replies: true");
            LogLines closeRead = new LogLines(ExecutorSocket.class, "closed its WebSocket");
            LogLines closedIdle = new LogLines(ExecutorSocket.class, "its Close not read within socket_idle_timeout_seconds"))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            try (Socket raw = gateway.rawStream(executor, 4096))
            {
                final OutputStream out = raw.getOutputStream();
                final String parameters = "{\"note\":\"" + "x".repeat(3900) + "\"}";
                for (int i = 0; i < COMMANDS; i++)
                {
                    if (i % 10 == 0)
                    {
                        RawWebSocket.writeMasked(out, PING, new byte[0]);  // not silent while the commands fill the socket
                    }
                    assertEquals(201, makeCommand(gateway, executor, parameters).status());
                }
                RawWebSocket.writeMasked(out, CLOSE, new byte[] {0x03, (byte)0xE8});
                GatewayHarness.await("the gateway read the executor's Close", () -> closeRead.count() == 1);
                GatewayHarness.await("the socket closed once idle, its Close unread", () -> closedIdle.count() == 1);
            }
        }
    }

    private static GatewayHarness.Response makeCommand(final GatewayHarness gateway, final GatewayHarness.Executor executor, final String parameters)
    {
        return gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands",
            "{\"command\":\"PAUSE\",\"parameters\":" + parameters + ",\"priority\":\"NORMAL\"}");
    }

    /** The next text frame's payload; pings are skipped. */
    private static String nextText(final DataInputStream in) throws IOException
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
}
