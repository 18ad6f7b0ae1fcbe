package io.ordergate.benchmarks.loadgen;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The generator's event loop and socket class for a {@link Pacing}: Netty's native epoll for {@link Pacing#LOOP}
 * (its loop wakes for a scheduled task on a timerfd, to the nanosecond), NIO for {@link Pacing#THREAD} (as before the
 * loop paced itself, so its numbers compare with the old ones).
 */
final class LoadTransport
{
    static
    {
        // Below this many milliseconds Netty's epoll loop sleeps with epoll_wait's millisecond timeout instead of arming
        // its timerfd (it saves a timerfd_settime call): a 200 us wait would then return at once or after a whole
        // millisecond. 0 = always the timerfd. Set before the epoll classes read it.
        if (System.getProperty("io.netty.channel.epoll.epollWaitThreshold") == null)
        {
            System.setProperty("io.netty.channel.epoll.epollWaitThreshold", "0");
        }
    }

    private LoadTransport()
    {
    }

    /** True when Netty's native epoll transport loaded on this machine (Linux, its library in the jar). */
    static boolean epollLoads()
    {
        return Epoll.isAvailable();
    }

    /** One daemon event-loop thread named {@code name}, of the transport {@code pacing} needs. */
    static EventLoopGroup singleLoop(final String name, final Pacing pacing)
    {
        final DefaultThreadFactory threads = new DefaultThreadFactory(name, true);
        return pacing == Pacing.LOOP ? new EpollEventLoopGroup(1, threads) : new NioEventLoopGroup(1, threads);
    }

    /** The socket class that registers with {@code group}. */
    static Class<? extends SocketChannel> socketChannel(final EventLoopGroup group)
    {
        return group instanceof EpollEventLoopGroup ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
