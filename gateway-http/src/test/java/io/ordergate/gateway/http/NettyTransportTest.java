package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import io.ordergate.config.ServerConfig;

/** {@code server.transport}: epoll exactly when it loads and is allowed, NIO when asked for or when epoll cannot load. */
class NettyTransportTest
{
    @Test
    void shouldRunOnNioWhenTheConfigurationAsksForIt()
    {
        assertEquals(NettyTransport.NIO, NettyTransport.chosen(ServerConfig.TRANSPORT_NIO));
    }

    @Test
    void shouldTakeEpollInAutoExactlyWhenItsNativeLibraryLoads()
    {
        final NettyTransport auto = NettyTransport.chosen(ServerConfig.TRANSPORT_AUTO);
        assertEquals(Epoll.isAvailable() ? NettyTransport.EPOLL : NettyTransport.NIO, auto,
            () -> "epoll unavailable because: " + Epoll.unavailabilityCause());
        final EventLoopGroup group = auto.group(1, Thread::new);
        try
        {
            assertTrue(auto == NettyTransport.EPOLL ? group instanceof EpollEventLoopGroup : group instanceof NioEventLoopGroup);
        }
        finally
        {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
