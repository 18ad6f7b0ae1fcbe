package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;

/**
 * Quote frames encoded once and shared: what a socket writes decodes (with Netty's own client-side decoder) to the
 * message with the socket's seq, for short and 16-bit lengths; the outbox holds its own references (a replaced quote and
 * everything held at close are released, so the shared buffer goes back to the pool) and hands messages out in seq
 * order across must-arrive messages and market data.
 */
class SharedFramesTest
{
    @Test
    void userAndPriceFramesDecodeToTheMessageWithTheSocketsSeq()
    {
        for (final int size : new int[] {60, 300})
        {
            final String message = "{\"type\":\"quote\",\"data\":{\"symbol\":\"EURUSD\",\"pad\":\"" + "x".repeat(size) + "\"}}";
            final ExpandableArrayBuffer json = new ExpandableArrayBuffer();
            final int length = json.putStringWithoutLengthAscii(0, message);
            final ByteBuf rest = SharedFrames.afterBrace(json, length);
            final ByteBuf whole = SharedFrames.wholeFrame(json, length);

            final EmbeddedChannel server = new EmbeddedChannel();
            SharedFrames.writeUserFrame(server, 1234567L, rest);
            server.writeOutbound(whole.retainedDuplicate());
            assertEquals("{\"seq\":1234567," + message.substring(1), decode(server, 1), "user frame of " + message.length() + " bytes");
            assertEquals(message, decode(server, 1), "price frame of " + message.length() + " bytes");
            assertEquals(0, rest.readerIndex(), "the shared bytes are read, never consumed");
            assertTrue(rest.release() && whole.release(), "every reference written was released by the channel");
        }
    }

    @Test
    void theOutboxReleasesReplacedAndHeldFramesAndPollsInSeqOrder()
    {
        final StreamOutbox outbox = new StreamOutbox(10);
        final ByteBuf first = Unpooled.copiedBuffer("one", StandardCharsets.US_ASCII);
        final ByteBuf second = Unpooled.copiedBuffer("two", StandardCharsets.US_ASCII);
        assertTrue(outbox.offer("{\"must\":1}".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(outbox.offerLatest("quotes:EURUSD", first));
        assertEquals(2, first.refCnt(), "the outbox holds a reference of its own");
        assertTrue(outbox.offerLatest("quotes:EURUSD", second), "the newest replaces the unread");
        assertEquals(1, first.refCnt(), "the replaced frame was released");
        final ByteBuf third = Unpooled.copiedBuffer("three", StandardCharsets.US_ASCII);
        assertFalse(outbox.offerLatest("quotes:GBPUSD", third));

        final StreamOutbox.Polled polled = new StreamOutbox.Polled();
        assertTrue(outbox.poll(polled));
        assertEquals(1, polled.seq, "the must-arrive message first");
        assertNull(polled.frame);
        assertTrue(outbox.poll(polled));
        assertEquals(3, polled.seq, "seq 2 was conflated away: a gap the client sees");
        assertEquals("two", polled.frame.toString(StandardCharsets.US_ASCII));
        polled.frame.release();
        outbox.close();
        assertEquals(1, third.refCnt(), "held at close: released");
        final ByteBuf late = Unpooled.copiedBuffer("late", StandardCharsets.US_ASCII);
        assertFalse(outbox.offerLatest("quotes:EURUSD", late));
        assertEquals(1, late.refCnt(), "offered after close: not held");
        assertFalse(outbox.poll(polled));
        assertTrue(first.release() && second.release() && third.release() && late.release());
    }

    @Test
    void forgettingAKeyDropsThatKeysMarketDataOnly()
    {
        final StreamOutbox outbox = new StreamOutbox(10);
        final ByteBuf us30 = Unpooled.copiedBuffer("us30", StandardCharsets.US_ASCII);
        final ByteBuf us300 = Unpooled.copiedBuffer("us300", StandardCharsets.US_ASCII);
        assertFalse(outbox.offerLatest("quotes:US30", us30));
        assertFalse(outbox.offerLatest("quotes:US300", us300));
        outbox.forget("quotes:US30");  // unsubscribed from US30 only
        assertEquals(1, us30.refCnt(), "US30's unsent quote released");
        final StreamOutbox.Polled polled = new StreamOutbox.Polled();
        assertTrue(outbox.poll(polled), "US300's quote is still there");
        assertEquals("us300", polled.frame.toString(StandardCharsets.US_ASCII));
        polled.frame.release();
        assertFalse(outbox.poll(polled));
        outbox.close();
        assertTrue(us30.release() && us300.release());
    }

    private static String decode(final EmbeddedChannel server, final int buffers)
    {
        final EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 65536));
        for (int i = 0; i < buffers; i++)
        {
            client.writeInbound((ByteBuf)server.readOutbound());
        }
        final TextWebSocketFrame frame = client.readInbound();
        assertSame(null, client.readInbound(), "one frame");
        final String text = frame.text();
        frame.release();
        return text;
    }
}
