package io.ordergate.benchmarks.loadgen;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection: a FIFO of due requests waiting to be written and a FIFO of requests written and not
 * yet answered (at most {@code depth}: 1 = one request at a time, more = HTTP/1.1 pipelining, answers in order).
 * Both hold planned send times, so the answer to the oldest in-flight request is timed from its plan.
 * <b>Not thread safe</b>: owned by the event loop. Sharable only so a reconnect can put it in the new channel's
 * pipeline: it is in one pipeline at a time.
 */
@Sharable
final class LoadConnection extends ChannelInboundHandlerAdapter
{
    private final HttpLoadClient client;
    private final int depth;
    private final LongFifo pending = new LongFifo(64);
    private final LongFifo inFlight = new LongFifo(16);
    private Channel channel;
    private int status = -1;
    private boolean nextIsFirstVariant = true;

    LoadConnection(final HttpLoadClient client, final int depth)
    {
        this.client = client;
        this.depth = depth;
    }

    boolean isActive()
    {
        return channel != null && channel.isActive();
    }

    /** Requests assigned and not yet answered: what the scheduler balances on. */
    int load()
    {
        return pending.size() + inFlight.size();
    }

    void enqueue(final long plannedNanos)
    {
        pending.add(plannedNanos);
    }

    /** Writes due requests while fewer than {@code depth} are in flight; one flush for all of them. */
    void pump(final long nowNanos)
    {
        boolean wrote = false;
        while (inFlight.size() < depth && !pending.isEmpty() && isActive())
        {
            final long planned = pending.poll();
            inFlight.add(planned);
            channel.write(client.template().request(nextIsFirstVariant), channel.voidPromise());
            nextIsFirstVariant = !nextIsFirstVariant;
            client.sent(planned, nowNanos);
            wrote = true;
        }
        if (wrote)
        {
            channel.flush();
        }
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx)
    {
        channel = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof HttpResponse)
            {
                final HttpResponse response = (HttpResponse)msg;
                status = response.decoderResult().isSuccess() ? response.status().code() : -1;
                if (status == -1)
                {
                    ctx.close();
                    return;
                }
            }
            if (msg instanceof LastHttpContent && !inFlight.isEmpty())
            {
                final long now = System.nanoTime();
                client.answered(status, inFlight.poll(), now);
                status = -1;
                pump(now);
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx)
    {
        // Everything assigned to this connection is lost: count it, then let the client reconnect.
        client.failed(inFlight);
        client.failed(pending);
        inFlight.clear();
        pending.clear();
        channel = null;
        client.connectionLost(this);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        client.connectionError(cause);
        ctx.close();
    }
}
