package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reconnecting executor that reads slowly gets its whole backlog, page by page as its socket drains, and is never
 * cut off for it: the gateway asks for the next page only while the socket is writable ({@link BacklogReplay}), so
 * what it holds for the socket stays a page or two (1 MB each here), below {@code executors.max_queued_bytes_per_socket}
 * (4 MB). Were the pages asked for one after another regardless, the backlog (12 MB: more than the bound and what the
 * kernel's buffers take) would pile up in the gateway and the socket would be cut off (1008) before the reader got it all.
 *
 * <p>Pages are bounded by bytes within the socket's bound, not only by count: with the smallest bound (64 KB) and 4 KB
 * commands, a 256-command page (1 MB) would sit in the gateway far past the bound, and the first live command written
 * meanwhile would find it there and cut the socket off.
 */
class ExecutorBacklogSlowReaderTest
{
    private static final int BACKLOG = 3000;
    private static final String MARKER = "PAUSE";

    @TempDir
    Path dataDir;

    @Test
    void shouldReplayABacklogThreeTimesTheSocketBoundToASlowReaderWithoutCuttingItOff() throws Exception
    {
        assertEquals(BACKLOG, replayToASlowReader(4194304, 3900, BACKLOG, -1),
            "the whole backlog before the socket ended (cut off: it piled up in the gateway)");
    }

    @Test
    void shouldPageABacklogOfLargeCommandsWithinTheSmallestSocketBoundAndKeepTheSocketForALiveCommand() throws Exception
    {
        final int backlog = 800;
        assertEquals(backlog + 1, replayToASlowReader(65536, 3900, backlog, 100),
            "the backlog and the live command before the socket ended (cut off: a page larger than the socket's bound)");
    }

    /**
     * Queues {@code backlog} commands while no socket is open, then reads them slowly, making one more command (live,
     * pushed at once) after {@code liveAfter} have arrived, unless negative; answers how many arrived.
     */
    private int replayToASlowReader(final int maxQueuedBytes, final int noteLength, final int backlog, final int liveAfter) throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "max_queued_bytes_per_socket: " + maxQueuedBytes
                + ", max_pending_commands: 100000, ping_interval_seconds: 30, socket_idle_timeout_seconds: 120",
            false, "", GatewayHarness.SMALL_TABLES.replace("max_executor_commands: 256", "max_executor_commands: 8192")))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final String parameters = "{\"note\":\"" + "x".repeat(noteLength) + "\"}";
            final String command = "{\"command\":\"" + MARKER + "\",\"parameters\":" + parameters + ",\"priority\":\"NORMAL\"}";
            for (int i = 0; i < backlog; i++)
            {
                final GatewayHarness.Response created = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands", command);
                assertEquals(201, created.status(), created.body());
            }
            final int expected = liveAfter < 0 ? backlog : backlog + 1;

            // A small receive window, read a few KB at a time with a pause between: a reader far slower than the gateway.
            final Socket raw = gateway.rawStream(executor, 4096);
            try (raw)
            {
                final InputStream in = raw.getInputStream();
                final byte[] chunk = new byte[4096];
                String tail = "";  // the end of what was read, so a marker split across two reads is counted once
                int commands = 0;
                int read;
                boolean liveMade = liveAfter < 0;
                while (commands < expected && (read = in.read(chunk)) >= 0)
                {
                    final String text = tail + new String(chunk, 0, read, StandardCharsets.ISO_8859_1);
                    commands += count(text);
                    if (!liveMade && commands >= liveAfter)
                    {
                        liveMade = true;
                        final GatewayHarness.Response live = gateway.admin("POST", "/api/v1/executors/" + executor.id() + "/commands", command);
                        assertEquals(201, live.status(), live.body());
                    }
                    tail = text.substring(Math.max(0, text.length() - MARKER.length() + 1));
                    Thread.sleep(1);  // the reader's pace (not a wait for anything): about 4 MB/s at most
                }
                return commands;
            }
        }
    }

    private static int count(final String text)
    {
        int found = 0;
        for (int at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + MARKER.length()))
        {
            found++;
        }
        return found;
    }
}
