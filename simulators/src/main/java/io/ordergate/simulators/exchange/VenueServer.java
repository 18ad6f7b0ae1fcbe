package io.ordergate.simulators.exchange;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A simulated venue's server: its own two Netty event loops and the channel bound on them, started and stopped
 * together (both dialects, Binance and OKX, serve this way; only their pipelines differ). Safe from any thread.
 */
final class VenueServer implements AutoCloseable
{
    private final EventLoopGroup loops;
    private final Channel channel;

    private VenueServer(final EventLoopGroup loops, final Channel channel)
    {
        this.loops = loops;
        this.channel = channel;
    }

    /**
     * Binds {@code pipeline} on {@code host:port} ({@code port} 0: any free port), its loops' threads named
     * {@code threadName}; a bind that fails leaves no loop running. {@code venue} names the venue in the error.
     */
    static VenueServer bind(final String threadName, final String host, final int port, final ChannelHandler pipeline, final String venue)
    {
        final EventLoopGroup loops = new NioEventLoopGroup(2, new DefaultThreadFactory(threadName, true));
        try
        {
            return new VenueServer(loops, new ServerBootstrap()
                .group(loops)
                .channel(NioServerSocketChannel.class)
                .childHandler(pipeline)
                .bind(host, port).sync().channel());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            stop(loops);
            throw new IllegalStateException("interrupted while binding " + venue, ex);
        }
        catch (final RuntimeException ex)
        {
            stop(loops);
            throw ex;
        }
    }

    int port()
    {
        return ((InetSocketAddress)channel.localAddress()).getPort();
    }

    /** {@code scheme://host:port} of the bound address, e.g. {@code http://127.0.0.1:40123}. */
    URI url(final String scheme)
    {
        final InetSocketAddress address = (InetSocketAddress)channel.localAddress();
        return URI.create(scheme + "://" + address.getHostString() + ":" + address.getPort());
    }

    @Override
    public void close()
    {
        channel.close().awaitUninterruptibly();
        stop(loops);
    }

    private static void stop(final EventLoopGroup loops)
    {
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
