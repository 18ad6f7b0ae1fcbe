package io.ordergate.gateway.http;

import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;

import io.ordergate.config.ServerConfig;

/**
 * Which Netty transport the listener runs on: the native epoll transport where it loads ({@code server.transport:
 * auto} on Linux with Netty's native library on the class path), the JDK's NIO selector otherwise or when the
 * configuration asks for it ({@code server.transport: nio}). Immutable.
 */
enum NettyTransport
{
    EPOLL
    {
        @Override
        EventLoopGroup group(final int threads, final ThreadFactory factory)
        {
            return new EpollEventLoopGroup(threads, factory);
        }

        @Override
        Class<? extends ServerChannel> serverChannel()
        {
            return EpollServerSocketChannel.class;
        }
    },
    NIO
    {
        @Override
        EventLoopGroup group(final int threads, final ThreadFactory factory)
        {
            return new NioEventLoopGroup(threads, factory);
        }

        @Override
        Class<? extends ServerChannel> serverChannel()
        {
            return DirectReplyChannel.class;  // NIO's own, with each connection's socket reachable by its reply hand-off
        }
    };

    private static final Logger LOG = Logger.getLogger(NettyTransport.class.getName());

    abstract EventLoopGroup group(int threads, ThreadFactory factory);

    abstract Class<? extends ServerChannel> serverChannel();

    /** The transport for {@code server.transport}; says in the log why epoll was not taken when it was allowed. */
    static NettyTransport chosen(final String configured)
    {
        if (ServerConfig.TRANSPORT_NIO.equals(configured))
        {
            return NIO;
        }
        if (Epoll.isAvailable())
        {
            return EPOLL;
        }
        LOG.info(() -> "HTTP transport: NIO (native epoll unavailable: " + Epoll.unavailabilityCause() + ")");
        return NIO;
    }
}
