package io.ordergate.benchmarks.loadgen;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive connection: a FIFO of due requests waiting to be written and a FIFO of requests written and not
 * yet answered (at most {@code depth}: 1 = one request at a time, more = HTTP/1.1 pipelining, answers in order).
 * Both hold planned send times, so the answer to the oldest in-flight request is timed from its plan (and, kept beside
 * it, from its write). With
 * simulated executors the answer's body is kept (one reused buffer) to read its {@code order_id}.
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
    /** When each request of {@link #inFlight} was written, in the same order. */
    private final LongFifo inFlightWritten = new LongFifo(16);
    private Channel channel;
    private int status = -1;
    private int nextVariant;
    /** The answer's body, only when the client needs order ids (executor runs); reused. */
    private final ByteBuf body;

    LoadConnection(final HttpLoadClient client, final int depth)
    {
        this.client = client;
        this.depth = depth;
        this.body = client.wantsOrderIds() ? Unpooled.buffer(2_048) : null;
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
            inFlightWritten.add(nowNanos);
            channel.write(client.template().request(nextVariant), channel.voidPromise());
            nextVariant = (nextVariant + 1) % client.template().variants();
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
                if (body != null)
                {
                    body.clear();
                }
                status = response.decoderResult().isSuccess() ? response.status().code() : -1;
                if (status == -1)
                {
                    ctx.close();
                    return;
                }
            }
            if (body != null && msg instanceof HttpContent)
            {
                final ByteBuf content = ((HttpContent)msg).content();
                if (body.writerIndex() + content.readableBytes() <= 65_536)
                {
                    body.writeBytes(content, content.readerIndex(), content.readableBytes());
                }
            }
            if (msg instanceof LastHttpContent && !inFlight.isEmpty())
            {
                final long now = System.nanoTime();
                final long orderId = body == null ? 0 : ExecutorMessages.orderIdOfAnswer(body);
                if (body != null)
                {
                    body.clear();
                }
                client.answered(status, inFlight.poll(), inFlightWritten.poll(), now, orderId);
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
        inFlightWritten.clear();
        pending.clear();
        if (body != null)
        {
            body.clear();
        }
        channel = null;
        client.connectionLost(this);
    }

    /** Event loop: closes the socket (the client is closing; on an event loop it does not own). */
    void close()
    {
        if (channel != null)
        {
            channel.close();
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        client.connectionError(cause);
        ctx.close();
    }
}
