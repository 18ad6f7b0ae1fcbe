package io.ordergate.gateway.executors;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
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
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;

/**
 * One executor's WebSocket ({@code GET /api/executor/{executorId}/stream}). Inbound: {@code heartbeat},
 * {@code command_result} and {@code trade} messages, the bodies of the HTTP routes with a {@code type}, through the
 * same decoders, publisher and rate limits. Outbound: every command the engine routes to this executor the moment it
 * exists, the answers to its messages, and pings.
 *
 * <p>Bounded: more than {@code max_queued_frames_per_socket} frames not yet written closes the socket, and so does
 * a peer silent (not even a pong) for {@code socket_idle_timeout_seconds}. Closing loses nothing: commands stay
 * pending in the engine, are in every heartbeat answer, and are pushed again when the executor reconnects.
 *
 * <p>Thread safe where it must be: inbound on the channel's event loop (frames written there are flushed when the
 * read ends); {@link #push} and {@link #onReply} on the reply thread, whose writes are flushed at its batch's end.
 */
public final class ExecutorSocket extends SimpleChannelInboundHandler<WebSocketFrame> implements ReplyTarget
{
    private static final Logger LOG = Logger.getLogger(ExecutorSocket.class.getName());

    private final GatewayContext gateway;
    private final ExecutorSessions sessions;
    private final ExecutorRateLimits limits;
    private final ExecutorKeys.Entry executor;
    private final int maxQueuedFrames;
    private final AtomicInteger queued = new AtomicInteger();
    private final RequestReader reader = new RequestReader();
    /** The reply thread's scratch for the answers to this socket's messages. */
    private final ExpandableArrayBuffer replyBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter replyJson = new JsonWriter();
    private final ExpandableArrayBuffer loopBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter loopJson = new JsonWriter();
    private volatile Channel channel;

    /** The reply thread's opener of seed 004's passwords in heartbeat answers. */
    private final SealedPasswords sealed;

    ExecutorSocket(final GatewayContext gateway, final ExecutorSessions sessions, final ExecutorRateLimits limits, final ExecutorKeys.Entry executor,
        final SealedPasswords sealed)
    {
        this.sealed = sealed;
        this.gateway = gateway;
        this.sessions = sessions;
        this.limits = limits;
        this.executor = executor;
        this.maxQueuedFrames = gateway.config().executors().maxQueuedFramesPerSocket();
    }

