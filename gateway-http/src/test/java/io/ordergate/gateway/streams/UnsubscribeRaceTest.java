package io.ordergate.gateway.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * The fan-out checks a subscription and then pushes its quote; the socket's event loop may let go of the subscription
 * in between. Made deterministic here: the socket's channel runs the client's frames at the fan-out's liveness check of
 * the quote's entry (its {@code isActive}, read right after the held subscription), as if the event loop had run them
 * on another core at that moment. Whatever the interleaving, nothing of a subscription may follow its
 * {@code unsubscribed} reply, and a quote of the old subscription may not land in the one made again after it.
 */
class UnsubscribeRaceTest
{
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}";
    private static final String UNSUBSCRIBE = "{\"type\":\"unsubscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}";

    /** A channel that runs the client's frames once, the next time anyone asks whether it is active. */
    private static final class InterleavingChannel extends EmbeddedChannel
    {
        private List<String> framesAtNextCheck;

        InterleavingChannel(final StreamSocket socket)
        {
            super(new WebSocket08FrameEncoder(false), socket);
        }

        @Override
        public boolean isActive()
        {
            final List<String> frames = framesAtNextCheck;
            framesAtNextCheck = null;
            if (frames != null)
            {
                for (final String frame : frames)
                {
                    writeInbound(new TextWebSocketFrame(frame));
                }
            }
            return super.isActive();
        }
    }

    private final GatewayConfig config = ConfigLoader.parse("instruments:\n"
        + "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,\n"
        + "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }\n", "test");
    private final StreamHub hub = new StreamHub(config, (type, principal, source, body, attachment) -> false);  // quotes only: it reads nothing
    private final StreamSocket socket = new StreamSocket(hub, hub.settings(), 1, null, () -> { });
    private final InterleavingChannel channel = new InterleavingChannel(socket);
    private final EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 65536));
    private final CommandEvent quotes = new CommandEvent();
    private final BodyWriter writer = new BodyWriter();
    private long tick;

    @AfterEach
    void tearDown()
    {
        channel.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    @Test
    void noQuoteFollowsTheUnsubscribedReply()
    {
        subscribed();
        channel.framesAtNextCheck = List.of(UNSUBSCRIBE);
        quote();
        final List<String> messages = received();
        final int reply = indexOf(messages, "\"type\":\"unsubscribed\"");
        assertTrue(reply >= 0, "the client is told it unsubscribed: " + messages);
        assertEquals(messages.size() - 1, reply, "nothing of the subscription after its unsubscribed reply: " + messages);

        quote();
        assertEquals(List.of(), received(), "and no later quote either");
    }

    @Test
    void aQuoteOfTheOldSubscriptionDoesNotLandInTheOneMadeAgain()
    {
        subscribed();
        channel.framesAtNextCheck = List.of(UNSUBSCRIBE, SUBSCRIBE);
        quote();
        final List<String> messages = received();
        final int reply = indexOf(messages, "\"type\":\"unsubscribed\"");
        assertTrue(reply >= 0, "the client is told it unsubscribed: " + messages);
        assertTrue(reply + 1 < messages.size() && messages.get(reply + 1).contains("\"type\":\"snapshot\""),
            "after the reply, the new subscription starts with its snapshot: " + messages);
        assertEquals(messages.size() - 1, reply + 1, "and nothing else: " + messages);

        quote();
        final List<String> after = received();
        assertEquals(1, after.size(), "the new subscription gets the next quote: " + after);
        assertTrue(after.get(0).contains("\"type\":\"quote\""), after.get(0));
    }

    @Test
    void anUnsubscribeSentTwiceIsAnsweredInOrder()
    {
        subscribed();
        channel.writeInbound(new TextWebSocketFrame(UNSUBSCRIBE));
        channel.writeInbound(new TextWebSocketFrame(UNSUBSCRIBE));
        hub.onIdle(System.nanoTime());
        final List<String> messages = received();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("\"type\":\"unsubscribed\""), "the first is answered first: " + messages);
        assertTrue(messages.get(1).contains("\"code\":\"NOT_FOUND\""), "then the second: " + messages);
    }

    /** Subscribed to EURUSD, its snapshot read. */
    private void subscribed()
    {
        quote();
        socket.opened(channel, true);
        channel.writeInbound(new TextWebSocketFrame(SUBSCRIBE));
        hub.onIdle(System.nanoTime());
        final List<String> snapshot = received();
        assertEquals(1, snapshot.size(), "the subscription's snapshot: " + snapshot);
        assertTrue(snapshot.get(0).contains("\"type\":\"snapshot\""), snapshot.get(0));
    }

    /**
     * One QUOTES command through the hub as the fan-out thread takes it, then the fan-out's idle turn. The event loop's
     * tasks run in between: EmbeddedChannel runs pending tasks inside a write, so two drains pending at once would nest,
     * which a real event loop never does.
     */
    private void quote()
    {
        tick++;
        quotes.reset(CommandType.QUOTES);
        quotes.header(CommandFrame.PRINCIPAL_SYSTEM, 1_795_341_600_000_000L + tick * 250_000L, tick, CommandFrame.SOURCE_FEED);
        writer.wrap(quotes.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.quotesHeader(writer, 1);
        CommandBodies.quote(writer, "EURUSD", 108_420_000L + tick * 10, 108_428_000L + tick * 10);
        quotes.bodyLength(writer.length());
        quotes.result = ResultCode.ACCEPTED;
        hub.onEvent(quotes, false);
        channel.runPendingTasks();
        hub.onIdle(System.nanoTime());
    }

    /** The messages the socket wrote since last asked, in order (its event loop's pending work run first). */
    private List<String> received()
    {
        channel.runPendingTasks();
        Object out;
        while ((out = channel.readOutbound()) != null)
        {
            client.writeInbound((ByteBuf)out);
        }
        final List<String> messages = new ArrayList<>();
        TextWebSocketFrame frame;
        while ((frame = client.readInbound()) != null)
        {
            messages.add(frame.text());
            frame.release();
        }
        return messages;
    }

    private static int indexOf(final List<String> messages, final String part)
    {
        for (int i = 0; i < messages.size(); i++)
        {
            if (messages.get(i).contains(part))
            {
                return i;
            }
        }
        return -1;
    }
}
