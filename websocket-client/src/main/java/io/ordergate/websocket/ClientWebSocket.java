package io.ordergate.websocket;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;

/**
 * A WebSocket client on Netty: the exchange connector's user-data streams and the simulated MT5 terminal use it. Not
 * the JDK's {@code java.net.http} one: that client (17.0.15 and 25.0.3 alike) can misread the frame that crosses the end
 * of its first 16 KB read buffer when frames arrive with or right after the handshake's 101 answer (about one connection
 * in 150 under CPU contention: "Invalid UTF-8 in frame TEXT", or altered text that still parses), and both an exchange
 * (a burst of events) and the gateway (a terminal's backlog page of up to 64 KB) send exactly then. Netty's decoder reads
 * frames from the byte stream as it comes and checks UTF-8: a frame it cannot read, or one over the message limit
 * (refused with 1009), ends the socket instead of being taken, and its user reconnects.
 *
 * <p>Thread safe. {@link Events} are called on the socket's I/O thread (one of the caller's event loop group), one
 * whole message at a time.
 */
public final class ClientWebSocket
{
    private static final Logger LOG = Logger.getLogger(ClientWebSocket.class.getName());
    /** The handshake's answer is a few headers; more is no WebSocket server. */
    private static final int MAX_HANDSHAKE_ANSWER_BYTES = 64 * 1024;
    /** See {@link #defaultTls()}. */
    private static volatile SslContext defaultTls;

    /** What a socket tells its user; called on its I/O thread. */
    public interface Events
    {
        /** The socket said something: a message, a ping (answered by Netty) or a pong. For an idle watch; none by default. */
        default void heard()
        {
            // a user that keeps no idle watch has nothing to note
        }

        void text(ClientWebSocket socket, String text);

        /** The socket is over (closed by either side, or broken); called once, and only for a socket that was opened. */
        void over(ClientWebSocket socket);
    }

    private final Channel channel;

    private ClientWebSocket(final Channel channel)
    {
        this.channel = channel;
    }

    /**
     * Connects and completes the handshake. The future fails if either does or times out, and then the channel is
     * closed and {@link Events#over} is not called; a caller that stops waiting cancels the future, which closes it too.
     * A {@code wss://} socket trusts what the JDK trusts, through one context shared by every open ({@link #defaultTls}).
     *
     * @param group                  the event loop whose thread does the socket's I/O and calls its {@code events}
     * @param uri                    {@code ws://} or {@code wss://} (the certificate must then name the host)
     * @param headers                added to the handshake request (credentials, say); empty for none
     * @param maxMessageBytes        a message (all its frames) longer than this ends the socket (1009)
     * @param connectTimeoutMillis   how long the TCP (and TLS) connection may take
     * @param handshakeTimeoutMillis how long the server may take to answer the handshake once asked
     */
    public static CompletableFuture<ClientWebSocket> open(final EventLoopGroup group, final URI uri, final Map<String, String> headers,
        final int maxMessageBytes, final int connectTimeoutMillis, final long handshakeTimeoutMillis, final Events events)
    {
        final SslContext tls;
        try
        {
            tls = "wss".equals(uri.getScheme()) ? defaultTls() : null;
        }
        catch (final SSLException ex)
        {
            return CompletableFuture.failedFuture(ex);
        }
        return open(group, uri, tls, headers, maxMessageBytes, connectTimeoutMillis, handshakeTimeoutMillis, events);
    }

