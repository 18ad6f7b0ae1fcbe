package io.ordergate.simulators.mt5;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
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
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;

/**
 * The simulated terminal's WebSocket to the gateway, on Netty's client. Not the JDK's {@code java.net.http} one: that
 * client (17.0.15 and 25.0.3 alike) can misread the frame that crosses the end of its first 16 KB read buffer when
 * frames arrive with or right after the handshake's 101 answer, and the gateway pushes a backlog page of up to 64 KB
 * exactly then; about one connection in 150 under CPU contention got "Invalid UTF-8 in frame TEXT" or, worse, altered
 * text that still parsed, so a command could be misread on a reconnect. Netty's decoder reads frames from the byte
 * stream as it comes and checks UTF-8: a broken frame closes the socket (the terminal reconnects and is sent it again)
 * instead of being taken.
 *
 * <p>Every whole text message and the end of the socket go to {@link Events} on the I/O thread; the terminal hands
 * them to its own thread, as it did with the JDK client's listener.
 */
final class TerminalSocket
{
    private static final Logger LOG = Logger.getLogger(TerminalSocket.class.getName());
    /** A message the gateway sends is at most a 64 KB backlog page; far more than that is no message of its, so it is refused (1009). */
    static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final int MAX_HANDSHAKE_ANSWER_BYTES = 64 * 1024;

    /** What the socket tells its terminal; called on the I/O thread. */
    interface Events
    {
        void text(TerminalSocket socket, String text);

        /** The socket is over (closed by either side, or broken); called once, and only for a socket that was opened. */
        void closed(TerminalSocket socket);
    }

    private final Channel channel;

    private TerminalSocket(final Channel channel)
    {
        this.channel = channel;
    }

    /**
     * Connects and completes the WebSocket handshake, waiting at most {@code timeoutMillis} in all.
     *
     * @throws Exception the connection or the handshake failed or timed out (the channel is closed then)
     */
    static TerminalSocket open(final EventLoopGroup group, final URI uri, final Map<String, String> headers, final long timeoutMillis,
        final Events events) throws Exception
    {
        final boolean tls = "wss".equals(uri.getScheme());
        final String host = uri.getHost();
        final int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        final HttpHeaders handshakeHeaders = new DefaultHttpHeaders();
        headers.forEach(handshakeHeaders::set);
        final WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .customHeaders(handshakeHeaders)
            .maxFramePayloadLength(MAX_MESSAGE_BYTES)
            .withUTF8Validator(true)
            .handshakeTimeoutMillis(timeoutMillis)
            .build();
        final CompletableFuture<TerminalSocket> opened = new CompletableFuture<>();
        final Channel channel = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.min(Integer.MAX_VALUE, timeoutMillis))
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch) throws Exception
                {
                    if (tls)
                    {
                        ch.pipeline().addLast(verifyingHost(SslContextBuilder.forClient().build().newHandler(ch.alloc(), host, port)));
                    }
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_HANDSHAKE_ANSWER_BYTES))
                        .addLast(new WebSocketClientProtocolHandler(config))
                        .addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
                        .addLast(new Reader(opened, events));
                }
            })
            .connect(host, port)
            .addListener(connected ->
            {
                if (!connected.isSuccess())
                {
                    opened.completeExceptionally(connected.cause());  // refused: say so now, not at the timeout
                }
            })
            .channel();
        try
        {
            return opened.get(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            channel.close();
            throw ex;
        }
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

    /** Sends one text message, waiting at most {@code timeoutSeconds} for it to be written. */
    void send(final String text, final long timeoutSeconds) throws Exception
    {
        channel.writeAndFlush(new TextWebSocketFrame(text)).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Ends the connection at once, without a closing handshake. */
    void abort()
    {
        channel.close();
    }

    /** Hands whole messages on; completes the open when the handshake does, fails it when the socket ends first. */
    private static final class Reader extends SimpleChannelInboundHandler<TextWebSocketFrame>
    {
        private final CompletableFuture<TerminalSocket> opened;
        private final Events events;
        /** Made when the reader joins its channel's pipeline, before that channel says anything. */
        private TerminalSocket socket;

        Reader(final CompletableFuture<TerminalSocket> opened, final Events events)
        {
            this.opened = opened;
            this.events = events;
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            socket = new TerminalSocket(ctx.channel());
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
                events.closed(socket);
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            // A refused handshake (401, 404), a frame that is no valid UTF-8 or too big, a reset: the socket is over either way.
            LOG.fine(() -> "terminal WebSocket failed: " + cause);
            opened.completeExceptionally(cause);
            ctx.close();
        }
    }
}
