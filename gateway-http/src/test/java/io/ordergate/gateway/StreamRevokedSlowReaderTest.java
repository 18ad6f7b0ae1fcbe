package io.ordergate.gateway;

import static io.ordergate.gateway.StreamSlowReaderTest.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A socket whose key is revoked while its client has stopped reading (its channel takes no more writes) is told why
 * all the same: once it reads again it gets the INVALID_CREDENTIALS error just before the 1008 close frame
 * (STREAMS.md), not a bare close. A second socket of the same key, opened just after and read at once, is judged at
 * the tick just after the first's, so its error says the first's close is written, and the first starts reading then.
 */
class StreamRevokedSlowReaderTest
{
    private static final int MAX_QUOTES = 50_000;
    private static final int CONFLATED_IN_A_ROW = 10;

    @TempDir
    Path dataDir;

    @Test
    void aRevokedKeysSocketThatStoppedReadingGetsTheErrorThenTheClose() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final TestGateway.Key read = gateway.createKey("read", "paper-1");
            try (RawWebSocket stalled = RawWebSocket.connect(gateway.port(), "/ws/" + read.key(), read, 4096);
                 StreamClient watcher = StreamClient.connect(gateway, "/ws/" + read.key(), read))
            {
                assertTrue(stalled.response().startsWith("HTTP/1.1 101"), stalled.response());
                stalled.sendText("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}");
                postQuotesUntilStalled(gateway);

                assertEquals(200, gateway.send("DELETE", "/api/v1/keys/" + read.key(), null, TestGateway.ADMIN).status());
                assertEquals("INVALID_CREDENTIALS", watcher.nextOfType("error", 5).path("error").path("code").asText());

                stalled.timeoutMillis(2000);
                final List<RawWebSocket.Frame> frames = new ArrayList<>();
                RawWebSocket.Frame frame;
                while ((frame = stalled.read()) != null)
                {
                    frames.add(frame);
                }
                assertTrue(frames.size() >= 2, frames.size() + " frames");
                final RawWebSocket.Frame close = frames.get(frames.size() - 1);
                assertEquals(RawWebSocket.CLOSE, close.opcode(), "the close frame is the last");
                assertEquals(1008, close.closeCode());
                final JsonNode error = TestGateway.JSON.readTree(frames.get(frames.size() - 2).text());
                assertEquals("INVALID_CREDENTIALS", error.path("error").path("code").asText(), "told why just before the close: " + error);
            }
        }
    }

    /**
     * One quote at a time to a reader that reads none, until its channel takes no more writes: then each new quote
     * replaces the unwritten one (a quote pass's drain writes it at once while the channel takes writes), so many
     * quotes in a row each conflated say the channel stays full (a few in a row may be the quote turns' pacing).
     */
    private static void postQuotesUntilStalled(final TestGateway gateway)
    {
        long conflated = counter(gateway, "ordergate_stream_conflated_total");
        int inARow = 0;
        for (int i = 0; i < MAX_QUOTES && inARow < CONFLATED_IN_A_ROW; i++)
        {
            assertEquals(202, gateway.quote("EURUSD", "1." + (10000 + i), "2").status());
            final long now = counter(gateway, "ordergate_stream_conflated_total");
            inARow = now > conflated ? inARow + 1 : 0;
            conflated = now;
        }
        assertEquals(CONFLATED_IN_A_ROW, inARow, "the reader's channel stopped taking writes");
    }
}
