package io.ordergate.benchmarks.loadgen;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One simulated MT5 executor on the gateway's executor WebSocket ({@code GET /api/executor/{id}/stream},
 * docs/executors.md), on the load generator's own event loop, so a frame and an HTTP answer for the same order are
 * handled by the same thread and never race.
 *
 * <pre>
 *   gateway ──{"id":"ord_42","command":"OPEN_POSITION",...,"orderId":"42",...}──►  arrival time → client.frameArrived(42, t)
 *   gateway ◄──{"type":"command_result","commandId":"ord_42","status":"executed",...}──  at once, same read
 *   gateway ◄──{"type":"trade","executorId":...,"ticket":T,"closePrice":P,...,"profit":0}──  closes what it opened
 *   every 20 s ──{"type":"heartbeat",...}──►  (keeps the executor online; answers are read and ignored)
 * </pre>
 *
 * It answers every command it is sent with an {@code executed} result at once (ticket = a counter, price = the
 * quote taken at set-up, lots = the command's), so orders settle and nothing piles up in the gateway; right after an
 * OPEN_POSITION's result it reports that ticket closed (profit 0), so the account holds no open tickets: the
 * gateway values an MT5 account by walking its open tickets for every order, and 50,000 positions left open by a
 * run would make each order's margin check slower and slower, which no real account does. A command
 * re-delivered is answered again (the gateway treats the repeat as a no-op); it is timed only the first time.
 * {@code {"type":"error"}} frames (rate limits, refusals) are counted. <b>Not thread safe</b>: event loop only.
 */
final class SimulatedExecutor extends SimpleChannelInboundHandler<TextWebSocketFrame>
{
    /** What the executor tells its owner; called on the event loop. */
    interface Listener
    {
        void frameArrived(long orderId, long arrivalNanos);

        void executorError(String executorId, String frame);
    }

    private static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final ExecutorSetup.Executor executor;
    private final Listener listener;
    private final byte[] price;
    private final ExecutorMessages.Command command = new ExecutorMessages.Command();
    private final byte[] executorIdBytes;
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private long nextTicket;
    private final long ticketStep;
    private long commands;
    private long errors;
    private Channel channel;
    private ScheduledFuture<?> heartbeats;

    /** Tickets are firstTicket, firstTicket + ticketStep, …: N executors with steps of N never share one. */
    SimulatedExecutor(final ExecutorSetup.Executor executor, final byte[] price, final long firstTicket, final long ticketStep,
        final Listener listener)
    {
        this.executor = executor;
        this.executorIdBytes = ExecutorMessages.ascii(executor.executorId());
        this.price = price;
        this.nextTicket = firstTicket;
        this.ticketStep = ticketStep;
        this.listener = listener;
    }

    /** Connects, completes the WebSocket handshake and sends the first heartbeat; the future completes after that. */
    CompletableFuture<Void> connect(final EventLoopGroup group, final String host, final int port)
    {
        final URI uri = URI.create("ws://" + host + ":" + port + "/api/executor/" + executor.executorId() + "/stream");
        final HttpHeaders headers = new DefaultHttpHeaders()
            .set("X-API-Key", executor.apiKey())
            .set("X-API-Secret", executor.apiSecret());
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .customHeaders(headers)
            .maxFramePayloadLength(MAX_FRAME_BYTES)
            .handshakeTimeoutMillis(5_000)
            .build();
        final SimulatedExecutor self = this;
        new Bootstrap()
            .group(group)
            .channel(LoadTransport.socketChannel(group))
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(65_536))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                        .addLast(self);
                }
            })
            .connect(host, port)
            .addListener(f ->
            {
                if (!f.isSuccess())
                {
                    handshake.completeExceptionally(f.cause());
                }
            });
        return handshake;
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
        {
            channel = ctx.channel();
            heartbeat();
            heartbeats = ctx.executor().scheduleAtFixedRate(this::heartbeat, ExecutorMessages.HEARTBEAT_SECONDS,
                ExecutorMessages.HEARTBEAT_SECONDS, TimeUnit.SECONDS);
            handshake.complete(null);
        }
        else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
        {
            handshake.completeExceptionally(new IllegalStateException("WebSocket handshake timed out for executor " + executor.executorId()));
        }
        super.userEventTriggered(ctx, event);
    }

    private void heartbeat()
    {
        final Channel ch = channel;
        if (ch != null && ch.isActive())
        {
            ch.writeAndFlush(new TextWebSocketFrame(ExecutorMessages.HEARTBEAT));
        }
    }

    @Override
    protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame)
    {
        final long arrival = System.nanoTime();
        final ByteBuf content = frame.content();
        if (ExecutorMessages.parseCommand(content, command))
        {
            commands++;
            if (command.openPosition && command.orderId != 0)
            {
                listener.frameArrived(command.orderId, arrival);
            }
            final ByteBuf out = ctx.alloc().buffer(256);
            ExecutorMessages.writeResult(out, content, command, nextTicket, price);
            ctx.write(new TextWebSocketFrame(out), ctx.voidPromise());
            if (command.openPosition)
            {
                final ByteBuf close = ctx.alloc().buffer(160);
                ExecutorMessages.writeClose(close, executorIdBytes, nextTicket, price);
                ctx.write(new TextWebSocketFrame(close), ctx.voidPromise());
            }
            nextTicket += ticketStep;
        }
        else if (ExecutorMessages.isError(content))
        {
            errors++;
            listener.executorError(executor.executorId(), content.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (heartbeats != null)
        {
            heartbeats.cancel(false);
        }
        if (!handshake.isDone())
        {
            handshake.completeExceptionally(new IllegalStateException("the gateway closed the WebSocket of executor " +
                executor.executorId() + " before the handshake completed"));
        }
        else if (channel != null)
        {
            listener.executorError(executor.executorId(), "the gateway closed the WebSocket");
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        handshake.completeExceptionally(cause);
        ctx.close();
    }

    /** Commands received so far (all kinds, repeats included). Event loop. */
    long commands()
    {
        return commands;
    }

    long errors()
    {
        return errors;
    }

    ExecutorSetup.Executor executor()
    {
        return executor;
    }

    /** Closes the socket (after the run). */
    void close()
    {
        final Channel ch = channel;
        if (ch != null)
        {
            channel = null;
            ch.close();
        }
    }
}
