package io.ordergate.exchange.okx;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import io.ordergate.exchange.client.Hmac;

/**
 * OKX's private WebSocket ({@code /ws/v5/private}) as a fixture on loopback (Netty): a login message checked as OKX
 * documents it (key, passphrase, a timestamp in seconds within 30 s, {@code sign} = base64 HMAC-SHA256 of timestamp +
 * GET + /users/self/verify), answered {@code {"event":"login","code":"0"}} or an error event {@code 60009}; subscriptions
 * acknowledged; {@code ping} answered {@code pong}; and pushes a test sends to every logged-in, subscribed socket.
 * Nothing is pushed to a socket before its login. Thread safe.
 */
final class OkxPrivateSocket implements AutoCloseable
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final String secret;
    private final String passphrase;
    private final EventLoopGroup loops = new NioEventLoopGroup(1);
    private final Channel server;
    private final Set<Channel> subscribed = ConcurrentHashMap.newKeySet();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger refusedLogins = new AtomicInteger();
    final AtomicInteger refusedSubscriptions = new AtomicInteger();
    /** Sockets connected, and sockets since ended (by either side). */
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger ended = new AtomicInteger();
    /** When set, a subscribe is answered OKX's 60018 error instead of being acknowledged. */
    volatile boolean refuseSubscriptions;

    OkxPrivateSocket(final String key, final String secret, final String passphrase) throws InterruptedException
    {
        this.key = key;
        this.secret = secret;
        this.passphrase = passphrase;
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class).childHandler(new ChannelInitializer<SocketChannel>()
        {
            @Override
            protected void initChannel(final SocketChannel channel)
            {
                channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                    new WebSocketServerProtocolHandler("/ws/v5/private"), new Session());
            }
        }).bind("127.0.0.1", 0).sync().channel();
    }

    URI url()
    {
        return URI.create("ws://127.0.0.1:" + ((InetSocketAddress)server.localAddress()).getPort());
    }

    /** Sends a push (an {@code orders} or {@code account} message) to every subscribed socket; how many got it. */
    int push(final String text)
    {
        subscribed.forEach(channel -> channel.writeAndFlush(new TextWebSocketFrame(text)));
        return subscribed.size();
    }

    /** Closes every socket, as a network fault would. */
    void dropAll()
    {
        subscribed.forEach(Channel::close);
        subscribed.clear();
    }

    int subscribers()
    {
        return subscribed.size();
    }

    private final class Session extends SimpleChannelInboundHandler<TextWebSocketFrame>
    {
        private boolean loggedIn;

        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            opened.incrementAndGet();
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            ended.incrementAndGet();
            super.channelInactive(ctx);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame frame) throws Exception
        {
            final String text = frame.text();
            if ("ping".equals(text))
            {
                ctx.writeAndFlush(new TextWebSocketFrame("pong"));
                return;
            }
            final JsonNode message = JSON.readTree(text);
            final JsonNode args = message.path("args").path(0);
            switch (message.path("op").asText())
            {
                case "login":
                    loggedIn = valid(args);
                    (loggedIn ? logins : refusedLogins).incrementAndGet();
                    ctx.writeAndFlush(new TextWebSocketFrame(loggedIn ? "{\"event\":\"login\",\"code\":\"0\",\"msg\":\"\",\"connId\":\"a4d3ae55\"}"
                        : "{\"event\":\"error\",\"code\":\"60009\",\"msg\":\"Login failed.\",\"connId\":\"a4d3ae55\"}"));
                    break;
                case "subscribe":
                    if (!loggedIn)
                    {
                        ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"error\",\"code\":\"60011\",\"msg\":\"Please log in\"}"));
                        return;
                    }
                    if (refuseSubscriptions)
                    {
                        refusedSubscriptions.incrementAndGet();
                        ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"Wrong URL or channel\"}"));
                        return;
                    }
                    subscribed.add(ctx.channel());  // on before it is acknowledged, as at the exchange
                    ctx.channel().closeFuture().addListener(f -> subscribed.remove(ctx.channel()));
                    for (final JsonNode arg : message.path("args"))
                    {
                        ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"subscribe\",\"arg\":" + arg + ",\"connId\":\"a4d3ae55\"}"));
                    }
                    break;
                default:
                    ctx.writeAndFlush(new TextWebSocketFrame("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request\"}"));
            }
        }

        private boolean valid(final JsonNode args)
        {
            final String timestamp = args.path("timestamp").asText();
            if (!key.equals(args.path("apiKey").asText()) || !passphrase.equals(args.path("passphrase").asText()) || timestamp.isEmpty()
                || Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1_000) > 30)
            {
                return false;
            }
            final byte[] expected = Hmac.sha256Base64(secret, timestamp + "GET" + "/users/self/verify").getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, args.path("sign").asText().getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Override
    public void close()
    {
        server.close().awaitUninterruptibly();
        loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
