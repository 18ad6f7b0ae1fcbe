package io.ordergate.gateway.http;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

import io.ordergate.gateway.metrics.HttpStatusCounts;

/**
 * Who writes one connection's answer to the command it has in flight: the reply thread itself, straight to the socket,
 * when nothing else is queued for it, or the connection's event loop, as a task, otherwise. The direct write saves
 * the event loop a wake-up per order (the reply thread's hand-over, an {@code eventfd} write, the loop's
 * {@code epoll_wait} return and a context switch), the dearest thing a thread does on a virtual machine
 * (docs/PERFORMANCE.md, "Answers written by the reply thread").
 *
 * <p>The rule that keeps the bytes in order: the reply thread may write only while the connection is <i>armed</i>, which
 * the event loop sets when it hands a request to the router with nothing unwritten in Netty's outbound buffer; every
 * write the event loop makes to the channel passes this handler (the first in the pipeline) and takes the channel back
 * first, waiting out a direct write already begun. A request read while the answer is due takes it back too, so the
 * answer comes through the event loop, which then reads on. A direct write the socket cannot take whole (its send
 * buffer full) or that fails leaves the rest to the event loop, which writes it through Netty as before.
 *
 * <p>Thread safe: {@link #arm}, {@link #takeInFlightAnswer}, {@link #idle} and the handler's write run on the event loop,
 * {@link #tryWrite} on the reply thread; they meet only in the state, changed by compare-and-set.
 */
final class ReplyHandOff extends ChannelOutboundHandlerAdapter
{
    /** Nothing in flight. */
    private static final int IDLE = 0;
    /** A command is in flight; its answer goes through the event loop. */
    private static final int THROUGH_LOOP = 1;
    /** A command is in flight; the reply thread may write its answer to the socket. */
    private static final int ARMED = 2;
    /** The reply thread is writing the answer to the socket. */
    private static final int WRITING = 3;
    /** The reply thread is writing the answer, and the event loop asked for the connection back once it is done. */
    private static final int WRITING_THEN_LOOP = 4;
    /**
     * How long the event loop waits, reading a request, for a direct write to end before it queues the request instead:
     * long enough for the writer's step after its system call, short of a writer that lost its core.
     */
    private static final int WRITE_ENDING_SPINS = 256;
    private static final VarHandle STATE;

    static
    {
        try
        {
            STATE = MethodHandles.lookup().findVarHandle(ReplyHandOff.class, "state", int.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final boolean enabled;
    private final Runnable readOn;
    private final HttpStatusCounts counts;
    @SuppressWarnings("unused")  // through STATE
    private volatile int state = IDLE;
    private Channel channel;

    /**
     * @param enabled {@code server.direct_replies}: false keeps every answer on the event loop
     * @param readOn run on the event loop when a directly written answer leaves requests waiting (the connection reads on)
     * @param counts counts the answers this thread writes, before their bytes can reach the client
     */
    ReplyHandOff(final boolean enabled, final Runnable readOn, final HttpStatusCounts counts)
    {
        this.enabled = enabled;
        this.counts = counts;
        this.readOn = readOn;
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        channel = ctx.channel();
    }

    /**
     * Event loop, before a request goes to the router: a command it publishes is in flight from now on, and its answer
     * may be written by the reply thread if the caller allows it (no request waits, reading is not paused: those need the
     * event loop after the answer) and nothing of this connection waits unwritten in Netty.
     */
    void arm(final boolean mayWriteDirectly)
    {
        final ChannelOutboundBuffer unwritten = channel.unsafe().outboundBuffer();
        final boolean direct = mayWriteDirectly && enabled && channel instanceof DirectReplyChannel.Accepted && unwritten != null
            && unwritten.totalPendingWriteBytes() == 0;
        STATE.setVolatile(this, direct ? ARMED : THROUGH_LOOP);
    }

    /** Event loop: nothing is in flight (the router published nothing, or the answer was handed to the loop and written). */
    void idle()
    {
        STATE.setVolatile(this, IDLE);
    }

    /** Event loop: a request's answer is still to be written (a command or deferred work is in flight). Reads only. */
    boolean answerDue()
    {
        return (int)STATE.getVolatile(this) != IDLE;
    }

    /**
     * Event loop, when a request is read: true if a command is still in flight (the request must wait), in which case its
     * answer now comes through the event loop, which reads on after it; false if nothing is in flight. Not a mere
     * question ({@link #answerDue} is): it takes the answer's write from the reply thread.
     */
    boolean takeInFlightAnswer()
    {
        int spins = 0;
        while (true)
        {
            final int now = (int)STATE.getVolatile(this);
            switch (now)
            {
                case IDLE:
                    return false;
                case ARMED:
                    if (STATE.compareAndSet(this, ARMED, THROUGH_LOOP))
                    {
                        return true;
                    }
                    break;
                case WRITING:
                    if (spins++ < WRITE_ENDING_SPINS)
                    {
                        Thread.onSpinWait();  // a client quicker than the writer's last step: let that step end
                    }
                    else if (STATE.compareAndSet(this, WRITING, WRITING_THEN_LOOP))
                    {
                        return true;
                    }
                    break;
                default:
                    return true;
            }
        }
    }

    /** Every write of the event loop's: the reply thread may not write beside it, and a direct write begun ends first. */
    @Override
    public void write(final ChannelHandlerContext ctx, final Object msg, final ChannelPromise promise)
    {
        takeBack();
        ctx.write(msg, promise);
    }

    private void takeBack()
    {
        while (true)
        {
            final int now = (int)STATE.getVolatile(this);
            if (now == IDLE || now == THROUGH_LOOP)
            {
                return;
            }
            if (now == ARMED)
            {
                if (STATE.compareAndSet(this, ARMED, THROUGH_LOOP))
                {
                    return;
                }
            }
            else
            {
                // A non-blocking write of one answer: microseconds, unless its thread lost its core meanwhile. Rare:
                // while an answer is due, the event loop writes only what the handlers before the router answer to a
                // pipelined request themselves (a 400, 408 or 413, or 100 Continue).
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Reply thread: writes the answer to the socket if the connection is armed. True when it was written whole (the
     * buffer is released); false when the event loop must write it, or what the socket did not take (the buffer's
     * reader index is past what was written).
     */
    boolean tryWrite(final ByteBuf answer)
    {
        if (!STATE.compareAndSet(this, ARMED, WRITING))
        {
            return false;
        }
        counts.countWrittenByReplyThread();
        boolean whole;
        try
        {
            whole = DirectReplyChannel.writeWhatFits(((DirectReplyChannel.Accepted)channel).socket(), answer);
        }
        catch (final IOException | RuntimeException failed)
        {
            whole = false;  // the event loop's write of the rest fails the same way and closes the connection
        }
        if (!whole)
        {
            STATE.setVolatile(this, THROUGH_LOOP);
            return false;
        }
        final boolean waitedFor = !STATE.compareAndSet(this, WRITING, IDLE);  // first: the client may answer at once
        answer.release();
        if (waitedFor)
        {
            // A request came meanwhile and waits: the event loop answers it and reads on.
            STATE.setVolatile(this, THROUGH_LOOP);
            try
            {
                channel.eventLoop().execute(readOn);
            }
            catch (final RejectedExecutionException closing)
            {
                // The event loop is shut down, the connection with it: nobody is left to read on.
            }
        }
        return true;
    }
}
