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
 * Which Netty transport the listener runs on ({@code server.transport}): {@code nio}, the JDK's selector;
 * {@code epoll}, Netty's native epoll transport (its linux-x86_64 library ships in the jar), or no start where it does
 * not load; {@code auto}, NIO while {@code server.direct_replies} is on and epoll (where it loads) when it is off. Why
 * auto prefers NIO: with direct replies the reply thread writes answers and executor frames to the JDK socket
 * itself, which the JDK makes safe against a close on the event loop; epoll's channels give no such guarantee (a
 * descriptor closed mid-write can be reused by the next connection), so on epoll every write is the event loop's, and
 * that measured slower at 20,000 orders/s (docs/PERFORMANCE.md, "Transport"). Immutable.
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

    /**
     * The transport for {@code server.transport} and {@code server.direct_replies}; logs which one and why once.
     *
     * @throws IllegalStateException {@code epoll} asked for where its native library does not load (the cause says why)
     */
    static NettyTransport chosen(final String configured, final boolean directReplies)
    {
        if (ServerConfig.TRANSPORT_NIO.equals(configured))
        {
            LOG.info("HTTP transport: NIO (server.transport: nio)");
            return NIO;
        }
        if (ServerConfig.TRANSPORT_EPOLL.equals(configured))
        {
            if (!Epoll.isAvailable())
            {
                throw new IllegalStateException("server.transport is epoll but Netty's native epoll transport does not load here: " +
                    Epoll.unavailabilityCause(), Epoll.unavailabilityCause());
            }
            LOG.info("HTTP transport: native epoll (server.transport: epoll; every write on the event loops)");
            return EPOLL;
        }
        if (directReplies)
        {
            LOG.info("HTTP transport: NIO (server.transport: auto with server.direct_replies: the reply thread writes to NIO sockets itself)");
            return NIO;
        }
        if (Epoll.isAvailable())
        {
            LOG.info("HTTP transport: native epoll (server.transport: auto without direct replies)");
            return EPOLL;
        }
        LOG.info(() -> "HTTP transport: NIO (native epoll unavailable: " + Epoll.unavailabilityCause() + ")");
        return NIO;
    }
}
