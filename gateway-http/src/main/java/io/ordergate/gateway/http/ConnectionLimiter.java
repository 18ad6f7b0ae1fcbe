package io.ordergate.gateway.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ApiErrors;

/**
 * Keeps idle and trickling sockets from locking clients out. Two limits: {@code server.max_connections} in all (past
 * it a new connection is answered 503 {@code OVERLOADED} and closed), and, within it,
 * {@code server.max_unauthenticated_connections} connections that have not yet made an authenticated request, at most
 * {@code server.max_unauthenticated_per_address} of them from one address. When those are full, a new connection takes
 * the place of the oldest of them if that one had half a second to authenticate and did not (it is answered 503 and
 * closed); otherwise the newcomer is answered 503. A client with credentials is authenticated by its first request,
 * within milliseconds of connecting, and from then on counts only against the overall limit; one address's thousands
 * of silent sockets take only its own share.
 *
 * <p>Shared by every channel; thread safe (atomic counts and a concurrent queue of the unauthenticated channels, in
 * the order they opened). Logs once per thousand refusals.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter
{
    /** How long a new connection has to make an authenticated request before it may be pushed out. */
    static final long GRACE_NANOS = 500_000_000L;
    private static final AttributeKey<Long> OPENED_NANOS = AttributeKey.valueOf("ordergate.opened");
    private static final AttributeKey<Boolean> COUNTED = AttributeKey.valueOf("ordergate.counted");
    private static final Logger LOG = Logger.getLogger(ConnectionLimiter.class.getName());
    private static final byte[] FULL = rawAnswer(503, "Service Unavailable",
        "too many connections: connect again in a moment", "Retry-After: 1\r\n");

    private final int maxConnections;
    private final int maxUnauthenticated;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger unauthenticatedCount = new AtomicInteger();
    private final ConcurrentLinkedDeque<Channel> unauthenticated = new ConcurrentLinkedDeque<>();
    private final ConcurrentHashMap<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final int maxPerAddress;
    private final AtomicInteger refused = new AtomicInteger();

    ConnectionLimiter(final int maxConnections, final int maxUnauthenticated, final int maxPerAddress)
    {
        this.maxConnections = maxConnections;
        this.maxUnauthenticated = Math.min(maxUnauthenticated, maxConnections);
        this.maxPerAddress = maxPerAddress;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        final Channel channel = ctx.channel();
        final InetAddress address = address(channel);
        if (perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > maxPerAddress)
        {
            // refused before it counts: one address's flood never takes the places of everyone else
            perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() == 0 ? null : n);
            refuse(channel, "unauthenticated connections from one address past " + maxPerAddress
                + " (server.max_unauthenticated_per_address)");
            return;
        }
        channel.attr(COUNTED).set(Boolean.TRUE);
        if (open.incrementAndGet() > maxConnections)
        {
            perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() == 0 ? null : n);
            refuse(channel, "connection limit " + maxConnections + " (server.max_connections) reached");
            return;
        }
        if (unauthenticatedCount.incrementAndGet() > maxUnauthenticated && !pushOutOldest())
        {
            unauthenticatedCount.decrementAndGet();
            perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() == 0 ? null : n);
            refuse(channel, "unauthenticated connection limit " + maxUnauthenticated + " (server.max_unauthenticated_connections) reached");
            return;
        }
        unauthenticated.addLast(channel);
        channel.attr(OPENED_NANOS).set(System.nanoTime());
        super.channelActive(ctx);
    }

    /**
     * Makes room by pushing out the oldest unauthenticated connection, if it has had {@link #GRACE_NANOS} to make an
     * authenticated request and did not: a client with credentials that just connected is never the one pushed out.
     */
    private boolean pushOutOldest()
    {
        final Channel oldest = unauthenticated.peekFirst();
        final Long opened = oldest == null ? null : oldest.attr(OPENED_NANOS).get();
        if (opened == null || System.nanoTime() - opened < GRACE_NANOS || !leaveUnauthenticated(oldest))
        {
            return false;
        }
        oldest.eventLoop().execute(() -> refuse(oldest, "unauthenticated connection limit " + maxUnauthenticated
            + " (server.max_unauthenticated_connections) reached: the oldest made way"));
        return true;
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        if (ctx.channel().attr(COUNTED).get() != null)
        {
            open.decrementAndGet();
        }
        leaveUnauthenticated(ctx.channel());
        super.channelInactive(ctx);
    }

    /** The connection made an authenticated request: it no longer counts as (nor can be pushed out as) unauthenticated. */
    void authenticated(final Channel channel)
    {
        leaveUnauthenticated(channel);
    }

    private boolean leaveUnauthenticated(final Channel channel)
    {
        if (!unauthenticated.remove(channel))
        {
            return false;
        }
        unauthenticatedCount.decrementAndGet();
        perAddress.computeIfPresent(address(channel), (a, n) -> n.decrementAndGet() == 0 ? null : n);
        return true;
    }

    private static InetAddress address(final Channel channel)
    {
        final SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress ? ((InetSocketAddress)remote).getAddress() : InetAddress.getLoopbackAddress();
    }

    /** Answers 503 on the wire (ahead of the HTTP encoder) and closes. */
    private void refuse(final Channel channel, final String why)
    {
        if (refused.getAndIncrement() % 1000 == 0)
        {
            LOG.warning(() -> why + "; answering 503 (" + refused.get() + " so far)");
        }
        if (channel.isActive())
        {
            channel.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(FULL)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** A whole HTTP/1.1 answer with API.md's error body and {@code Connection: close}, written below the encoder. */
    static byte[] rawAnswer(final int status, final String reason, final String message, final String extraHeaders)
    {
        return rawAnswer(status, reason, status == 503 ? ResultCode.OVERLOADED.name() : ApiErrors.REQUEST_TIMEOUT, message, extraHeaders);
    }

    /** The same with its error code given. */
    static byte[] rawAnswer(final int status, final String reason, final String code, final String message, final String extraHeaders)
    {
        final byte[] body = ApiErrors.bytes(code, message, null);
        final byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII);
        final byte[] whole = new byte[head.length + body.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(body, 0, whole, head.length, body.length);
        return whole;
    }
}