    /**
     * As {@link #open(EventLoopGroup, URI, Map, int, int, long, Events)}, with a TLS context of the caller's (other trust):
     * build it once and pass it to every open, reconnects included.
     *
     * @param tls a client context for {@code wss://} (the open fails without one); unused for {@code ws://}
     */
    public static CompletableFuture<ClientWebSocket> open(final EventLoopGroup group, final URI uri, final SslContext tls,
        final Map<String, String> headers, final int maxMessageBytes, final int connectTimeoutMillis, final long handshakeTimeoutMillis,
        final Events events)
    {
        final boolean secure = "wss".equals(uri.getScheme());
        final String host = uri.getHost();
        final int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
        if (secure && tls == null)
        {
            return CompletableFuture.failedFuture(new IllegalArgumentException("a wss:// socket needs a TLS context: " + uri));
        }
        final SslContext ssl = secure ? tls : null;
        final HttpHeaders handshakeHeaders = new DefaultHttpHeaders();
        headers.forEach(handshakeHeaders::set);
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .customHeaders(handshakeHeaders)
            .maxFramePayloadLength(maxMessageBytes)
            .withUTF8Validator(true)
            .handshakeTimeoutMillis(handshakeTimeoutMillis)
            .build();
        final CompletableFuture<ClientWebSocket> opened = new CompletableFuture<>();
        final ChannelFuture connecting = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (ssl != null)
                    {
                        ch.pipeline().addLast("tls", verifyingHost(ssl.newHandler(ch.alloc(), host, port)));
                    }
                    ch.pipeline()
                        .addLast("http", new HttpClientCodec())
                        .addLast("handshake-answer", new HttpObjectAggregator(MAX_HANDSHAKE_ANSWER_BYTES))
                        .addLast("heard", new Heard(events))
                        .addLast("websocket", new WebSocketClientProtocolHandler(config))
                        .addLast("messages", new WebSocketFrameAggregator(maxMessageBytes))
                        .addLast("reader", new Reader(opened, events));
                }
            })
            .connect(host, port);
        connecting.addListener(connected ->
        {
            if (!connected.isSuccess())
            {
                opened.completeExceptionally(connected.cause());  // refused: say so now, not at a timeout
            }
        });
        opened.whenComplete((socket, failure) ->
        {
            if (failure != null)
            {
                connecting.channel().close();  // timed out, refused or given up on (cancelled): nothing may stay open
            }
        });
        return opened;
    }

    /**
     * The context of every {@code wss://} open that brings none: built on first use, then shared. Building one reads
     * the JDK's trust store and parses every certificate in it, which a stream reconnecting after each drop did every
     * time; sharing it also lets a reconnect resume its TLS session (the JDK caches sessions per context). A build
     * that fails is tried again at the next open.
     */
    static SslContext defaultTls() throws SSLException
    {
        SslContext tls = defaultTls;
        if (tls == null)
        {
            synchronized (ClientWebSocket.class)
            {
                tls = defaultTls;
                if (tls == null)
                {
                    tls = SslContextBuilder.forClient().build();
                    defaultTls = tls;
                }
            }
        }
        return tls;
    }

    /** As the JDK client does: the certificate must name the host connected to. */
    private static SslHandler verifyingHost(final SslHandler handler)
    {
        final SSLEngine engine = handler.engine();
        final SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }

    public CompletableFuture<Void> sendText(final String text)
    {
        return written(channel.writeAndFlush(new TextWebSocketFrame(text)));
    }

    public CompletableFuture<Void> sendPing()
    {
        return written(channel.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER)));
    }

    /** Ends the connection at once, without a closing handshake. */
    public void abort()
    {
        channel.close();
    }

    private static CompletableFuture<Void> written(final ChannelFuture write)
    {
        final CompletableFuture<Void> done = new CompletableFuture<>();
        write.addListener(f ->
        {
            if (f.isSuccess())
            {
                done.complete(null);
            }
            else
            {
                done.completeExceptionally(f.cause());
            }
        });
        return done;
    }

    /** Before the protocol handler, which answers pings and drops pongs itself: any frame proves the socket alive. */
    private static final class Heard extends ChannelInboundHandlerAdapter
    {
        private final Events events;

        Heard(final Events events)
        {
            this.events = events;
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object message)
        {
            events.heard();
            ctx.fireChannelRead(message);
        }
    }

    /** Hands whole messages on; completes the open when the handshake does; the end of an opened socket is its {@code over}. */
    private static final class Reader extends SimpleChannelInboundHandler<TextWebSocketFrame>
    {
        private final CompletableFuture<ClientWebSocket> opened;
        private final Events events;
        /** Made when the reader joins its channel's pipeline, before that channel says anything. */
        private ClientWebSocket socket;
        /** Whether its user was handed the socket: only then is its end the user's to hear of. */
        private boolean handedOver;

        Reader(final CompletableFuture<ClientWebSocket> opened, final Events events)
        {
            this.opened = opened;
            this.events = events;
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            socket = new ClientWebSocket(ctx.channel());
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                handedOver = opened.complete(socket);  // false: given up on (cancelled), and its channel closed
            }
            else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                opened.completeExceptionally(new IllegalStateException("the WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final TextWebSocketFrame message)
        {
            events.text(socket, message.text());
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            // A failed open is told by its future alone: a user reconnecting on both would reconnect twice, every time.
            opened.completeExceptionally(new IllegalStateException("the WebSocket closed before its handshake completed"));
            if (handedOver)
            {
                events.over(socket);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            // A refused handshake (401, 404), a frame that is no valid UTF-8 or too big, a reset: the socket is over either way.
            LOG.fine(() -> "WebSocket to " + ctx.channel().remoteAddress() + " failed: " + cause);
            opened.completeExceptionally(cause);
            ctx.close();
        }
    }
}
