package io.ordergate.gateway.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;

/**
 * A deadline for reading one whole request (headers and body) that a trickle does not reset: it starts when the
 * connection opens, and for each later request with its first byte, and ends when the request is complete. Past it
 * the connection is answered 408 {@code REQUEST_TIMEOUT} and closed. (The idle timeout, reset by every byte, cannot
 * tell a client that sends a byte a second from one that is working.)
 *
 * <p>Two handlers share the state: {@link #start()} sits before the HTTP decoder and sees raw bytes,
 * {@link #complete()} sits after the body aggregator and sees whole requests. A request costs a time stamp, not a
 * scheduled task: one timer per connection is pending while requests come, and when it fires it either expires the
 * request being read past its deadline or waits again for the rest of the current one's. A request past its deadline
 * while the connection still owes an earlier one its answer waits for that answer to be written first: the 408 written
 * at once would take the owed answer's place, and the close after it lose it. <b>Not thread safe</b>: one per
 * connection, on its event loop.
 */
final class RequestReadDeadline
{
    private static final byte[] TIMED_OUT = ConnectionLimiter.rawAnswer(408, "Request Timeout",
        "the request was not read in time (server.request_read_timeout_seconds)", "");

    /** How often a request past its deadline looks again whether the answers owed before it are out. */
    private static final long OWED_RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long timeoutNanos;
    private final BooleanSupplier answerOwed;
    private final BooleanSupplier nextRequestBegun;
    private final Start start = new Start();
    private final Complete complete = new Complete();
    private final Runnable check = this::check;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> timer;
    /** A request (or the connection's opening) is being read, since {@link #startedNanos}. */
    private boolean reading;
    private long startedNanos;

    /**
     * @param answerOwed true while the connection owes an earlier request its answer (event loop)
     * @param nextRequestBegun true when, a request just read whole, bytes of the next one were read with it (event loop)
     */
    RequestReadDeadline(final int timeoutSeconds, final BooleanSupplier answerOwed, final BooleanSupplier nextRequestBegun)
    {
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.answerOwed = answerOwed;
        this.nextRequestBegun = nextRequestBegun;
    }

    ChannelInboundHandlerAdapter start()
    {
        return start;
    }

    ChannelInboundHandlerAdapter complete()
    {
        return complete;
    }

    private void arm(final ChannelHandlerContext context)
    {
        if (reading)
        {
            return;  // a trickle does not move the deadline
        }
        ctx = context;
        reading = true;
        // One clock read per request (~30 ns, vDSO): Netty 4.1's event loop keeps no time to reuse (its own "now" is this
        // call), and a cached tick would need a timer per loop waking idle machines and would blur the deadline by a tick.
        startedNanos = System.nanoTime();
        if (timer == null)
        {
            timer = context.executor().schedule(check, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The request being read had its 100 Continue written only now, after the answers owed before it: its client waited
     * for it to send the body, so the deadline counts from here (else a 100 held past the deadline was followed by a 408).
     */
    void continueSentLate()
    {
        if (reading)
        {
            startedNanos = System.nanoTime();
        }
    }

    /**
     * The request is read whole: no deadline until the next one's first byte (the timer, if pending, stays). When that
     * byte came in the same read, no later read arms the deadline for it, so it starts here: a request pipelined behind
     * another escaped the deadline, and could trickle in for as long as each byte came within the idle timeout.
     */
    private void disarm()
    {
        if (nextRequestBegun.getAsBoolean())
        {
            startedNanos = System.nanoTime();
            return;
        }
        reading = false;
    }

    /** The connection closed or became a WebSocket: no deadline any more. */
    private void stop()
    {
        reading = false;
        if (timer != null)
        {
            timer.cancel(false);
            timer = null;
        }
    }

    private void check()
    {
        timer = null;
        if (!reading)
        {
            return;  // nothing being read: the next request's first byte schedules again
        }
        final long left = startedNanos + timeoutNanos - System.nanoTime();
        if (left > 0)
        {
            timer = ctx.executor().schedule(check, left, TimeUnit.NANOSECONDS);  // a later request: its own deadline
        }
        else if (answerOwed.getAsBoolean())
        {
            timer = ctx.executor().schedule(check, OWED_RECHECK_NANOS, TimeUnit.NANOSECONDS);
        }
        else
        {
            expire();
        }
    }

    private void expire()
    {
        reading = false;
        if (ctx.channel().isActive())
        {
            ctx.channel().config().setAutoRead(false);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(TIMED_OUT)).addListener(LingeringClose.AFTER_ANSWER);
        }
    }

    /** Before the decoder: the first bytes of a request (or the connection's opening) start the deadline. */
    private final class Start extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelActive(final ChannelHandlerContext ctx) throws Exception
        {
            arm(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            if (ctx.channel().isActive())
            {
                arm(ctx);
            }
        }

        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception
        {
            if (msg instanceof ByteBuf && ((ByteBuf)msg).isReadable())
            {
                arm(ctx);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx) throws Exception
        {
            stop();
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(final ChannelHandlerContext ctx)
        {
            stop();  // the connection became a WebSocket
        }
    }

    /** After the aggregator: a whole request read ends the deadline. */
    private final class Complete extends ChannelInboundHandlerAdapter
    {
        @Override
        public void channelRead(final ChannelHandlerContext ctx, final Object msg) throws Exception
        {
            if (msg instanceof FullHttpRequest)
            {
                disarm();
            }
            super.channelRead(ctx, msg);
        }
    }
}
