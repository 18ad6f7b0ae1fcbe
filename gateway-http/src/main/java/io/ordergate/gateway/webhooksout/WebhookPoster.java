package io.ordergate.gateway.webhooksout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;

import io.ordergate.gateway.core.DaemonThreads;

/**
 * Posts one delivery to the addresses its host was checked at ({@link HostResolver}), in turn, never looking the host up again:
 * a name that resolved to a public address for the check cannot send the connection into the gateway's own network
 * by answering differently a moment later (DNS rebinding), and no lookup without a bound holds a thread here. For
 * {@code https} the TLS handshake still names the URL's host (SNI) and checks the certificate against it (endpoint
 * identification {@code HTTPS}), so connecting by address loses nothing of the host's verification.
 *
 * <p>One HTTP/1.1 request per connection ({@code Connection: close}); the final answer's status line and headers are all
 * that is read (interim 1xx answers before it are skipped). The whole attempt (connect, handshake, answer) has one
 * deadline. Thread safe; its I/O runs on one thread of its own ({@code og-webhook-io}).
 */
final class WebhookPoster implements AutoCloseable
{
    /** A receiver's answer: its status and its {@code Retry-After}, if any. */
    record Answer(int status, String retryAfter)
    {
    }

    private final EventLoopGroup io = new NioEventLoopGroup(1, DaemonThreads.named("og-webhook-io"));
    private final SslContext tls;

    /** Trusting the JDK's certificate authorities. */
    WebhookPoster()
    {
        this(SslContextBuilder.forClient());
    }

    /** Trusting what {@code tls} trusts (a test's own authority). */
    WebhookPoster(final SslContextBuilder tls)
    {
        try
        {
            this.tls = tls.build();
        }
        catch (final SSLException ex)
        {
            io.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("the webhooks' TLS client could not be made", ex);
        }
    }

    /**
     * POSTs {@code body} to {@code url}, connecting to {@code addresses} in turn: a refused or timed-out connect moves on
     * to the next address (each has an equal share of the time left), anything after a connect does not, since the
     * receiver may have taken the request. Completes with the answer, or exceptionally: a {@link TimeoutException} when
     * none came within {@code timeoutSeconds}, else why the exchange failed (the last address's reason).
     */
    CompletableFuture<Answer> post(final URI url, final List<InetAddress> addresses, final Map<String, String> headers, final byte[] body,
        final long timeoutSeconds)
    {
        final boolean https = "https".equalsIgnoreCase(url.getScheme());
        final String host = url.getHost();
        final int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        final CompletableFuture<Answer> answer = new CompletableFuture<>();
        final Bootstrap bootstrap = new Bootstrap().group(io).channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    if (https)
                    {
                        channel.pipeline().addLast("tls", verifyingHost(channel, host, port));
                    }
                    channel.pipeline().addLast("http", new HttpClientCodec()).addLast("answer", new AnswerReader(answer));
                }
            });
        final long deadlineNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        final AtomicReference<Channel> current = new AtomicReference<>();
        final var deadline = io.schedule(() -> answer.completeExceptionally(new TimeoutException("no answer within " + timeoutSeconds + " s")),
            timeoutSeconds, TimeUnit.SECONDS);
        answer.whenComplete((done, failure) ->
        {
            deadline.cancel(false);
            final Channel channel = current.get();
            if (channel != null)
            {
                channel.close();
            }
        });
        connect(bootstrap, addresses, 0, port, deadlineNanos, current, answer,
            () -> request(url, host, port, https, headers, body));
        return answer;
    }

    /** Connects to {@code addresses[index]}, and on failure to the next one while time and addresses are left. */
    private static void connect(final Bootstrap bootstrap, final List<InetAddress> addresses, final int index, final int port,
        final long deadlineNanos, final AtomicReference<Channel> current, final CompletableFuture<Answer> answer,
        final Supplier<FullHttpRequest> request)
    {
        final long shareMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) / (addresses.size() - index);
        final ChannelFuture connecting = bootstrap.clone()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)Math.max(1, Math.min(Integer.MAX_VALUE, shareMillis)))
            .connect(new InetSocketAddress(addresses.get(index), port));
        current.set(connecting.channel());
        if (answer.isDone())
        {
            connecting.channel().close();  // timed out meanwhile: its whenComplete may have closed the previous channel only
            return;
        }
        connecting.addListener((ChannelFutureListener)connected ->
        {
            if (!connected.isSuccess())
            {
                if (index + 1 < addresses.size() && !answer.isDone())
                {
                    connect(bootstrap, addresses, index + 1, port, deadlineNanos, current, answer, request);
                }
                else
                {
                    answer.completeExceptionally(connected.cause());
                }
                return;
            }
            connected.channel().writeAndFlush(request.get()).addListener((ChannelFutureListener)written ->
            {
                if (!written.isSuccess())
                {
                    answer.completeExceptionally(written.cause());
                }
            });
        });
    }

    private SslHandler verifyingHost(final SocketChannel channel, final String host, final int port)
    {
        final SslHandler handler = tls.newHandler(channel.alloc(), host, port);  // the peer's host: SNI names it
        final SSLEngine engine = handler.engine();
        final SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");  // the certificate must be the URL host's, not the address's
        engine.setSSLParameters(parameters);
        return handler;
    }

    private static FullHttpRequest request(final URI url, final String host, final int port, final boolean https,
        final Map<String, String> headers, final byte[] body)
    {
        final String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        final String target = url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
        final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target, Unpooled.wrappedBuffer(body));
        final boolean defaultPort = port == (https ? 443 : 80);
        final String hostHeader = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        request.headers().set(HttpHeaderNames.HOST, defaultPort ? hostHeader : hostHeader + ":" + port);
        request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        request.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach(request.headers()::set);
        return request;
    }

    /** Takes the final answer's status and Retry-After from its head; the rest is not read. */
    private static final class AnswerReader extends SimpleChannelInboundHandler<HttpObject>
    {
        private final CompletableFuture<Answer> answer;

        AnswerReader(final CompletableFuture<Answer> answer)
        {
            super(false);
            this.answer = answer;
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final HttpObject message)
        {
            try
            {
                if (message.decoderResult().isFailure())
                {
                    answer.completeExceptionally(message.decoderResult().cause());
                }
                else if (message instanceof HttpResponse && !interim(((HttpResponse)message).status().code()))
                {
                    final HttpResponse response = (HttpResponse)message;
                    answer.complete(new Answer(response.status().code(), response.headers().get(HttpHeaderNames.RETRY_AFTER)));
                }
            }
            finally
            {
                ReferenceCountUtil.release(message);
            }
        }

        /**
         * An interim answer (100 Continue, 103 Early Hints ...) comes before the final one and says nothing of the
         * delivery: the final answer is read after it. 101 is final here: no upgrade was asked for.
         */
        private static boolean interim(final int status)
        {
            return status >= 100 && status < 200 && status != 101;
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            answer.completeExceptionally(new IOException("the receiver closed the connection before answering"));
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            answer.completeExceptionally(cause);
            ctx.close();
        }
    }

    @Override
    public void close()
    {
        io.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
