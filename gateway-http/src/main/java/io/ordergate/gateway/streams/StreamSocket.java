package io.ordergate.gateway.streams;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * One client's stream socket: a user socket ({@code /ws/{user_id}}, subscriptions by message, every message with {@code
 * seq}) or a price socket ({@code /ws/prices/{symbol}}, one symbol's quotes in seed 002's shape). What the fan-out hands
 * it waits in a bounded {@link StreamOutbox}; the socket's event loop writes it while the channel is writable and stops
 * when it is not (the client reads slowly: Netty's buffer is at its high-water mark), so memory per socket is bounded
 * by the outbox and that mark. A client that lets more than {@code max_queued_messages} must-arrive messages pile up is
 * told why ({@link #SLOW_READER}), closed with 1008 and resyncs from a snapshot when it subscribes again. What its
 * client asks is read and done by its {@link ClientRequests}. Thread safe where it must be: frames in, writes and
 * closes on the channel's event loop; the fan-out thread only offers to the outbox and schedules a drain.
 */
final class StreamSocket extends SimpleChannelInboundHandler<WebSocketFrame> implements PacedDrains.Target
{
    static final int CLOSE_POLICY = 1008;
    static final int CLOSE_UNSUPPORTED_DATA = 1003;
    static final int CLOSE_TOO_BIG = 1009;
    static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /** The error a reader past its bound gets just before its 1008 (STREAMS.md): no result code says "you read too slowly". */
    static final String SLOW_READER = "SLOW_READER";
    private static final String TOO_SLOW = "too slow: more than the queued message limit";
    private static final Logger LOG = Logger.getLogger(StreamSocket.class.getName());
    /** ping_seconds periods without a frame from the client that close its socket (STREAMS.md: three times ping_seconds). */
    private static final int SILENT_PERIODS_TO_CLOSE = 3;
    private static final byte[] PING = "{\"type\":\"ping\"}".getBytes(StandardCharsets.US_ASCII);

    private final StreamHub hub;
    private final StreamOutbox outbox;
    private final int principal;
    /** Null for a user socket; the symbol of a price socket. */
    private final String priceSymbol;
    private final Runnable released;
    private final int maxFrameBytes;
    private final HeldSubscriptions held = new HeldSubscriptions();
    private final ReplyOrder replies;
    private final ClientRequests requests;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicBoolean pacing = new AtomicBoolean();
    private final Runnable drain = this::drainNow;
    /** The drain's message in hand (event loop only). */
    private final StreamOutbox.Polled polled = new StreamOutbox.Polled();
    /** Given quotes in the fan-out's current pass (fan-out thread only: {@link StreamHub}). */
    boolean touched;
    /** Its event loop's quote turns (set when it opens). */
    private PacedDrains paced;
    private volatile Channel channel;
    private volatile boolean closing;
    /** Idle periods ({@code ping_seconds}) in a row without a frame from the client, and whether it was pinged since its last. Event loop. */
    private int silentPeriods;
    private boolean pingedSinceRead;
    /** The close frame is written: nothing may follow it (RFC 6455, 5.5.1). Event loop only. */
    private boolean closeWritten;

    StreamSocket(final StreamHub hub, final StreamSettings settings, final int principal, final String priceSymbol, final Runnable released)
    {
        this.hub = hub;
        this.outbox = new StreamOutbox(settings.maxQueuedMessages());
        this.principal = principal;
        this.priceSymbol = priceSymbol;
        this.released = released;
        this.maxFrameBytes = settings.maxFrameBytes();
        this.replies = new ReplyOrder(hub, this, settings.maxQueuedMessages());
        this.requests = new ClientRequests(hub, this, settings);
    }

    /** After the handshake (event loop); {@code admitted} false when the caller has too many sockets open. */
    void opened(final Channel ch, final boolean admitted)
    {
        this.paced = hub.pacedDrains(ch.eventLoop());
        this.channel = ch;
        hub.countOpen(1);
        if (admitted && priceSymbol != null)
        {
            final StreamRequest quotes = StreamRequest.quotes(priceSymbol);
            hub.subscribeQuotes(this, quotes, held.hold(quotes.key()));
        }
    }

    int principal()
    {
        return principal;
    }

    boolean isPriceSocket()
    {
        return priceSymbol != null;
    }

    boolean isOpen()
    {
        final Channel ch = channel;
        return !closing && ch != null && ch.isActive();
    }

    /** What the client holds: read by the fan-out, changed on the event loop (and by the fan-out for a refusal). */
    HeldSubscriptions held()
    {
        return held;
    }

    /** The order its requests are answered in. */
    ReplyOrder replies()
    {
        return replies;
    }

    // ---- from the fan-out thread (or this socket's event loop) ----

    /** A message that must arrive; a full outbox closes the socket (1008). */
    void push(final byte[] body)
    {
        if (closing)
        {
            return;
        }
        if (!outbox.offer(body))
        {
            closeTooSlow(hub.settings().maxQueuedMessages() + " messages wait unread (streams.max_queued_messages)");
            return;
        }
        drainSoon();
    }

    /**
     * A reader past its bound (its outbox full, or too many answers owed: {@link ReplyOrder#reply}): counted, told why in
     * an error ({@link #SLOW_READER}, ahead of what still waits for it) and closed with 1008. Any thread.
     */
    void closeTooSlow(final String why)
    {
        if (closing)
        {
            return;
        }
        hub.countSlowClose();
        close(CLOSE_POLICY, TOO_SLOW, StreamMessages.error(SLOW_READER, "too slow: " + why + "; connect again and subscribe: the snapshots resync", null));
    }

    /**
     * Market data: replaces the unsent message under the same key with {@code shared}, a frame encoded once for
     * every socket ({@link SharedFrames}; the outbox retains it). Written at the next drain: the fan-out calls
     * {@link #drainPaced} once per socket after its pass, so a socket writes a pass's quotes with one flush.
     */
    void pushLatest(final String key, final ByteBuf shared)
    {
        if (closing)
        {
            return;
        }
        if (outbox.offerLatest(key, shared))
        {
            hub.countConflated();
        }
    }

    /** After a quote pass: written at its event loop's next quote turn ({@link PacedDrains}). Fan-out thread. */
    void drainPaced()
    {
        paced.offer(this);  // set when it opened, before any subscription reached the fan-out
    }

    @Override
    public AtomicBoolean pacing()
    {
        return pacing;
    }

    /** Asks the event loop to write what is pending (once, however often asked before it runs). */
    @Override
    public void drainSoon()
    {
        final Channel ch = channel;
        if (ch != null && drainScheduled.compareAndSet(false, true))
        {
            ch.eventLoop().execute(drain);
        }
    }

    /** Writes what is pending while the channel takes it. Event loop. */
    @Override
    public void drainNow()
    {
        drainScheduled.set(false);
        final Channel ch = channel;
        if (ch == null || !ch.isActive() || closeWritten)
        {
            return;
        }
        while (ch.isWritable() && outbox.poll(polled))
        {
            SharedFrames.write(ch, priceSymbol == null, polled);
        }
        ch.flush();  // and a pong written since the last drain; with nothing written it is no system call
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) throws Exception
    {
        if (ctx.channel().isWritable())
        {
            drainNow();
        }
        super.channelWritabilityChanged(ctx);
    }

    // ---- frames from the client (event loop) ----

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        pingedSinceRead = false;
        silentPeriods = 0;
        if (frame instanceof TextWebSocketFrame)
        {
            // A fragmented message arrives joined (WebSocketUpgrade's fragment joiner): the bound is the whole message's.
            if (!frame.isFinalFragment() || frame.content().readableBytes() > maxFrameBytes)
            {
                close(CLOSE_TOO_BIG, "a message is at most " + maxFrameBytes + " bytes");
                return;
            }
            requests.read(frame.content());
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            // A reader that is behind gets no pong: those it does not read would pile up here without bound. The others'
            // are flushed at the socket's next quote turn: a herd of pings would have the loop flush every pong at once.
            // None once the close frame is written (the peer may ping before it reads it): nothing may follow it.
            if (!closeWritten && ctx.channel().isWritable())
            {
                ctx.write(new PongWebSocketFrame(frame.content().retain()), ctx.voidPromise());
                paced.offer(this);
            }
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            closing = true;
            // The peer's answer to ours, or its close crossing ours: ours stands (nothing may follow a close frame), and
            // its write's end, or the cut-off a second after it, closes the connection.
            if (!closeWritten)
            {
                closeWritten = true;
                ctx.writeAndFlush(new CloseWebSocketFrame(1000, "bye")).addListener(f -> ctx.close());
            }
        }
        else if (frame instanceof BinaryWebSocketFrame || frame instanceof ContinuationWebSocketFrame)
        {
            close(CLOSE_UNSUPPORTED_DATA, "text frames of JSON only");
        }
        // Pongs need nothing: any frame resets the idle timer.
    }

    /**
     * Ends the subscription made by the subscribe of {@code generation} to an account (or bot) the caller may no longer
     * see, or that is gone, telling the client; one the client made again since is another, and stays. Any thread.
     */
    void endAndTell(final StreamRequest subscription, final long generation)
    {
        final Channel ch = channel;
        ch.eventLoop().execute(() ->
        {
            if (held.holds(subscription.key(), generation))
            {
                end(subscription, StreamMessages.subscriptionError(subscription, "NOT_FOUND", "not found: this subscription has ended", subscription.idName()));
            }
        });
    }

    /**
     * Ends a subscription the client holds and drops its unsent quote; {@code reply} is pushed by the fan-out once it
     * has taken the subscription out ({@link StreamHub#unsubscribe}), so nothing of it follows the reply. False when it
     * holds none by that name. Event loop.
     */
    boolean end(final StreamRequest subscription, final byte[] reply)
    {
        final Long generation = held.release(subscription.key());
        if (generation == null)
        {
            return false;
        }
        outbox.forget(subscription.key());
        hub.unsubscribe(this, subscription, generation, reply);
        return true;
    }

    /** A message now, whatever the client asked before: not a reply (the fan-out's, in its turn, or a close's reason). */
    void error(final String code, final String message, final String field)
    {
        push(StreamMessages.error(code, message, field));
    }

    // ---- pings, idleness, closing ----

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent)
        {
            final IdleStateEvent idle = (IdleStateEvent)event;
            // Silence is judged by what arrives, so a listener on a busy stream (never idle for writing) is pinged too: its
            // pong is all it sends. Three ping_seconds without a frame from it close it; one ping frame per silence.
            silentPeriods = idle.state() != IdleState.READER_IDLE ? silentPeriods : idle.isFirst() ? 1 : silentPeriods + 1;
            if (silentPeriods >= SILENT_PERIODS_TO_CLOSE)
            {
                close(CLOSE_POLICY, "no frame (not even a pong) within the idle timeout");
            }
            else if (!closeWritten && (idle.state() == IdleState.WRITER_IDLE || !pingedSinceRead))  // nothing may follow a close frame
            {
                pingedSinceRead = true;
                ctx.write(new PingWebSocketFrame());
                if (priceSymbol == null && idle.state() == IdleState.WRITER_IDLE)
                {
                    ctx.write(new TextWebSocketFrame(ctx.alloc().buffer(PING.length).writeBytes(PING)));  // seed 003's ping
                }
                ctx.flush();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        closing = true;
        outbox.close();
        released.run();
        if (channel != null)
        {
            hub.countOpen(-1);
        }
        hub.closed(this);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.fine(() -> "stream socket closed after " + cause.getClass().getSimpleName());
        ctx.close();
    }

    /** Sends a close frame with {@code code} and closes; a peer that does not take it is cut off after a second. */
    void close(final int code, final String reason)
    {
        close(code, reason, null);
    }

    /**
     * {@link #close(int, String)} with {@code lastWords}, when not null, the error saying why (a slow reader's {@link
     * #SLOW_READER}, an overloaded gateway's OVERLOADED), written just before the close frame: ahead of what still waits
     * in the outbox (never written now: its seqs are a gap before the message's), and whether the channel is writable or
     * not, for a slow reader's never is and an overloaded gateway's may not be; queued behind the rest, it would be lost
     * with it. One small frame once, as the close frame itself, so the socket's memory stays bounded; a peer that reads
     * on learns why it was cut off, one that does not is cut off anyway. Any thread.
     */
    void close(final int code, final String reason, final byte[] lastWords)
    {
        final Channel ch = channel;
        if (ch == null || closing)  // closing already (a slow reader's 1008 while telling it why): one close frame
        {
            return;
        }
        closing = true;
        ch.eventLoop().execute(() ->
        {
            if (ch.isActive() && !closeWritten)
            {
                closeWritten = true;
                if (lastWords != null)
                {
                    ch.write(new TextWebSocketFrame(SharedFrames.messageFrame(ch.alloc(), priceSymbol == null, outbox.takeSeq(), lastWords)), ch.voidPromise());
                }
                ch.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> ch.close());
                ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS);
            }
        });
    }
}