    /** After the handshake (event loop): this socket becomes the executor's session and every pending command is pushed on it. */
    void opened(final Channel channel)
    {
        this.channel = channel;
        sessions.open(executor.executorIndex(), this);
        if (!gateway.publisher().publish(CommandType.EXECUTOR_SYNC, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBSOCKET,
            new ExecutorRequests.Id(executor.executorId()), this, null))
        {
            close("the gateway is overloaded");
        }
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (frame instanceof TextWebSocketFrame)
        {
            final ByteBuf content = frame.content();
            final byte[] body = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), body);
            message(body);
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            ctx.write(new PongWebSocketFrame(frame.content().retain()));
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            ctx.writeAndFlush(new CloseWebSocketFrame()).addListener(f -> ctx.close());
        }
        // Pongs need nothing: any frame resets the idle timer.
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
    }

    private void message(final byte[] body)
    {
        if (!gateway.isReady())
        {
            error(ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), 0);
            return;
        }
        try
        {
            final String type = messageType(body);
            final CommandType command;
            final ExecutorRateLimits.Kind kind;
            final RequestBody request;
            if ("heartbeat".equals(type))
            {
                command = CommandType.EXECUTOR_HEARTBEAT;
                kind = ExecutorRateLimits.Kind.HEARTBEAT;
                request = Heartbeat.parse(executor.executorId(), reader, body, body.length);
            }
            else if ("command_result".equals(type))
            {
                command = CommandType.COMMAND_RESULT;
                kind = ExecutorRateLimits.Kind.COMMAND;
                request = CommandResult.parse(executor.executorId(), reader, body, body.length);
            }
            else if ("trade".equals(type))
            {
                command = CommandType.TRADE_REPORT;
                kind = ExecutorRateLimits.Kind.TRADE;
                final TradeReport trade = TradeReport.parse(reader, body, body.length);
                if (!trade.executorId().equals(executor.executorId()))
                {
                    error(ResultCode.INVALID_CREDENTIALS.name(), "Invalid API credentials", 0);
                    return;
                }
                request = trade;
            }
            else
            {
                error(ResultCode.VALIDATION_ERROR.name(), "type must be heartbeat, command_result or trade", 0);
                return;
            }
            final int retryAfter = limits.acquire(executor.executorId(), kind, System.nanoTime());
            if (retryAfter != ExecutorRateLimits.ALLOWED)
            {
                error(ResultCode.RATE_LIMIT_EXCEEDED.name(), "Rate limit exceeded", retryAfter);
                return;
            }
            if (!gateway.publisher().publish(command, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBSOCKET, request, this, null))
            {
                error(ResultCode.OVERLOADED.name(), ResultCode.OVERLOADED.defaultMessage(), 0);
            }
        }
        catch (final BadRequest bad)
        {
            error(bad.code().name(), bad.getMessage(), 0);
        }
    }

    /** The {@code type} of a message, read through the whole message (so one that is not JSON is refused as such). */
    private String messageType(final byte[] body) throws BadRequest
    {
        reader.begin(body, body.length, false);
        String type = null;
        while (reader.nextField())
        {
            if (type == null && reader.fieldName().equals("type"))
            {
                type = reader.scalarText();
            }
            reader.ignore();
        }
        reader.finish();
        return type;
    }

    /** The engine's answer to one of this socket's messages. Reply thread. */
    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        if (event.type == CommandType.EXECUTOR_SYNC)
        {
            return;  // its commands went out through the outbox
        }
        final JsonWriter json = replyJson.wrap(replyBuffer, 0);
        if (event.result == null || event.type == null)
        {
            socketError(json, "INTERNAL_ERROR", "the command was not applied", 0);
        }
        else if (!event.result.isSuccess())
        {
            socketError(json, event.result.name(), SeedErrors.FORMAT.message(event.result, event.resultMessage), 0);
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

    /**
     * Pushes one command (seed 000's pending command object). Reply thread.
     *
     * @return true when the frame was handed to the channel
     */
    boolean push(final DirectBuffer json, final int offset, final int length, final ChannelFlushes flushes)
    {
        return send(json, offset, length, flushes);
    }

    /** An error message on the event loop: seed 000's error body with a type (and retryAfter for 429s). */
    private void error(final String code, final String message, final int retryAfter)
    {
        final JsonWriter json = loopJson.wrap(loopBuffer, 0);
        socketError(json, code, message, retryAfter);
        send(loopBuffer, 0, json.length(), null);
    }

    private static void socketError(final JsonWriter json, final String code, final String message, final int retryAfter)
    {
        json.startObject().name("type").string("error").name("error").string(message).name("code").string(code);
        if (retryAfter > 0)
        {
            json.name("retryAfter").number(retryAfter);
        }
        json.endObject();
    }

    /** Writes a text frame, unflushed: flushed at the reply batch's end ({@code flushes}) or, on the event loop, when the read ends. */
    private boolean send(final DirectBuffer json, final int offset, final int length, final ChannelFlushes flushes)
    {
        final Channel ch = channel;
        if (ch == null || !ch.isActive())
        {
            return false;
        }
        if (queued.incrementAndGet() > maxQueuedFrames)
        {
            close("more than " + maxQueuedFrames + " frames queued: the executor reads too slowly");
            return false;
        }
        final ByteBuf content = ch.alloc().buffer(length);
        content.writeBytes(json.byteArray(), offset, length);
        ch.write(new TextWebSocketFrame(content)).addListener(f -> queued.decrementAndGet());
        if (flushes != null)
        {
            flushes.later(ch);
        }
        return true;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent)
        {
            if (((IdleStateEvent)event).state() == IdleState.READER_IDLE)
            {
                close("no frame (not even a pong) within socket_idle_timeout_seconds");
            }
            else
            {
                ctx.writeAndFlush(new PingWebSocketFrame());
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

    void close(final String why)
    {
        final Channel ch = channel;
        if (ch != null && ch.isActive())
        {
            LOG.info(() -> "closing the WebSocket of executor " + executor.executorId() + ": " + why);
            ch.writeAndFlush(new CloseWebSocketFrame(1008, "closed by gateway")).addListener(f -> ch.close());
            ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS);  // in case the write is stuck
        }
    }
}
