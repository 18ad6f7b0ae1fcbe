package io.ordergate.gateway.executors;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.CopiedBody;
import io.ordergate.gateway.json.RequestBody;

/**
 * One executor's WebSocket ({@code GET /api/executor/{executorId}/stream}). Inbound: {@code heartbeat},
 * {@code command_result} and {@code trade} messages ({@link SocketMessageDecoder}: the HTTP routes' decoders and rate
 * limits), published in order with back-pressure (a full ring or 64 messages in flight stop the socket's reads).
 * Outbound: every command the engine routes to this executor the moment it exists, the answers to its messages, and
 * pings.
 *
 * <p>A (re)connecting executor's backlog goes out a page at a time, each asked for once the socket has drained the
 * last ({@link BacklogReplay}), so a backlog of thousands is replayed at the pace the executor reads it.
 *
 * <p>Bounded by bytes actually queued: a write that finds more than {@code max_queued_bytes_per_socket} bytes not yet
 * taken by the peer (the channel's outbound buffer, as its writability counts it) cuts the socket off with 1008, once,
 * with one log line; so does a peer silent (not even a pong) for {@code socket_idle_timeout_seconds}. Closing loses
 * nothing: commands stay pending in the engine, go out in heartbeat answers (the first 256 pending in each), and are
 * pushed again on reconnection.
 *
 * <p>Thread safe where it must be: inbound on the channel's event loop (frames written there are flushed when the
 * read ends); {@link #push} and {@link #onReply} on the reply thread, whose frames go out at the end of its batch,
 * written by the reply thread itself when the socket's {@link SocketWriteGuard} lets it, else by the event loop in one
 * task ({@link FrameOutbox}).
 */
public final class ExecutorSocket extends SimpleChannelInboundHandler<WebSocketFrame> implements ReplyTarget
{
    private static final Logger LOG = Logger.getLogger(ExecutorSocket.class.getName());
    /** Above this many queued bytes the socket is unwritable and no backlog page is asked for: about two pages. */
    private static final int HIGH_WATER_MARK = 128 * 1024;
    /** Messages of one socket in the ring at once, past which it stops reading until half have been answered. */
    private static final int MAX_IN_FLIGHT = 64;
    private static final long RING_FULL_RETRY_MICROS = 500;

    private final GatewayContext gateway;
    private final ExecutorSessions sessions;
    private final ExecutorRateLimits limits;
    private final ExecutorKeys.Entry executor;
    private final int maxQueuedBytes;
    private final WriteBufferWaterMark waterMark;
    private final AtomicBoolean cutOff = new AtomicBoolean();
    private final SocketMessageDecoder decoder;
    /** The reply thread's opener of seed 004's passwords in heartbeat answers. */
    private final SealedPasswords sealed;
    /** Each text frame's bytes, copied here for the decoder (read until its command is published or copied): grown, never made per frame. */
    private byte[] body = new byte[512];
    private final BacklogReplay backlog;
    /** Event loop: decoded messages not yet published (the ring was full), in arrival order. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    /** This socket's messages in the ring: incremented on the event loop, decremented by the reply thread. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The reply thread's scratch for the answers to this socket's messages. */
    private final ExpandableArrayBuffer replyBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter replyJson = new JsonWriter();
    private final ExpandableArrayBuffer loopBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter loopJson = new JsonWriter();
    private volatile Channel channel;
    /** The reply thread's frames to this socket, sent once per batch (set before {@link #channel}). */
    private volatile FrameOutbox outbox;
    /** Who writes to the socket, and that nothing follows its Close frame (set before {@link #channel}). */
    private volatile SocketWriteGuard guard;

    ExecutorSocket(final GatewayContext gateway, final ExecutorSessions sessions, final ExecutorRateLimits limits, final ExecutorKeys.Entry executor,
        final SealedPasswords sealed)
    {
        this.sealed = sealed;
        this.gateway = gateway;
        this.sessions = sessions;
        this.limits = limits;
        this.executor = executor;
        this.maxQueuedBytes = gateway.config().executors().maxQueuedBytesPerSocket();
        final int high = Math.min(HIGH_WATER_MARK, maxQueuedBytes / 2);
        this.waterMark = new WriteBufferWaterMark(high / 4, high);
        this.backlog = new BacklogReplay(gateway.publisher(), executor.executorId(), this, BacklogReplay.pageBytes(maxQueuedBytes, high));
        this.decoder = new SocketMessageDecoder(gateway, limits, executor);
    }

