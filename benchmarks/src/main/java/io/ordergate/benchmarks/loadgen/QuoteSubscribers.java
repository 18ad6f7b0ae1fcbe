package io.ordergate.benchmarks.loadgen;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * {@code --quote-subscribers N}: N user WebSockets ({@code /ws/{api_key}}), each subscribed to the quotes of every
 * symbol given, open before the warm-up and through the measured phase, on an event loop of their own (not the order
 * client's), reading as fast as quotes come. They count what they receive and whether any is closed, so a run can
 * show the subscribers were served while the orders were measured. The gateway must allow that many sockets per key
 * ({@code auth.max_websockets_per_user}). Each socket pings every {@link #PING_SECONDS}, as a live client does: the
 * gateway closes a socket it hears nothing from for three times its {@code streams.ping_seconds} (60 s), and on a
 * busy machine a run with subscribers lasts longer than that. The pings are spread over that period, a few sockets
 * every {@link #PING_TICK_MILLIS}, as independent clients' are: sent all at once they reached the gateway as a herd of
 * N pings in one instant, whose N pongs held its event loop for tens of milliseconds in every run. Thread safe for
 * what it reports.
 */
final class QuoteSubscribers implements AutoCloseable
{
    /** Well inside the gateway's idle timeout (three times streams.ping_seconds: 60 s by default). */
    static final int PING_SECONDS = 15;
    private static final long PING_TICK_MILLIS = 100;
    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("loadgen-subscribers", true));
    private final List<Channel> channels = new ArrayList<>();
    private final AtomicLong quotes = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    /** The next socket to ping (event loop). */
    private int nextToPing;

    /** Opens {@code count} sockets and subscribes each to every symbol; returns once every snapshot arrived. */
    void open(final String host, final int port, final String apiKey, final String apiSecret, final int count, final List<String> symbols)
        throws InterruptedException
    {
        final List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            final Subscriber subscriber = new Subscriber(symbols);
            ready.add(subscriber.ready);
            connect(subscriber, URI.create("ws://" + host + ":" + port + "/ws/" + apiKey), host, port, apiKey, apiSecret);
        }
        for (final CompletableFuture<Void> one : ready)
        {
            try
            {
                one.get(30, TimeUnit.SECONDS);
            }
            catch (final ExecutionException | TimeoutException ex)
            {
                throw new IllegalStateException("a quote subscriber could not open and subscribe: " + ex, ex);
            }
        }
        group.scheduleAtFixedRate(this::pingSome, PING_TICK_MILLIS, PING_TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A ping on the next share of the sockets, so that each pings once per PING_SECONDS (the group's one event loop). */
    private void pingSome()
    {
        synchronized (channels)
        {
            final long perPeriod = PING_SECONDS * 1000L / PING_TICK_MILLIS;
            final int share = (int)((channels.size() + perPeriod - 1) / perPeriod);
            for (int i = 0; i < share; i++)
            {
                nextToPing = (nextToPing + 1) % channels.size();
                final Channel channel = channels.get(nextToPing);
                channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
            }
        }
    }

    /** Quote messages received since {@link #open} (or the last reset). */
    long quotes()
    {
        return quotes.get();
    }

    long resetQuotes()
    {
        return quotes.getAndSet(0);
    }

    /** Sockets the gateway closed. */
    long closed()
    {
        return closed.get();
    }

    private void connect(final Subscriber subscriber, final URI uri, final String host, final int port, final String apiKey,
        final String apiSecret)
    {
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .customHeaders(new DefaultHttpHeaders().set("X-API-Key", apiKey).set("X-API-Secret", apiSecret))
            .handshakeTimeoutMillis(10_000)
            .build();
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpClientCodec()).addLast(new HttpObjectAggregator(65_536))
                        .addLast(new WebSocketClientProtocolHandler(config)).addLast(subscriber);
                }
            })
            .connect(host, port)
            .addListener(f ->
            {
                if (!f.isSuccess())
                {
                    subscriber.ready.completeExceptionally(f.cause());
                }
            });
    }

    /** One socket: subscribes on open, counts quotes, notes a close. Event loop only. */
    private final class Subscriber extends SimpleChannelInboundHandler<WebSocketFrame>
    {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final List<String> symbols;
        private int snapshots;

        Subscriber(final List<String> symbols)
        {
            this.symbols = symbols;
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                synchronized (channels)
                {
                    channels.add(ctx.channel());
                }
                for (final String symbol : symbols)
                {
                    ctx.write(new TextWebSocketFrame("{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"" + symbol + "\"}"));
                }
                ctx.flush();
            }
            else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                ready.completeExceptionally(new TimeoutException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (!(frame instanceof TextWebSocketFrame))
            {
                return;
            }
            final String text = frame.content().toString(StandardCharsets.UTF_8);
            if (text.contains("\"type\":\"quote\""))
            {
                quotes.incrementAndGet();
            }
            else if (text.contains("\"type\":\"snapshot\"") && ++snapshots == symbols.size())
            {
                ready.complete(null);
            }
            else if (text.contains("\"type\":\"error\""))
            {
                ready.completeExceptionally(new IllegalStateException("the gateway refused a subscription: " + text));
            }
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            closed.incrementAndGet();
            ready.completeExceptionally(new IllegalStateException("closed by the gateway before subscribing"));
            super.channelInactive(ctx);
        }
    }

    @Override
    public void close()
    {
        synchronized (channels)
        {
            for (final Channel channel : channels)
            {
                channel.close();
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    }
}
