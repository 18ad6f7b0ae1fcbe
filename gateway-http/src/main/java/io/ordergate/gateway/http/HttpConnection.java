package io.ordergate.gateway.http;

import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.json.AdminRequests;
import io.ordergate.gateway.json.RequestBody;

/**
 * <b>Not thread safe</b>: owned by the channel's event loop, except {@link #reply}, which the reply stage calls for
 * the one command in flight; the per-request fields it reads are written before the command is published.
 *
 * <p>One HTTP connection: hands each request to its routes ({@link TableRoutes}, or {@link TreeRoutes} for groups,
 * bots and the webhook), which either answer it on the event loop (health, instruments, every refusal) or publish
 * one command to the ring through {@link #submit}; the reply stage then answers through {@link #reply}. It is the
 * command's {@code replyTo}. {@link HttpAnswers} builds and writes every answer.
 *
 * <p>At most one command per connection is in the ring: reading stops ({@code autoRead} off) until its answer is
 * written, so pipelined requests are answered in order and a fast client cannot flood the ring. Requests already
 * decoded meanwhile wait in a small queue.
 */
public final class HttpConnection extends ChannelInboundHandlerAdapter implements ChannelFutureListener
{
    static final String API_KEY_HEADER = "X-API-Key";
    static final String API_SECRET_HEADER = "X-API-Secret";
    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());

    private final GatewayContext gateway;
    private final BodyWriter bodyWriter = new BodyWriter();
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(4);
    private final HttpAnswers answers;
    private final TableRoutes tableRoutes;
    private final TreeRoutes treeRoutes;
    private ChannelHandlerContext ctx;
    private boolean inFlight;

    // Per request, written before publishing, read by the reply stage.
    private AdminRequests.CreateKey createdKey;
    private int acceptedQuotes;
    /** What a feature package needs to answer the request in flight (see {@link ReplyExtension}), or null. */
    private Object exchange;

    HttpConnection(final GatewayContext gateway, final FastThreadLocal<byte[]> bodyScratch)
    {
        this.gateway = gateway;
        this.answers = new HttpAnswers(gateway, this);
        this.tableRoutes = new TableRoutes(this, answers, gateway, bodyScratch);
        this.treeRoutes = new TreeRoutes(this, gateway, bodyScratch);
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
        if (!(msg instanceof FullHttpRequest))
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        final FullHttpRequest request = (FullHttpRequest)msg;
        if (inFlight || !waiting.isEmpty())
        {
            waiting.add(request);  // decoded in the same read as an earlier request: answered in turn
            return;
        }
        handleAndRelease(request);
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

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent)
        {
            ctx.close();
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

    /** The write of a ring command's answer finished (event loop): read on, answering what waited meanwhile. */
    @Override
    public void operationComplete(final ChannelFuture future)
    {
        inFlight = false;
        createdKey = null;
        exchange = null;
        if (!future.isSuccess())
        {
            ctx.close();
        }
        FullHttpRequest request;
        while (!inFlight && (request = waiting.poll()) != null)
        {
            handleAndRelease(request);
        }
        if (!inFlight && ctx.channel().isActive())
        {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void handleAndRelease(final FullHttpRequest request)
    {
        try
        {
            handle(request);
        }
        catch (final RuntimeException ex)
        {
            LOG.warning(() -> "request failed: " + ex);
            answers.respondError(500, ErrorJson.INTERNAL_ERROR, "internal error", null);
        }
        finally
        {
            request.release();
        }
    }

    private void handle(final FullHttpRequest request)
    {
        answers.keepAlive(HttpUtil.isKeepAlive(request));
        if (request.decoderResult().isFailure())
        {
            answers.keepAlive(false);
            answers.respondError(400, ResultCode.VALIDATION_ERROR.name(), "malformed HTTP request", null);
            return;
        }
        final String uri = request.uri();
        if (TreeRoutes.owns(uri))
        {
            treeRoutes.handle(request, uri);  // groups, bots and the TradingView webhook (issue 5)
            return;
        }
        tableRoutes.handle(request, uri);
    }

    /**
     * Event loop: the key a request to a keyed route was sent with, or null once 503 NOT_READY (before start-up
     * finished) or 401 INVALID_CREDENTIALS is answered.
     */
    ApiKey authenticate(final FullHttpRequest request, final Pipeline pipeline)
    {
        if (!gateway.isReady() || pipeline == null)
        {
            answers.respondError(ResultCode.NOT_READY, null, null);
            return null;
        }
        final ApiKey key = gateway.keys().authenticate(request.headers().get(API_KEY_HEADER), request.headers().get(API_SECRET_HEADER));
        if (key == null)
        {
            answers.respondError(ResultCode.INVALID_CREDENTIALS, null, null);
        }
        return key;
    }

    /**
     * Claims a ring slot, fills it and publishes it; 503 OVERLOADED when the ring is full. A claimed slot is always
     * published: if encoding fails the slot goes on without a type, so the journal and engine skip it and the reply
     * stage answers 500.
     */
    void submit(final Pipeline pipeline, final CommandType type, final int principal, final RequestBody body)
    {
        submit(pipeline, type, principal, body, CommandFrame.SOURCE_HTTP);
    }

    /** As {@link #submit(Pipeline, CommandType, int, RequestBody)} from another source (the webhook). Event loop only. */
    public void submit(final Pipeline pipeline, final CommandType type, final int principal, final RequestBody body, final int source)
    {
        final long sequence = pipeline.tryClaim();
        if (sequence == Pipeline.RING_FULL)
        {
            createdKey = null;
            exchange = null;
            answers.overloaded(inFlight);
            return;
        }
        final CommandEvent event = pipeline.event(sequence);
        try
        {
            event.reset(type);
            event.header(principal, System.currentTimeMillis() * 1000L, gateway.nextCorrelationId(), source);
            event.ingressNanos = System.nanoTime();
            body.encode(bodyWriter.wrap(event.frame, CommandFrame.BODY_OFFSET));
            event.bodyLength(bodyWriter.length());
        }
        catch (final RuntimeException ex)
        {
            LOG.warning(() -> "could not encode a " + type + " command: " + ex);
            event.type = null;
            event.reject(ResultCode.JOURNAL_FAILED, "the command could not be encoded", null);
        }
        finally
        {
            event.replyTo = this;
            inFlight = true;
            ctx.channel().config().setAutoRead(false);
            pipeline.publish(sequence);
        }
    }

    /**
     * Publishes a command for a feature package's route; its {@link ReplyExtension} answers it with {@code exchange}.
     * Event loop only.
     */
    public void submit(final CommandType type, final int principal, final RequestBody body, final Object exchange)
    {
        final Pipeline pipeline = gateway.pipeline();
        this.exchange = exchange;
        submit(pipeline, type, principal, body);
    }

    /** The exchange object of the request in flight, or null. Reply thread, for the command in flight. */
    public Object exchange()
    {
        return exchange;
    }

    /** Answers at once on the event loop with a JSON body, and a {@code Retry-After} header when one is given. */
    public void respondJson(final int status, final byte[] json, final String retryAfter)
    {
        answers.respondJson(status, json, retryAfter);
    }

    /** 405 with the Allow header and a body in another format (the seed-000 routes' {"error","code"}). */
    public void respondMethodNotAllowed(final String allow, final byte[] json)
    {
        answers.respondMethodNotAllowed(allow, json);
    }

    /** 405 METHOD_NOT_ALLOWED in the API error format, with the Allow header naming what is allowed. */
    void respondMethodNotAllowed(final HttpMethod method, final String allow)
    {
        answers.respondMethodNotAllowed(method, allow);
    }

    void respondError(final ResultCode code, final String message, final String field)
    {
        answers.respondError(code, message, field);
    }

    void respondError(final int status, final String code, final String message, final String field)
    {
        answers.respondError(status, code, message, field);
    }

    /** Answers the command in flight. Called on the reply thread; the write completes on the event loop. */
    public void reply(final int status, final DirectBuffer json, final int length, final boolean retryAfter)
    {
        answers.reply(status, json, length, retryAfter);
    }

    /** Answers the command in flight from the event loop (a webhook refused after its credential read). */
    public void replyOnLoop(final int status, final byte[] json)
    {
        answers.replyOnLoop(status, json);
    }

    // ---- state of the command in flight, read by the reply stage ----

    /** The secret-bearing key of the CREATE_KEY in flight, or null. Reply thread only, for the command in flight. */
    AdminRequests.CreateKey createdKey()
    {
        return createdKey;
    }

    /** Event loop: the key the CREATE_KEY about to be submitted creates. */
    void createdKey(final AdminRequests.CreateKey key)
    {
        this.createdKey = key;
    }

    /** How many quotes the QUOTES command in flight carries. */
    int acceptedQuotes()
    {
        return acceptedQuotes;
    }

    /** Event loop: how many quotes the QUOTES command about to be submitted carries. */
    void acceptedQuotes(final int count)
    {
        this.acceptedQuotes = count;
    }

    /** The group/bot/webhook routes' state for the command in flight (reply thread reads it). */
    TreeRoutes treeRoutes()
    {
        return treeRoutes;
    }

    /** The channel's context: its event loop and its peer. */
    public ChannelHandlerContext channelContext()
    {
        return ctx;
    }
}
