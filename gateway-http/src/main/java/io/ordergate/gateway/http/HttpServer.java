package io.ordergate.gateway.http;

import java.net.InetSocketAddress;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;

import io.ordergate.config.ServerConfig;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Router;

/**
 * The Netty HTTP listener: binds at once, so /health answers (503) while the journal replays. Start and close from
 * the start-up thread. Threads: og-http-boss accepts, og-http-worker-N serve the connections, og-stream-N the stream
 * sockets once upgraded ({@code streams.event_loop_threads}), on the transport {@code server.transport} picks
 * ({@link NettyTransport}: by default NIO, whose sockets the reply thread writes answers to itself).
 */
public final class HttpServer implements AutoCloseable
{
    private static final int QUIET_PERIOD_MILLIS = 0;
    private static final int SHUTDOWN_TIMEOUT_MILLIS = 2000;

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    /** The stream sockets' loops, or null when they stay on the workers ({@code streams.event_loop_threads} 0). */
    private final EventLoopGroup streams;
    private final Channel serverChannel;

    private HttpServer(final EventLoopGroup boss, final EventLoopGroup workers, final EventLoopGroup streams, final Channel serverChannel)
    {
        this.boss = boss;
        this.workers = workers;
        this.streams = streams;
        this.serverChannel = serverChannel;
    }

    /** Binds {@code server.host():server.port()} (0: any free port) and starts serving the router's table. */
    public static HttpServer bind(final ServerConfig server, final Router router, final GatewayContext gateway) throws InterruptedException
    {
        final NettyTransport transport = NettyTransport.chosen(server.transport(), server.directReplies());
        final EventLoopGroup boss = transport.group(1, threads("og-http-boss", false));
        final EventLoopGroup workers = transport.group(server.eventLoopThreads(), threads("og-http-worker-", true));
        final int streamThreads = gateway.config().streams().eventLoopThreads();
        final EventLoopGroup streams = streamThreads == 0 ? null : transport.group(streamThreads, threads("og-stream-", true));
        gateway.webSocketLoops().attach(streams);
        try
        {
            final Channel channel = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new HttpChannelInitializer(router, gateway, server))
                .bind(server.host(), server.port())
                .sync()
                .channel();
            return new HttpServer(boss, workers, streams, channel);
        }
        catch (final InterruptedException | RuntimeException ex)
        {
            boss.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            workers.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            if (streams != null)
            {
                streams.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            }
            throw ex;
        }
    }

    /** The port actually bound. */
    public int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    /** Whether the listener runs on Netty's native epoll transport ({@code server.transport}), not NIO. */
    public boolean onNativeEpoll()
    {
        return serverChannel instanceof EpollServerSocketChannel;
    }

    /** Stops accepting connections; open ones stay until {@link #close()}. */
    public void stopAccepting()
    {
        serverChannel.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS);
    }

    /** Closes every connection and stops the event loops, waiting a bounded time. */
    @Override
    public void close()
    {
        stopAccepting();
        workers.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2L);
        if (streams != null)
        {
            streams.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2L);
        }
        boss.shutdownGracefully(QUIET_PERIOD_MILLIS, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS * 2L);
    }

    private static ThreadFactory threads(final String name, final boolean numbered)
    {
        final AtomicInteger next = new AtomicInteger();
        return runnable ->
        {
            final Thread thread = new FastThreadLocalThread(runnable, numbered ? name + next.incrementAndGet() : name);
            thread.setDaemon(false);  // the event loops keep the process alive after main returns
            return thread;
        };
    }
}
