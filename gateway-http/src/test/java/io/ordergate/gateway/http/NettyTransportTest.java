package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;

import io.ordergate.config.ServerConfig;

/**
 * {@code server.transport}: {@code nio} always NIO; {@code epoll} native epoll or no start; {@code auto} NIO while direct
 * replies are on (the reply thread writes to NIO sockets itself), epoll where it loads when they are off.
 */
class NettyTransportTest
{
    @Test
    void shouldShipANativeEpollLibraryThatLoadsOnLinuxX8664()
    {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "native epoll is Linux only");
        assumeTrue(System.getProperty("os.arch").equals("amd64"), "the jar ships the linux-x86_64 library only");
        assertTrue(Epoll.isAvailable(), () -> "epoll unavailable because: " + Epoll.unavailabilityCause());
    }

    @Test
    void shouldRunOnNioWhenTheConfigurationAsksForIt()
    {
        assertEquals(NettyTransport.NIO, NettyTransport.chosen(ServerConfig.TRANSPORT_NIO, false));
        assertEquals(NettyTransport.NIO, NettyTransport.chosen(ServerConfig.TRANSPORT_NIO, true));
    }

    @Test
    void shouldKeepNioInAutoWhileTheReplyThreadWritesToSocketsItself()
    {
        assertEquals(NettyTransport.NIO, NettyTransport.chosen(ServerConfig.TRANSPORT_AUTO, true));
    }

    @Test
    void shouldTakeEpollInAutoWithoutDirectRepliesExactlyWhenItsNativeLibraryLoads()
    {
        final NettyTransport auto = NettyTransport.chosen(ServerConfig.TRANSPORT_AUTO, false);
        assertEquals(Epoll.isAvailable() ? NettyTransport.EPOLL : NettyTransport.NIO, auto,
            () -> "epoll unavailable because: " + Epoll.unavailabilityCause());
        assertGroupIsOf(auto);
    }

    @Test
    void shouldRunOnEpollWhenAskedForOrRefuseToStartNamingWhyItDoesNotLoad()
    {
        if (Epoll.isAvailable())
        {
            final NettyTransport epoll = NettyTransport.chosen(ServerConfig.TRANSPORT_EPOLL, true);
            assertEquals(NettyTransport.EPOLL, epoll);
            assertGroupIsOf(epoll);
        }
        else
        {
            final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> NettyTransport.chosen(ServerConfig.TRANSPORT_EPOLL, true));
            assertTrue(refused.getMessage().startsWith("server.transport is epoll"), refused::getMessage);
        }
    }

    private static void assertGroupIsOf(final NettyTransport transport)
    {
        final EventLoopGroup group = transport.group(1, Thread::new);
        try
        {
            assertTrue(transport == NettyTransport.EPOLL ? group instanceof EpollEventLoopGroup : group instanceof NioEventLoopGroup);
        }
        finally
        {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
