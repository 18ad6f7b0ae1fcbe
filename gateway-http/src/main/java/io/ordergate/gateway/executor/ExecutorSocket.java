package io.ordergate.gateway.executor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
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
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.ReplyTarget;
import io.ordergate.gateway.http.GatewayContext;
import io.ordergate.gateway.json.BadRequest;

/**
 * One executor's WebSocket ({@code GET /api/executor/{id}/stream}). Inbound: {@code heartbeat}, {@code command_result}
 * and {@code trade} messages, the bodies of the HTTP routes with a {@code type}, through the same ring commands
 * and rate limits. Outbound: every command the engine routes to this executor the moment it exists, the answers
 * to its messages, and pings.
 *
 * <p>Bounded: more than {@code max_queued_frames_per_socket} frames not yet written closes the socket, and so does
 * a peer silent (not even a pong) for {@code socket_idle_timeout_seconds}. Closing loses nothing: commands stay
 * pending in the engine, are in every heartbeat answer, and are pushed again when the executor reconnects.
 *
 * <p>Thread safe where it must be: inbound on the channel's event loop; {@link #push} and {@link #onReply} on the
 * reply thread (Netty queues their writes to the event loop).
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
    private volatile Channel channel;

    ExecutorSocket(final GatewayContext gateway, final ExecutorSessions sessions, final ExecutorRateLimits limits,
        final ExecutorKeys.Entry executor)
    {
        this.gateway = gateway;
        this.sessions = sessions;
        this.limits = limits;
        this.executor = executor;
        this.maxQueuedFrames = gateway.config().executors().maxQueuedFramesPerSocket();
    }

    /** After the handshake: this socket becomes the executor's session and every pending command is pushed on it. */
    void opened(final Channel channel)
    {
        this.channel = channel;
        sessions.open(executor.executorIndex(), this);
        final Pipeline pipeline = gateway.pipeline();
        if (pipeline == null || !ExecutorPublisher.publish(pipeline, CommandType.EXECUTOR_SYNC, CommandFrame.PRINCIPAL_SYSTEM,
            CommandFrame.SOURCE_WEBSOCKET, new ExecutorRequests.Id(executor.executorId()), this))
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
            message(ByteBufUtil.getBytes(content, content.readerIndex(), content.readableBytes(), false));
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            ctx.writeAndFlush(new CloseWebSocketFrame()).addListener(f -> ctx.close());
        }
        // Pongs need nothing: any frame resets the idle timer.
    }

    private void message(final byte[] body)
    {
        final Pipeline pipeline = gateway.pipeline();
        if (!gateway.isReady() || pipeline == null)
        {
            send(SeedJson.socketError(ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage()));
            return;
        }
        try
        {
            final String type = ExecutorJson.messageType(body, body.length);
            final CommandType command;
            final ExecutorRateLimits.Kind kind;
            final io.ordergate.gateway.json.RequestBody request;
            if ("heartbeat".equals(type))
            {
                command = CommandType.EXECUTOR_HEARTBEAT;
                kind = ExecutorRateLimits.Kind.HEARTBEAT;
                request = Heartbeat.parse(executor.executorId(), body, body.length);
            }
            else if ("command_result".equals(type))
            {
                command = CommandType.COMMAND_RESULT;
                kind = ExecutorRateLimits.Kind.COMMAND;
                request = CommandResult.parse(executor.executorId(), body, body.length);
            }
            else if ("trade".equals(type))
            {
                command = CommandType.TRADE_REPORT;
                kind = ExecutorRateLimits.Kind.TRADE;
                final TradeReport trade = TradeReport.parse(body, body.length);
                if (!trade.executorId().equals(executor.executorId()))
                {
                    send(SeedJson.socketError(ResultCode.INVALID_CREDENTIALS.name(), "Invalid API credentials"));
                    return;
                }
                request = trade;
            }
            else
            {
                send(SeedJson.socketError(ResultCode.VALIDATION_ERROR.name(), "type must be heartbeat, command_result or trade"));
                return;
            }
            final int retryAfter = limits.acquire(executor.executorId(), kind, System.nanoTime());
            if (retryAfter != ExecutorRateLimits.ALLOWED)
            {
                send(("{\"type\":\"error\",\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"retryAfter\":" + retryAfter + "}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            if (!ExecutorPublisher.publish(pipeline, command, CommandFrame.PRINCIPAL_SYSTEM, CommandFrame.SOURCE_WEBSOCKET, request, this))
            {
                send(SeedJson.socketError(ResultCode.OVERLOADED.name(), ResultCode.OVERLOADED.defaultMessage()));
            }
        }
        catch (final BadRequest bad)
        {
            send(SeedJson.socketError(bad.code().name(), bad.getMessage()));
        }
    }

    /** The engine's answer to one of this socket's messages. Reply thread. */
    @Override
    public void onReply(final CommandEvent event)
    {
        if (event.type == CommandType.EXECUTOR_SYNC)
        {
            return;  // its commands went out through the outbox
        }
        if (event.result == null || event.type == null)
        {
            send(SeedJson.socketError("INTERNAL_ERROR", "the command was not applied"));
        }
        else if (!event.result.isSuccess())
        {
            send(SeedJson.socketError(event.result.name(), SeedJson.seedMessage(event.result, event.resultMessage)));
        }
        else if (event.outputKind == CommandEvent.OUTPUT_JSON)
        {
            send(event.output, 0, event.outputLength);
        }
    }

    /**
     * Pushes one command (seed 000's pending command object). Reply thread.
     *
     * @return true when the frame was handed to the channel
     */
    boolean push(final DirectBuffer json, final int offset, final int length)
    {
        return send(json, offset, length);
    }

    private void send(final byte[] json)
    {
        send(new org.agrona.concurrent.UnsafeBuffer(json), 0, json.length);
    }

    private boolean send(final DirectBuffer json, final int offset, final int length)
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
        for (int i = 0; i < length; i++)
        {
            content.writeByte(json.getByte(offset + i));
        }
        ch.writeAndFlush(new TextWebSocketFrame(content)).addListener(f -> queued.decrementAndGet());
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
            ch.eventLoop().schedule(() -> ch.close(), 1, java.util.concurrent.TimeUnit.SECONDS);  // in case the write is stuck
        }
    }
}
