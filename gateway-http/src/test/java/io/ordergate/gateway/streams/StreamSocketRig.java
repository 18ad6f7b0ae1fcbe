package io.ordergate.gateway.streams;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.RequestBody;

/**
 * One user socket on an embedded channel, its hub's fan-out driven by hand: the reads the hub publishes are
 * held ({@link StreamReads}) until the test brings them round the "ring" with {@link #answerNextRead}, so a test
 * chooses where a snapshot lands among the socket's other work. The event loop's tasks run when the test asks for the
 * messages ({@link #received}) or sends a frame (EmbeddedChannel runs them after the frame is read).
 */
final class StreamSocketRig implements AutoCloseable
{
    static final String SUBSCRIBE_QUOTES = "{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}";
    static final String UNSUBSCRIBE_QUOTES = "{\"type\":\"unsubscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\"}";
    static final String PING = "{\"type\":\"ping\"}";
    /** The engine's answer to the last slice of an orders snapshot of no open order. */
    static final String NO_ORDERS = "{\"orders\":[],\"next\":0,\"written\":0}";

    private static final String INSTRUMENTS = "instruments:\n"
        + "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,\n"
        + "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }\n";

    /** A read held on its way round the ring. */
    private record Read(CommandType type, RequestBody body, Object attachment)
    {
    }

    /**
     * Between the socket and the frame encoder: names every frame the socket writes, in order ({@link #written}), and
     * while {@link #holding} keeps it from the wire, its write never done, as for a peer that stopped reading (so the
     * close frame's write does not end and close the channel). Event loop only.
     */
    private static final class Wire extends ChannelOutboundHandlerAdapter
    {
        private final List<String> written = new ArrayList<>();
        private final List<Object> held = new ArrayList<>();
        private boolean holding;

        @Override
        public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise) throws Exception
        {
            written.add(msg instanceof CloseWebSocketFrame ? "close:" + ((CloseWebSocketFrame)msg).statusCode()
                : msg instanceof PingWebSocketFrame ? "ping" : msg instanceof PongWebSocketFrame ? "pong" : "text");
            if (holding)
            {
                held.add(msg);
                return;
            }
            super.write(ctx, msg, promise);
        }