    /** After the handshake (event loop): this socket becomes the executor's session and its backlog's first page is asked for. */
    void opened(final Channel channel)
    {
        channel.config().setWriteBufferWaterMark(waterMark);
        final SocketWriteGuard guard = new SocketWriteGuard(gateway.config().server().directReplies());
        channel.pipeline().addFirst("executor-write-guard", guard);  // first, so that every write of the channel passes it
        channel.flush();  // the guard frees the socket for the reply thread when nothing of it waits in Netty
        this.guard = guard;
        this.outbox = new FrameOutbox(channel, guard, gateway.metrics().http());
        this.channel = channel;
        sessions.open(executor.executorIndex(), this);
        if (!backlog.start(channel))
        {
            close("the gateway is overloaded");
        }
    }

    @Override
    public void channelWritabilityChanged(final ChannelHandlerContext ctx) throws Exception
    {
        backlog.drained();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (frame instanceof TextWebSocketFrame)
        {
            final ByteBuf content = frame.content();
            final int length = content.readableBytes();
            if (body.length < length)
            {
                body = new byte[Math.max(length, body.length * 2)];
            }
            content.getBytes(content.readerIndex(), body, 0, length);
            message(body, length);
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            if (!cutOffPastLimit(ctx.channel()))  // an executor that pings and never reads must not queue pongs without end
            {
                ctx.write(new PongWebSocketFrame(frame.content().retain()));
            }
        }
        else if (frame instanceof CloseWebSocketFrame && cutOff.compareAndSet(false, true))
        {
            // Cut off before the answer: nothing may follow it (RFC 6455, 5.5.1); the commands stay pending for the next socket.
            sessions.closed(executor.executorIndex(), this);
            LOG.info(() -> "the executor " + executor.executorId() + " closed its WebSocket");
            guard.writeClose(new CloseWebSocketFrame());
        }
        // Pongs need nothing: any frame resets the idle timer.
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
    }

    /**
     * Event loop: a message is decoded once (limits counted once), then published in arrival order: at once when
     * nothing waits before it; else its body is copied to wait, as the decoder reuses its objects and {@link #body}.
     */
    private void message(final byte[] body, final int length)
    {
        final CommandType command = decoder.decode(body, length);
        if (command == null)
        {
            error(decoder.errorCode(), decoder.errorMessage(), decoder.retryAfter());
            return;
        }
        if (waiting.isEmpty() && publish(command, decoder.request()))
        {
            resumeReading();
            return;
        }
        waiting.add(new Waiting(command, CopiedBody.of(decoder.request())));
        if (waiting.size() == 1)
        {
            retryWhenRingHasRoom();
        }
    }

    /**
     * Event loop: publishes what waits, in order. Back-pressure instead of refusals: with {@link #MAX_IN_FLIGHT}
     * messages in the ring, or the ring full, the socket stops reading (TCP holds the executor back) and goes on as
     * answers come back, so a result is never dropped because the executor sent it fast.
     */
    private void publishWaiting()
    {
        Waiting next;
        while ((next = waiting.peek()) != null)
        {
            if (!publish(next.command(), next.body()))
            {
                retryWhenRingHasRoom();
                return;
            }
            waiting.poll();
        }
        resumeReading();
    }

    private boolean publish(final CommandType command, final RequestBody request)
    {
        if (!gateway.publisher().publish(command, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBSOCKET, request, this, null))
        {
            return false;
        }
        if (inFlight.incrementAndGet() >= MAX_IN_FLIGHT)
        {
            channel.config().setAutoRead(false);
        }
        return true;
    }

    private void retryWhenRingHasRoom()
    {
        final Channel ch = channel;
        ch.config().setAutoRead(false);
        ch.eventLoop().schedule(this::publishWaiting, RING_FULL_RETRY_MICROS, TimeUnit.MICROSECONDS);
    }

    /** A message whose command could not be published when it came: the ring was full, or others waited before it. */
    private record Waiting(CommandType command, RequestBody body)
    {
    }

    /** Event loop: reads again once nothing waits and the ring holds fewer than {@link #MAX_IN_FLIGHT} of this socket's messages. */
    private void resumeReading()
    {
        final Channel ch = channel;
        if (waiting.isEmpty() && inFlight.get() < MAX_IN_FLIGHT && ch.isActive() && !ch.config().isAutoRead())
        {
            ch.config().setAutoRead(true);
        }
    }

