package io.ordergate.gateway.http;

import java.net.SocketAddress;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.AsciiString;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ErrorFormat;
import io.ordergate.gateway.core.ReplyTarget;
import io.ordergate.gateway.core.Responder;
import io.ordergate.gateway.metrics.GatewayMetrics;

/**
 * Writes one connection's HTTP answers: on its event loop for what is answered at once (flushed when the read ends),
 * and, as the {@link ReplyTarget} of the command it has in flight, on the reply thread, where the command's
 * {@link Answer} renders the body, which the reply thread writes to the socket itself when the connection allows it
 * ({@link ReplyHandOff}), or hands to the event loop in one task that writes, flushes and reads on. Every answer is
 * JSON (unless said otherwise), counted by status, with the keep-alive of its request (closed after it otherwise), and
 * encoded by {@link AnswerBytes} into one pooled direct buffer: no response object, header map or encoder on the way.
 *
 * <p><b>Not thread safe</b>: owned by the connection's event loop, except {@link #onReply}, called on the reply thread
 * for the one command in flight; what it reads ({@link #keepAlive}) is written before that command is published.
 */
final class HttpAnswers implements Responder, ReplyTarget
{
    private static final Logger LOG = Logger.getLogger(HttpAnswers.class.getName());

    private static final CharSequence RETRY_AFTER_SECONDS = AsciiString.cached("1");

    private final GatewayMetrics metrics;
    private final ChannelFutureListener endOfExchange;
    private final Runnable readOn;
    private final ReplyHandOff handOff;
    /** The reply thread's scratch for rendering (only the reply thread touches it). */
    private final ExpandableArrayBuffer replyBuffer = new ExpandableArrayBuffer(1024);
    private final JsonWriter replyJson = new JsonWriter();
    private ChannelHandlerContext ctx;
    private boolean keepAlive;
    /**
     * The reply stage's answer on its way to the event loop (one command in flight per connection, so one at a time):
     * written on the reply thread before {@link #writeReply} is queued, read by it on the event loop (the task queue
     * orders the two).
     */
    private ByteBuf replyBytes;
    private boolean replyKeepAlive;
    private final Runnable writeReply = this::writeReply;

    /**
     * @param endOfExchange told when a deferred answer is written (the connection reads on)
     * @param readOn run on the event loop after a command's answer was handed to it (the connection reads on)
     * @param handOff lets the reply thread write an answer itself when the connection allows it
     */
    HttpAnswers(final GatewayMetrics metrics, final ChannelFutureListener endOfExchange, final Runnable readOn, final ReplyHandOff handOff)
    {
        this.handOff = handOff;
        this.metrics = metrics;
        this.endOfExchange = endOfExchange;
        this.readOn = readOn;
    }

    void channel(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
    }

    /** Whether the answers to the request being handled keep the connection open. */
    void keepAlive(final boolean keepAlive)
    {
        this.keepAlive = keepAlive;
    }

    @Override
    public void send(final int status, final DirectBuffer body, final int length, final CharSequence contentType,
        final CharSequence headerName, final CharSequence headerValue)
    {
        metrics.http().count(status);
        final ByteBuf answer = AnswerBytes.encode(ctx.alloc(), status, body, length, contentType, headerName, headerValue, keepAlive);
        if (keepAlive)
        {
            ctx.write(answer, ctx.voidPromise());
        }
        else
        {
            ctx.write(answer).addListener(LingeringClose.AFTER_ANSWER);
        }
    }

    @Override
    public ReplyTarget replyTarget()
    {
        return this;
    }

    @Override
    public ChannelHandlerContext channel()
    {
        return ctx;
    }

    @Override
    public SocketAddress remoteAddress()
    {
        return ctx.channel().remoteAddress();
    }

    @Override
    public void complete(final int status, final byte[] body, final CharSequence headerName, final CharSequence headerValue)
    {
        complete(status, body, HttpHeaderValues.APPLICATION_JSON, headerName, headerValue);
    }

    @Override
    public void complete(final int status, final byte[] body, final CharSequence contentType, final CharSequence headerName,
        final CharSequence headerValue)
    {
        final boolean keepOpen = keepAlive;
        try
        {
            ctx.executor().execute(() ->
            {
                metrics.http().count(status);
                final ByteBuf answer = AnswerBytes.encode(ctx.alloc(), status, body, contentType, headerName, headerValue, keepOpen);
                final ChannelFuture write = ctx.channel().writeAndFlush(answer).addListener(endOfExchange);
                if (!keepOpen)
                {
                    write.addListener(LingeringClose.AFTER_ANSWER);
                }
            });
        }
        catch (final RejectedExecutionException stopped)
        {
            // An answer made off the loops (an artifact's worker) after the gateway stopped: its connection is closed already.
        }
    }

    /**
     * The answer to the command in flight, rendered here on the reply thread: written to the socket here when the
     * connection allows it ({@link ReplyHandOff}), otherwise written and flushed by the event loop.
     */
    @Override
    public void onReply(final CommandEvent event, final ChannelFlushes flushes)
    {
        JsonWriter json = replyJson.wrap(replyBuffer, 0);
        final Answer answer = (Answer)event.attachment;
        int status;
        try
        {
            status = answer.render(event, json);
        }
        catch (final RuntimeException ex)
        {
            // A renderer's bug must not leave the connection waiting for an answer that never comes.
            LOG.warning(() -> "the answer to a " + event.type + " command failed: " + ex.getClass().getName());
            json = replyJson.wrap(replyBuffer, 0);
            ErrorFormat.API.write(json, ApiErrors.INTERNAL_ERROR, "internal error", null);
            status = 500;
        }
        if (status == Answer.PENDING)
        {
            return;  // the answer goes on in another command of this request
        }
        final CharSequence type = answer.contentType() != null && status < 300 ? answer.contentType() : HttpHeaderValues.APPLICATION_JSON;
        final boolean overloaded = event.result == ResultCode.OVERLOADED;
        metrics.http().count(status);
        final ByteBuf bytes = AnswerBytes.encode(ctx.alloc(), status, replyBuffer, json.length(), type,
            overloaded ? HttpHeaderNames.RETRY_AFTER : null, overloaded ? RETRY_AFTER_SECONDS : null, keepAlive);
        if (!keepAlive || !handOff.tryWrite(bytes))  // written to the socket here, the event loop not woken, or:
        {
            handToEventLoop(bytes, keepAlive);
        }
        metrics.replyStage().answered(event, System.nanoTime());
    }

    /** Reply thread: the answer (or what the socket did not take of it) goes to the event loop in one task. */
    private void handToEventLoop(final ByteBuf bytes, final boolean keepOpen)
    {
        replyBytes = bytes;
        replyKeepAlive = keepOpen;
        try
        {
            // One task per answer: the write, the flush and reading on, in one hand-over to the event loop (not a
            // write task, a read-on task and a flush task, each queued and run on their own).
            ctx.executor().execute(writeReply);
        }
        catch (final RejectedExecutionException closing)
        {
            replyBytes = null;
            bytes.release();
            LOG.fine("the connection's event loop is shut down; its answer is dropped");
        }
    }

    /** Event loop: the reply stage's answer to the command in flight is written, flushed, and the connection reads on. */
    private void writeReply()
    {
        final ByteBuf bytes = replyBytes;
        replyBytes = null;
        final Channel channel = ctx.channel();
        if (replyKeepAlive)
        {
            channel.write(bytes, channel.voidPromise());  // no promise per answer: a failed write closes the connection
        }
        else
        {
            channel.write(bytes).addListener(LingeringClose.AFTER_ANSWER);
        }
        readOn.run();  // flushes
    }
}
