package io.ordergate.exchange.client;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLEngine;
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
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A user-data stream's WebSocket, on Netty's client. Not the JDK's {@code java.net.http} one: that client (17.0.15 and
 * 25.0.3 alike) can misread the frame that crosses the end of its first 16 KB read buffer when frames arrive with or
 * right after the handshake's 101 answer (about one connection in 150 under CPU contention: "Invalid UTF-8 in frame
 * TEXT", or altered text that still parses), so an exchange sending more than 16 KB at once after the handshake could
 * have a fill misread. Netty's decoder reads frames from the byte stream as it comes and checks UTF-8; a frame it cannot
 * read ends the socket, whose reconnect reconciles.
 *
 * <p>{@link Events} are called on the socket's I/O thread, one message at a time, as the JDK's listener was.
 */
final class StreamSocket
{
    /** An exchange's event is a few KB; far more is no event, and is refused (1009) rather than buffered. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    private static final int MAX_HANDSHAKE_ANSWER_BYTES = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    private static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** The streams' one I/O thread (daemon): a few accounts' sockets, each saying little. */
    private static final EventLoopGroup IO = new NioEventLoopGroup(1, new DefaultThreadFactory("og-user-stream-io", true));

    /** What the socket tells its stream; called on the I/O thread. */
    interface Events
    {
        /** The socket said something: a message, a ping or a pong. */
        void heard();

        void text(StreamSocket socket, String text);

        /** The socket is over: closed by either side, failed, or never opened. */
        void over();
    }

    private final Channel channel;

    private StreamSocket(final Channel channel)
    {
        this.channel = channel;
    }

    /** Connects and completes the handshake; the future fails if either does (and {@link Events#over} is not called then). */
    static CompletableFuture<StreamSocket> open(final URI uri, final Events events)
    {
        final CompletableFuture<StreamSocket> opened = new CompletableFuture<>();
        final boolean tls = "wss".equals(uri.getScheme());
        final String host = uri.getHost();
        final int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        final SslContext ssl;
        try
        {
            ssl = tls ? SslContextBuilder.forClient().build() : null;
        }
        catch (final javax.net.ssl.SSLException ex)
        {
            return CompletableFuture.failedFuture(ex);
        }
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .maxFramePayloadLength(MAX_MESSAGE_BYTES)
            .withUTF8Validator(true)
            .handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
            .build();
        final ChannelFuture connecting = new Bootstrap()
            .group(IO)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    if (ssl != null)
                    {
                        ch.pipeline().addLast(verifyingHost(ssl.newHandler(ch.alloc(), host, port)));
                    }
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_ANSWER_BYTES))
                        .addLast(new Heard(events))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
                        .addLast(new Reader(opened, events));
                }
            })
            .connect(host, port);
        connecting.addListener(connected ->
        {
            if (!connected.isSuccess())
            {
                opened.completeExceptionally(connected.cause());
            }
        });
        return opened;
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

    CompletableFuture<Void> sendText(final String text)
    {
        return written(channel.writeAndFlush(new TextWebSocketFrame(text)));
    }

    CompletableFuture<Void> sendPing()
    {
        return written(channel.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER)));
    }

    /** Ends the connection at once, without a closing handshake. */
    void abort()
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
        private final CompletableFuture<StreamSocket> opened;
        private final Events events;
        /** Made when the reader joins its channel's pipeline, before that channel says anything. */
        private StreamSocket socket;

        Reader(final CompletableFuture<StreamSocket> opened, final Events events)
        {
            this.opened = opened;
            this.events = events;
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            socket = new StreamSocket(ctx.channel());
        }

        @Override
        public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
        {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE)
            {
                opened.complete(socket);
            }
            else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT)
            {
                opened.completeExceptionally(new IllegalStateException("the WebSocket handshake timed out"));
                ctx.close();
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
            if (!opened.completeExceptionally(new IllegalStateException("the WebSocket closed before its handshake completed")))
            {
                events.over();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            // A refused handshake, a frame that is no valid UTF-8 or too big, a reset: the socket is over either way.
            opened.completeExceptionally(cause);
            ctx.close();
        }
    }
}
