package io.ordergate.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.CommandPublisher;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Router;
import io.ordergate.gateway.metrics.GatewayMetrics;

/**
 * One HTTP connection, transport only: hands each request to the {@link Router} through its {@link Exchange} and
 * keeps the order of answers. No feature calls back into it or keeps state here: only its {@link HttpAnswers} and
 * {@link ReplyHandOff} do, to read on once an answer is out.
 *
 * <p>At most one command per connection is in the ring: requests that come while one is in it wait in a small queue,
 * and reading stops ({@code autoRead} off) until its answer is written, so pipelined requests are answered in order
 * and a fast client cannot flood the ring. Answers written while reading are flushed once when
 * the read ends ({@link #channelReadComplete}); an answer from the reply stage is written by the reply thread or by
 * the event loop, as {@link ReplyHandOff} decides.
 *
 * <p><b>Not thread safe</b>: owned by the channel's event loop (its {@link HttpAnswers} is also the reply target).
 */
final class HttpConnection extends ChannelInboundHandlerAdapter implements ChannelFutureListener, Runnable
{
    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());
    private static final byte[] ANSWER_TIMED_OUT = ConnectionLimiter.rawAnswer(504, "Gateway Timeout", ApiErrors.GATEWAY_TIMEOUT,
        "the request's answer did not come within server.answer_timeout_seconds; its outcome is unknown", "");
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Router router;
    private final HttpAnswers answers;
    private final Exchange exchange;
    private final ConnectionLimiter limiter;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(4);
    private final ReplyHandOff handOff;
    private ChannelHandlerContext ctx;
    /** Reading was stopped here ({@link #pauseReading}), so {@link #run} starts it again. */
    private boolean readingPaused;
    /**
     * A request was answered (or is being) with the connection's close: no later request of it is handled, so none is
     * executed unanswered (RFC 9112 9.6), and reading stops for good.
     */
    private boolean closing;
    /**
     * The head of an {@code Expect: 100-continue} request was read while answers to earlier requests are owed: its 100
     * Continue is written after them ({@link #run}), unless its body comes first (then none is written: RFC 9110 10.1.1).
     */
    private boolean continueOwed;
    /** Told when a 100 Continue goes out late, so the body's read has its whole time ({@link #readDeadline}). */
    private RequestReadDeadline deadline;
    /**
     * {@code server.answer_timeout_seconds} in the idle handler's periods ({@code server.idle_timeout_seconds}), rounded
     * up: the idle events an answer owed may outlast before it is given up. Counted, not timed, so that a command costs
     * no clock read here: the idle handler fires only after a whole silent period, so the Nth event after a request
     * handled in a read comes at least N periods after it.
     */
    private final int answerTimeoutIdlePeriods;
    /** Idle events still to come before the answer owed is given up ({@link #answerTimedOut}); set as a request goes in flight. */
    private int idlePeriodsLeft;
    /** The 504 is written: the idle events that follow until the connection closes do not write another. */
    private boolean answerGivenUp;
    private final GatewayMetrics metrics;
    /**
     * The client ended its side after its requests (half-closure is allowed, {@link HttpChannelInitializer}): the
     * answers owed to what it sent are still written, then the connection closes. (Closed at the end of input, a client
     * that shuts its output after sending lost the answer to a request already handled.)
     */
    private boolean inputEnded;

    HttpConnection(final Router router, final CommandPublisher publisher, final GatewayMetrics metrics, final FastThreadLocal<byte[]> bodyScratch,
        final ConnectionLimiter limiter, final boolean directReplies, final int answerTimeoutSeconds, final int idleTimeoutSeconds)
    {
        this.metrics = metrics;
        this.answerTimeoutIdlePeriods = (answerTimeoutSeconds + idleTimeoutSeconds - 1) / idleTimeoutSeconds;
        this.limiter = limiter;
        this.router = router;
        this.handOff = new ReplyHandOff(directReplies, this, metrics.http());
        this.answers = new HttpAnswers(metrics, this, this, handOff);
        this.exchange = new Exchange(answers, publisher, bodyScratch);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
        answers.channel(ctx);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (closing || !(msg instanceof FullHttpRequest))
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        final FullHttpRequest request = (FullHttpRequest)msg;
        continueOwed = false;  // the request it was owed to came whole: its client did not wait for it
        if (!waiting.isEmpty() || handOff.takeInFlightAnswer())
        {
            waiting.add(request);  // sent before the answer to an earlier one: answered in turn, and reading pauses
            pauseReading();
            return;
        }
        handleAndRelease(request, true);
    }

    /**
     * Event loop, from the aggregator: the head of an {@code Expect: 100-continue} request within the limit was read. Its
     * 100 Continue is an interim answer of that request, so it goes after the answers owed to the requests before it
     * (RFC 9112 9.3): now if none is owed, else once they are written. None after a request that closes the connection:
     * the request is never handled. (A request is owed while in flight: asking takes the answer from the reply thread,
     * so that the event loop writes it and then this.)
     */
    void continueInTurn()
    {
        if (closing)
        {
            return;
        }
        if (waiting.isEmpty() && !handOff.takeInFlightAnswer())
        {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(CONTINUE), ctx.voidPromise());
            return;
        }
        continueOwed = true;
    }

    /** The connection's read deadline (made after it: it asks {@link #answerOwed}). */
    void readDeadline(final RequestReadDeadline readDeadline)
    {
        this.deadline = readDeadline;
    }

    /** Event loop: an answer is still to be written, to a command or deferred work in flight or to a request queued. */
    boolean answerOwed()
    {
        return handOff.answerDue() || !waiting.isEmpty();
    }

    /** The first handler of the connection's pipeline: every write passes it ({@link ReplyHandOff}). */
    ReplyHandOff handOff()
    {
        return handOff;
    }

    @Override
    public void channelReadComplete(final ChannelHandlerContext ctx)
    {
        ctx.flush();
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        FullHttpRequest request;
        while ((request = waiting.poll()) != null)
        {
            request.release();
        }
        super.channelInactive(ctx);
    }

    /** The socket that replaces this handler on a WebSocket upgrade ends at the end of input, as before half-closure. */
    @Override
    public void handlerRemoved(final ChannelHandlerContext ctx)
    {
        ctx.channel().config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, false);
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event == ChannelInputShutdownEvent.INSTANCE)
        {
            inputEnded = true;
            if (waiting.isEmpty() && !handOff.takeInFlightAnswer())  // asking takes the answer in flight to the event loop: run() follows
            {
                closeAfterWrites();
            }
            return;
        }
        if (event instanceof IdleStateEvent)
        {
            // Idle means silent with nothing owed: a request still waiting for its answer (a command in flight, slow work
            // deferred, such as a seed-004 connect waiting executors.investor_wait_seconds for its terminal) keeps its
            // connection, or its client would lose the answer. The handler fires again after another idle period, so an
            // answer that never comes (a bug: every wait has a bound of its own) is given up after the idle periods that make
            // server.answer_timeout_seconds.
            if (!answerOwed())
            {
                ctx.close();
            }
            else if (!answerGivenUp && handOff.answerDue() && --idlePeriodsLeft <= 0)
            {
                answerTimedOut();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        // Usually a peer resetting the connection; one line, no stack trace, never request content.
        LOG.log(Level.FINE, () -> "connection " + ctx.channel().remoteAddress() + " closed after " + cause.getClass().getSimpleName());
        ctx.close();
    }

    /**
     * A deferred answer is written (event loop): read on; or, when it could not be written, close, and handle none of
     * the requests that wait (released when the channel goes inactive), as when the peer goes away.
     */
    @Override
    public void operationComplete(final ChannelFuture future)
    {
        if (!future.isSuccess())
        {
            ctx.close();
            return;
        }
        run();
    }

    /**
     * The answer to the command in flight is handed to the channel (event loop, after its write): read on, answering
     * what waited meanwhile. A task, not a write listener, so that an answer costs no promise.
     */
    @Override
    public void run()
    {
        handOff.idle();
        boolean inFlight = false;
        FullHttpRequest request;
        while (!inFlight && (request = waiting.poll()) != null)
        {
            if (closing)
            {
                request.release();  // sent after a request that closes the connection: never handled
                continue;
            }
            inFlight = handleAndRelease(request, false);  // through the event loop: it must read on after the answer
        }
        if (!inFlight && continueOwed)
        {
            continueOwed = false;
            if (!closing)
            {
                ctx.write(Unpooled.wrappedBuffer(CONTINUE), ctx.voidPromise());  // every answer owed before it is written
                if (deadline != null)
                {
                    deadline.continueSentLate();
                }
            }
        }
        ctx.flush();  // outside a read: what was answered from the queue goes now
        if (!inFlight && inputEnded)
        {
            closeAfterWrites();
            return;
        }
        if (!inFlight && readingPaused && !closing && ctx.channel().isActive())
        {
            readingPaused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    /**
     * The answer owed has not come within {@code server.answer_timeout_seconds}: 504, and the connection closes, so
     * the answer, if it ever comes, has nowhere to go (written to the connection, it would answer a later request), and
     * no request waiting behind it is handled.
     */
    private void answerTimedOut()
    {
        LOG.warning(() -> "a request on " + ctx.channel().remoteAddress() + " was not answered within server.answer_timeout_seconds: 504");
        answerGivenUp = true;
        closing = true;
        ctx.channel().config().setAutoRead(false);
        metrics.http().count(504);
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER_TIMED_OUT)).addListener(LingeringClose.AFTER_ANSWER);
    }

    /** Closes once everything written before is out (an empty write's promise completes after them). */
    private void closeAfterWrites()
    {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * A request came while one is in the ring: stop reading until the answers catch up. Only then: pausing on every
     * publish (the common client sends its next request after the answer) changed the socket's interest twice per
     * order, two {@code epoll_ctl} calls on the event loop (docs/PERFORMANCE.md, "Item 8 on a busy machine").
     */
    private void pauseReading()
    {
        if (!readingPaused)
        {
            readingPaused = true;
            ctx.channel().config().setAutoRead(false);
        }
    }

    /** Handles one request; true when its command is in flight (the answer comes later). */
    private boolean handleAndRelease(final FullHttpRequest request, final boolean mayAnswerDirectly)
    {
        try
        {
            final boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
            answers.keepAlive(keepAlive);
            if (!keepAlive)
            {
                closing = true;
                ctx.channel().config().setAutoRead(false);
            }
            exchange.begin(request);
            if (request instanceof OversizedRequest)
            {
                exchange.error(ResultCode.PAYLOAD_TOO_LARGE, ((OversizedRequest)request).message(), null);
                return false;
            }
            if (request instanceof UnmetExpectation)
            {
                exchange.error(417, ApiErrors.EXPECTATION_FAILED, ((UnmetExpectation)request).message(), null, null);
                return false;
            }
            if (request.decoderResult().isFailure())
            {
                exchange.error(ResultCode.VALIDATION_ERROR, "malformed HTTP request", null);
                return false;
            }
            handOff.arm(mayAnswerDirectly);  // before the command can reach the reply thread
            router.dispatch(exchange);
            if (exchange.caller() != null)
            {
                limiter.authenticated(ctx.channel());  // from now on it cannot be pushed out as an idle stranger
            }
            if (exchange.published())
            {
                // Handled in a read, the idle handler's period starts again at the read's end, after this; handled from the
                // queue (after an earlier answer), the next idle event may end a period begun before it: that one does not count.
                idlePeriodsLeft = mayAnswerDirectly ? answerTimeoutIdlePeriods : answerTimeoutIdlePeriods + 1;
            }
            return exchange.published();
        }
        finally
        {
            if (!exchange.published())
            {
                handOff.idle();  // answered at once, or the router failed: nothing is in flight
            }
            exchange.end();
            request.release();
        }
    }
}