    /** The engine's answer to one of this socket's messages. Reply thread. */
    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.type != CommandType.EXECUTOR_SYNC && inFlight.decrementAndGet() == MAX_IN_FLIGHT / 2 && channel != null
            && !SocketWriteGuard.executeOnLoop(channel, this::resumeReading))
        {
            return;  // the event loop is shut down, so is the socket: nothing to read or answer
        }
        if (event.type == CommandType.EXECUTOR_SYNC)
        {
            try
            {
                backlog.pageAnswered(event, flushes);  // its commands went out through the outbox
            }
            catch (final BadRequest unexpected)
            {
                close("the engine's sync answer could not be read: " + unexpected.getMessage());
            }
            return;
        }
        final JsonWriter json = replyJson.wrap(replyBuffer, 0);
        if (event.result == null || event.type == null)
        {
            SocketMessageDecoder.writeError(json, "INTERNAL_ERROR", "the command was not applied", 0);
        }
        else if (!event.result.isSuccess())
        {
            SocketMessageDecoder.writeError(json, event.result.name(), SeedErrors.FORMAT.message(event.result, event.resultMessage), 0);
        }
        else if (event.outputKind == CommandEvent.OUTPUT_JSON && SealedPasswords.holdsMarker(event.output, 0, event.outputLength))
        {
            send(sealed.open(event.output, 0, event.outputLength), 0, sealed.length(), flushes);
            return;
        }
        else if (event.outputKind == CommandEvent.OUTPUT_JSON)
        {
            send(event.output, 0, event.outputLength, flushes);
            return;
        }
        else
        {
            return;
        }
        send(replyBuffer, 0, json.length(), flushes);
    }

    /** Pushes one command (seed 000's pending command object), on the reply thread: true when the frame was handed to the channel. */
    boolean push(final DirectBuffer json, final int offset, final int length, final ChannelFlushes flushes)
    {
        return send(json, offset, length, flushes);
    }

    /** An error message on the event loop: seed 000's error body with a type (and retryAfter for 429s). */
    private void error(final String code, final String message, final int retryAfter)
    {
        final JsonWriter json = loopJson.wrap(loopBuffer, 0);
        SocketMessageDecoder.writeError(json, code, message, retryAfter);
        send(loopBuffer, 0, json.length(), null);
    }

    /** Cuts the socket off when more than {@code max_queued_bytes_per_socket} bytes wait for the executor to read; true if so. */
    private boolean cutOffPastLimit(final Channel ch)
    {
        if (!ch.isWritable() && waterMark.low() + ch.bytesBeforeWritable() > maxQueuedBytes)
        {
            close("more than " + maxQueuedBytes + " bytes queued that the executor has not read (executors.max_queued_bytes_per_socket)");
            return true;
        }
        return false;
    }

    /**
     * Writes a text frame: from the reply thread through the outbox at the batch's end ({@code flushes}), on the event
     * loop unflushed (flushed when the read ends). A socket with more than {@code max_queued_bytes_per_socket} bytes
     * its peer has not taken is cut off.
     */
    private boolean send(final DirectBuffer json, final int offset, final int length, final ChannelFlushes flushes)
    {
        final Channel ch = channel;
        if (ch == null || !ch.isActive() || cutOff.get())
        {
            return false;
        }
        if (cutOffPastLimit(ch))
        {
            return false;
        }
        final FrameOutbox replies = outbox;
        if (flushes != null && replies != null)
        {
            replies.add(json.byteArray(), offset, length);
            flushes.later(replies);
            return true;
        }
        final ByteBuf content = ch.alloc().buffer(length);
        content.writeBytes(json.byteArray(), offset, length);
        ch.write(new TextWebSocketFrame(content), ch.voidPromise());
        return true;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent)
        {
            if (((IdleStateEvent)event).state() != IdleState.READER_IDLE)
            {
                ctx.writeAndFlush(new PingWebSocketFrame());
            }
            else if (!cutOff.get())
            {
                close("no frame (not even a pong) within socket_idle_timeout_seconds");
            }
            else  // its Close, sent or answered, waits behind bytes the executor does not take: only this ends the socket
            {
                LOG.info(() -> "closing the WebSocket of executor " + executor.executorId() + ": its Close not read within socket_idle_timeout_seconds");
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        sessions.closed(executor.executorIndex(), this);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.fine(() -> "executor socket " + executor.executorId() + " closed after " + cause.getClass().getSimpleName());
        ctx.close();
    }

    /** Closes with 1008, {@code why} its reason (if within a reason's 123 bytes), once: one log line however many writes find it over its bound. Any thread. */
    void close(final String why)
    {
        final Channel ch = channel;
        if (ch != null && ch.isActive() && cutOff.compareAndSet(false, true))
        {
            sessions.closed(executor.executorIndex(), this);  // no push after the Close: its commands wait for the next socket
            LOG.info(() -> "closing the WebSocket of executor " + executor.executorId() + ": " + why);
            guard.writeClose(new CloseWebSocketFrame(1008, why.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123 ? why : "closed by gateway"));
            SocketWriteGuard.executeOnLoop(ch, () -> ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS));  // in case the write is stuck
        }
    }
}
