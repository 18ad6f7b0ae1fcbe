package io.ordergate.gateway.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Closes connections beyond {@code server.max_connections} the moment they open. Shared by every channel:
 * thread safe (one atomic count).
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = Logger.getLogger(ConnectionLimiter.class.getName());

    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    ConnectionLimiter(final int maxConnections)
    {
        this.maxConnections = maxConnections;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        if (open.incrementAndGet() > maxConnections)
        {
            if (refused.getAndIncrement() % 1000 == 0)
            {
                LOG.warning(() -> "connection limit " + maxConnections + " reached; closing new connections (" + refused.get() + " so far)");
            }
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        open.decrementAndGet();
        super.channelInactive(ctx);
    }

    int openConnections()
    {
        return open.get();
    }
}