        @Override
        public void close(final ChannelHandlerContext ctx, final ChannelPromise promise) throws Exception
        {
            held.forEach(ReferenceCountUtil::release);
            held.clear();
            super.close(ctx, promise);
        }
    }

    private final List<Read> reads = new ArrayList<>();
    final StreamHub hub;
    final StreamSocket socket;
    private final Wire wire = new Wire();
    private final EmbeddedChannel channel;
    private final EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 65536));
    private final CommandEvent event = new CommandEvent();
    private final BodyWriter writer = new BodyWriter();
    private long quotes;

    StreamSocketRig()
    {
        this("");
    }

    /** With more configuration ({@code streams:} settings, say) after the instruments. */
    StreamSocketRig(final String moreConfig)
    {
        final GatewayConfig config = ConfigLoader.parse(INSTRUMENTS + moreConfig, "test");
        hub = new StreamHub(config, (type, principal, source, body, attachment) -> reads.add(new Read(type, body, attachment)));
        socket = new StreamSocket(hub, hub.settings(), 1, null, () -> { });
        channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false), wire, socket);
        socket.opened(channel, true);
    }

    /** Another user socket on {@code first}'s hub (its reads are held by {@code first}). */
    StreamSocketRig(final StreamSocketRig first)
    {
        hub = first.hub;
        socket = new StreamSocket(hub, hub.settings(), 1, null, () -> { });
        channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false), wire, socket);
        socket.opened(channel, true);
    }

    static String subscribeOrders(final String accountId)
    {
        return "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"" + accountId + "\"}";
    }

    static String unsubscribeOrders(final String accountId)
    {
        return "{\"type\":\"unsubscribe\",\"channel\":\"orders\",\"account_id\":\"" + accountId + "\"}";
    }

    /** The client sends these text frames, read in order on the socket's event loop, then its queued tasks run. */
    void send(final String... frames)
    {
        final Object[] read = new Object[frames.length];
        for (int i = 0; i < frames.length; i++)
        {
            read[i] = new TextWebSocketFrame(frames[i]);
        }
        channel.writeInbound(read);  // all read before the event loop's tasks run
    }

    /** The fan-out's idle turn: the work the sockets handed it. */
    void fanOutIdle()
    {
        hub.onIdle(System.nanoTime());
    }

    /** The fan-out's idle turn at {@code nanos} (its clock: when accounts are valued again). */
    void fanOutIdleAt(final long nanos)
    {
        hub.onIdle(nanos);
    }

    /** An accepted QUOTES command of one EURUSD quote comes round to the fan-out. */
    void quote()
    {
        quotes++;
        event.reset(CommandType.QUOTES);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1_795_341_600_000_000L + quotes * 250_000L, quotes, CommandFrame.SOURCE_FEED);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.quotesHeader(writer, 1);
        CommandBodies.quote(writer, "EURUSD", 108_420_000L + quotes * 10, 108_428_000L + quotes * 10);
        event.bodyLength(writer.length());
        event.result = ResultCode.ACCEPTED;
        hub.onEvent(event, false);
    }

    /** Whether the socket's channel takes writes: false as when its peer stopped reading (past the high-water mark). */
    void writable(final boolean writable)
    {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, writable);
    }

    /**
     * The peer stops taking what is written: the socket's writes from now on stay pending, never done, and the clock
     * stands still, so neither a close frame's write nor the second's cut-off after it closes the channel.
     */
    void holdWrites()
    {
        channel.freezeTime();
        wire.holding = true;
    }

    /** Every frame the socket wrote, held or not, in order: {@code text}, {@code ping}, {@code pong}, {@code close:1008}. */
    List<String> written()
    {
        channel.runPendingTasks();
        return List.copyOf(wire.written);
    }

    /** The peer sends these frames of any kind, read in order on the socket's event loop, then its queued tasks run. */
    void peerSends(final WebSocketFrame... frames)
    {
        channel.writeInbound((Object[])frames);
    }

    /** An event on the socket's pipeline, as its idle handler fires them. */
    void fire(final Object event)
    {
        channel.pipeline().fireUserEventTriggered(event);
        channel.runPendingTasks();
    }

    /** Reads published and not yet brought round. */
    int readsHeld()
    {
        return reads.size();
    }

    /** The body of the oldest held read, as the engine would read it (its type: {@link #nextReadType}). */
    BodyReader nextReadBody()
    {
        final org.agrona.ExpandableArrayBuffer frame = new org.agrona.ExpandableArrayBuffer(256);
        final BodyWriter body = new BodyWriter();
        body.wrap(frame, 0);
        reads.get(0).body().encode(body);
        return new BodyReader().wrap(frame, 0);
    }

    CommandType nextReadType()
    {
        return reads.get(0).type();
    }

    /** The oldest held read comes round the ring to the fan-out, answered by the engine with {@code json} (an empty list). */
    void answerNextRead(final String json)
    {
        nextRead(ResultCode.OK);
        event.outputKind = CommandEvent.OUTPUT_JSON;
        event.outputLength = event.output.putStringWithoutLengthAscii(0, json);
        hub.onEvent(event, false);
    }

    /** The oldest held read comes round the ring to the fan-out, refused by the engine with {@code code}. */
    void refuseNextRead(final ResultCode code)
    {
        nextRead(code);
        hub.onEvent(event, false);
    }

    private void nextRead(final ResultCode code)
    {
        final Read read = reads.remove(0);
        event.reset(read.type());
        event.header(1, 1_795_341_600_000_000L, 1, CommandFrame.SOURCE_WEBSOCKET);
        event.attachment = read.attachment();
        event.result = code;
    }

    /** A DELETE_ACCOUNT of {@code accountId} that succeeded comes round the ring to the fan-out. */
    void accountDeleted(final String accountId)
    {
        event.reset(CommandType.DELETE_ACCOUNT);
        event.header(1, 1_795_341_600_000_000L, 2, CommandFrame.SOURCE_HTTP);
        writer.wrap(event.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.accountId(writer, accountId);
        event.bodyLength(writer.length());
        event.result = ResultCode.OK;
        hub.onEvent(event, false);
    }

    /** The messages the socket wrote since last asked, in order (its event loop's pending work run first). */
    List<String> received()
    {
        channel.runPendingTasks();
        Object out;
        while ((out = channel.readOutbound()) != null)
        {
            client.writeInbound((ByteBuf)out);
        }
        final List<String> messages = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = client.readInbound()) != null)
        {
            messages.add(frame instanceof CloseWebSocketFrame ? "close:" + ((CloseWebSocketFrame)frame).statusCode() : ((TextWebSocketFrame)frame).text());
            frame.release();
        }
        return messages;
    }

    /** The message types in order, each with its code when it is an error ({@code error:NOT_FOUND}); a close as {@code close:1008}. */
    static List<String> types(final List<String> messages)
    {
        final List<String> types = new ArrayList<>();
        for (final String message : messages)
        {
            if (message.startsWith("close:"))
            {
                types.add(message);
                continue;
            }
            final int at = message.indexOf("\"type\":\"") + 8;
            final String type = message.substring(at, message.indexOf('"', at));
            final int code = message.indexOf("\"code\":\"");
            types.add(code < 0 ? type : type + ":" + message.substring(code + 8, message.indexOf('"', code + 8)));
        }
        return types;
    }

    @Override
    public void close()
    {
        channel.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }
}
