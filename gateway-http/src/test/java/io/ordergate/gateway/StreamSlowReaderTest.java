package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A reader that stops reading, with a 4 KB receive buffer so the kernel's buffers really fill: its quotes are
 * conflated (it stays open, and when it reads again it gets the newest price, with gaps in {@code seq} where older
 * ones were replaced); its order events are never dropped, so once more than {@code streams.max_queued_messages} of
 * them wait, it is closed (1008); and all the while the order path answers every order.
 */
class StreamSlowReaderTest
{
    private static final int QUOTE_BATCHES = 24;
    private static final int QUOTES_PER_BATCH = 1000;
    private static final Pattern COUNTER = Pattern.compile("^(ordergate_stream_\\w+) (\\d+)", Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    @Test
    void quotesAreConflatedForAReaderThatStopsAndOrderEventsCloseItWhenTheBoundIsPassed() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "streams: { max_queued_messages: 16 }\n");
             RawWebSocket reader = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 4096))
        {
            assertTrue(reader.response().startsWith("HTTP/1.1 101"), reader.response());
            reader.sendText("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}");
            for (final String channel : new String[] {"orders", "positions", "account"})
            {
                reader.sendText("{\"type\":\"subscribe\",\"channel\":\"" + channel + "\",\"account_id\":\"paper-1\"}");
            }
            for (int i = 0; i < 4; i++)
            {
                assertEquals("snapshot", type(reader.read()));
            }

            // 1. The reader stops reading; 24,000 quotes (about 3 MB of messages) are posted.
            String lastBid = null;
            for (int batch = 0; batch < QUOTE_BATCHES; batch++)
            {
                final StringBuilder quotes = new StringBuilder("[");
                for (int i = 0; i < QUOTES_PER_BATCH; i++)
                {
                    lastBid = new BigDecimal("1.10000").add(new BigDecimal("0.00001").multiply(BigDecimal.valueOf(batch * QUOTES_PER_BATCH + i)))
                        .toPlainString();
                    quotes.append(i == 0 ? "" : ",").append("{\"symbol\":\"EURUSD\",\"bid\":").append(lastBid).append(",\"ask\":2}");
                }
                assertEquals(202, gateway.post("/api/v1/quotes", quotes.append(']').toString()).status());
            }
            await("quotes conflated for the slow reader", () -> counter(gateway, "ordergate_stream_conflated_total") > 0);
            assertEquals(0, counter(gateway, "ordergate_stream_slow_closes_total"), "quotes alone never close a reader");

            // 2. It reads again: quotes with gaps in seq, ending with the newest price.
            reader.timeoutMillis(2000);
            final List<JsonNode> quotes = new ArrayList<>();
            JsonNode last = null;
            while (last == null || !lastBid.equals(last.path("data").path("bid").decimalValue().toPlainString()))
            {
                final RawWebSocket.Frame frame = reader.read();
                assertTrue(frame != null && frame.opcode() == RawWebSocket.TEXT, "the newest quote arrives; got " + quotes.size() + " quotes");
                last = TestGateway.JSON.readTree(frame.text());
                quotes.add(last);
            }
            assertTrue(quotes.size() < QUOTE_BATCHES * QUOTES_PER_BATCH, quotes.size() + " of " + QUOTE_BATCHES * QUOTES_PER_BATCH + " quotes written");
            int gaps = 0;
            for (int i = 1; i < quotes.size(); i++)
            {
                final long step = quotes.get(i).path("seq").asLong() - quotes.get(i - 1).path("seq").asLong();
                assertTrue(step >= 1, "seq rises");
                gaps += step > 1 ? 1 : 0;
            }
            assertTrue(gaps > 0, "a replaced quote leaves a gap in seq the client can see");
            System.out.println("slow reader: " + quotes.size() + " quote messages written of " + QUOTE_BATCHES * QUOTES_PER_BATCH);

            // 3. It stops again; order events pile up past the bound: it is closed, and every order was answered.
            reader.timeoutMillis(10_000);
            assertEquals(202, gateway.quote("EURUSD", "1.10000", "1.10000").status());  // no spread: the account keeps its margin
            final long start = System.nanoTime();
            for (int i = 0; i < 5000 && counter(gateway, "ordergate_stream_slow_closes_total") == 0; i++)
            {
                final TestGateway.Reply order = gateway.market("paper-1", "EURUSD", i % 2 == 0 ? "buy" : "sell", "0.01");
                assertEquals(201, order.status(), order::toString);
            }
            await("the reader closed as too slow", () -> counter(gateway, "ordergate_stream_slow_closes_total") == 1);
            System.out.println("slow reader: closed after " + (System.nanoTime() - start) / 1_000_000 + " ms of orders");
            assertTrue(System.nanoTime() - start < 60_000_000_000L, "orders went on meanwhile");
            RawWebSocket.Frame frame;
            RawWebSocket.Frame close = null;
            while ((frame = reader.read()) != null)
            {
                close = frame.opcode() == RawWebSocket.CLOSE ? frame : close;
            }
            assertTrue(close == null || close.closeCode() == 1008, "a close frame, if one got through, says 1008");
            await("the socket gone", () -> counter(gateway, "ordergate_stream_sockets") == 0);
        }
    }

    @Test
    void aReaderClosedAsTooSlowIsToldWhyJustBeforeTheCloseFrame() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "streams: { max_queued_messages: 16 }\n");
             RawWebSocket reader = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 4096))
        {
            reader.sendText("{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}");
            assertEquals("snapshot", type(reader.read()));
            assertEquals(202, gateway.quote("EURUSD", "1.10000", "1.10000").status());

            // It stops reading; its order events pile up past the bound.
            for (int i = 0; i < 5000 && counter(gateway, "ordergate_stream_slow_closes_total") == 0; i++)
            {
                final TestGateway.Reply order = gateway.market("paper-1", "EURUSD", i % 2 == 0 ? "buy" : "sell", "0.01");
                assertEquals(201, order.status(), order::toString);
            }
            await("the reader closed as too slow", () -> counter(gateway, "ordergate_stream_slow_closes_total") == 1);

            // It reads on (within the second the gateway gives a close frame): what was written before, then an error
            // saying why, then the close frame, and nothing after it.
            final List<RawWebSocket.Frame> frames = reader.readToEnd();
            final JsonNode error = RawWebSocket.errorBeforeClose(frames, 1008);
            assertEquals("SLOW_READER", error.path("error").path("code").asText(), error::toString);
            assertTrue(error.path("error").path("message").asText().contains("streams.max_queued_messages"), error::toString);
            final JsonNode before = TestGateway.JSON.readTree(frames.get(frames.size() - 3).text());
            assertTrue(error.path("seq").asLong() > before.path("seq").asLong(), "seq rises (with a gap if messages were left unwritten): " + before
                + " then " + error);
        }
    }

    private static String type(final RawWebSocket.Frame frame) throws Exception
    {
        return TestGateway.JSON.readTree(frame.text()).path("type").asText();
    }

    static long counter(final TestGateway gateway, final String name)
    {
        final Matcher matcher = COUNTER.matcher(gateway.get("/metrics").body());
        while (matcher.find())
        {
            if (matcher.group(1).equals(name))
            {
                return Long.parseLong(matcher.group(2));
            }
        }
        throw new AssertionError("no " + name + " in /metrics");
    }

    static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
