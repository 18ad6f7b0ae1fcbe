package io.ordergate.gateway.http;

import java.util.ArrayDeque;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.Scope;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.gateway.json.AdminRequests;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.OrderRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.metrics.GatewayMetrics;

/**
 * One HTTP connection: routes each request, authenticates it, decodes and checks its body, and either answers it
 * on the event loop (health, instruments, every refusal) or publishes one command to the ring and waits for the
 * reply stage to answer through {@link #reply}. It is the command's {@code replyTo}.
 *
 * <p>At most one command per connection is in the ring: reading stops ({@code autoRead} off) until its answer is
 * written, so pipelined requests are answered in order and a fast client cannot flood the ring. Requests already
 * decoded meanwhile wait in a small queue.
 *
 * <p><b>Not thread safe</b>: owned by the channel's event loop, except {@link #reply}, which the reply stage calls
 * for the one command in flight; the per-request fields it reads are written before the command is published.
 */
public final class HttpConnection extends ChannelInboundHandlerAdapter implements ChannelFutureListener
{
    static final String API_KEY_HEADER = "X-API-Key";
    static final String API_SECRET_HEADER = "X-API-Secret";
    private static final Logger LOG = Logger.getLogger(HttpConnection.class.getName());
    private static final CharSequence APPLICATION_JSON = HttpHeaderValues.APPLICATION_JSON;

    private final GatewayContext gateway;
    private final FastThreadLocal<byte[]> bodyScratch;
    private final RequestReader reader = new RequestReader();
    private final OrderRequest order = new OrderRequest();
    private final QueryBody query = new QueryBody();
    private final BodyWriter bodyWriter = new BodyWriter();
    private final Route.Match match = new Route.Match();
    private final ExpandableArrayBuffer directBuffer = new ExpandableArrayBuffer(256);
    private final JsonWriter directJson = new JsonWriter();
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>(4);
    private final TreeRoutes treeRoutes;
    private ChannelHandlerContext ctx;
    private boolean inFlight;

    // Per request, written before publishing, read by the reply stage.
    private boolean keepAlive;
    private AdminRequests.CreateKey createdKey;
    private int acceptedQuotes;
    /** What a feature package needs to answer the request in flight (see {@link ReplyExtension}), or null. */
    private Object exchange;

    HttpConnection(final GatewayContext gateway, final FastThreadLocal<byte[]> bodyScratch)
    {
        this.gateway = gateway;
        this.bodyScratch = bodyScratch;
        this.treeRoutes = new TreeRoutes(this, gateway, bodyScratch);
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        this.ctx = ctx;
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
            respondError(500, ErrorJson.INTERNAL_ERROR, "internal error", null);
        }
        finally
        {
            request.release();
        }
    }

    private void handle(final FullHttpRequest request)
    {
        keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure())
        {
            keepAlive = false;
            respondError(400, ResultCode.VALIDATION_ERROR.name(), "malformed HTTP request", null);
            return;
        }
        final String uri = request.uri();
        if (TreeRoutes.owns(uri))
        {
            treeRoutes.handle(request, uri);  // groups, bots and the TradingView webhook (issue 5)
            return;
        }
        final Route route = Route.match(uri, match);
        if (route == null)
        {
            final ExtraRoutes extra = gateway.extraRoutes();
            if (extra == null || !extra.handle(this, ctx, request))
            {
                respondError(ResultCode.NOT_FOUND, "no such path", null);
            }
            return;
        }
        final HttpMethod method = request.method();
        if (!route.allows(method))
        {
            respondMethodNotAllowed(method, route.allow());
            return;
        }
        if (route == Route.HEALTH)
        {
            health();
            return;
        }
        if (route == Route.METRICS)
        {
            // Summary numbers only, never ids or secrets: no key needed (see GatewayMetrics).
            respond(200, gateway.metrics().prometheusText(gateway.pipeline(), gateway.isReady()), GatewayMetrics.prometheusContentType());
            return;
        }
        final Pipeline pipeline = gateway.pipeline();
        if (!gateway.isReady() || pipeline == null)
        {
            respondError(ResultCode.NOT_READY, null, null);
            return;
        }
        final ApiKey key = gateway.keys().authenticate(
            request.headers().get(API_KEY_HEADER), request.headers().get(API_SECRET_HEADER));
        if (key == null)
        {
            respondError(ResultCode.INVALID_CREDENTIALS, null, null);
            return;
        }
        final Scope required = route.requiredScope(method);
        if (!key.scope().allows(required))
        {
            respondError(ResultCode.FORBIDDEN, "this needs a key of scope " + required.wireName() + " or above", null);
            return;
        }
        final int length = request.content().readableBytes();
        final byte[] body = bodyScratch.get();
        request.content().getBytes(request.content().readerIndex(), body, 0, length);
        try
        {
            dispatch(pipeline, route, method, uri, body, length, key);
        }
        catch (final BadRequest bad)
        {
            respondError(bad.code().httpStatus(), bad.code().name(), bad.getMessage(), bad.field());
        }
    }

    private void dispatch(
        final Pipeline pipeline, final Route route, final HttpMethod method, final String uri, final byte[] body, final int length,
        final ApiKey key) throws BadRequest
    {
        final int principal = key.principal();
        switch (route)
        {
            case INSTRUMENTS:
                respond(200, gateway.instrumentsJson());
                return;
            case LATENCY:
                respond(200, gateway.metrics().latencyJson());
                return;
            case ACCOUNTS:
                if (HttpMethod.GET.equals(method))
                {
                    submit(pipeline, CommandType.LIST_ACCOUNTS, principal, query.text(CommandType.LIST_ACCOUNTS, ""));
                }
                else
                {
                    submit(pipeline, CommandType.CREATE_ACCOUNT, principal, AdminRequests.createAccount(reader, body, length));
                }
                return;
            case ACCOUNT:
            case ACCOUNT_RISK:
            case ACCOUNT_PAUSE:
            case ACCOUNT_RESUME:
            case ACCOUNT_CLOSE_ALL:
                accountRoute(pipeline, route, uri, body, length, principal);
                return;
            case KEYS:
                final AdminRequests.KeyGrant grant = AdminRequests.keyGrant(reader, body, length);
                final String secret = Secrets.newSecret();
                createdKey = new AdminRequests.CreateKey(Secrets.newKey(), secret, Secrets.hash(secret), grant.scope(), grant.accountIds());
                submit(pipeline, CommandType.CREATE_KEY, principal, createdKey);
                return;
            case QUOTES:
                final AdminRequests.Quotes quotes = AdminRequests.quotes(reader, body, length);
                acceptedQuotes = quotes.count();
                submit(pipeline, CommandType.QUOTES, principal, quotes);
                return;
            case QUOTE:
                final String symbol = match.parameter(uri);
                if (!RequestReader.isId(symbol, OrderRequest.MAX_SYMBOL))
                {
                    respondError(ResultCode.NOT_FOUND, "unknown symbol", "symbol");
                    return;
                }
                submit(pipeline, CommandType.GET_QUOTE, principal, query.text(CommandType.GET_QUOTE, symbol));
                return;
            case ORDERS:
                if (HttpMethod.POST.equals(method))
                {
                    order.decode(reader, body, length);
                    submit(pipeline, CommandType.NEW_ORDER, principal, order);
                }
                else
                {
                    submit(pipeline, CommandType.LIST_ORDERS, principal, query.list(CommandType.LIST_ORDERS, uri, match.queryStart));
                }
                return;
            case ORDER:
                final long orderId = match.parameterAsId(uri);
                if (orderId < 0)
                {
                    respondError(ResultCode.NOT_FOUND, "order not found", "order_id");
                    return;
                }
                final CommandType orderCommand = HttpMethod.GET.equals(method) ? CommandType.GET_ORDER : CommandType.CANCEL_ORDER;
                submit(pipeline, orderCommand, principal, query.id(orderCommand, orderId));
                return;
            case POSITIONS:
                submit(pipeline, CommandType.LIST_POSITIONS, principal, query.list(CommandType.LIST_POSITIONS, uri, match.queryStart));
                return;
            case POSITION:
            case POSITION_CLOSE:
                final long positionId = match.parameterAsId(uri);
                if (positionId < 0)
                {
                    respondError(ResultCode.NOT_FOUND, "position not found", "position_id");
                    return;
                }
                if (route == Route.POSITION)
                {
                    submit(pipeline, CommandType.MODIFY_POSITION, principal, AdminRequests.modifyPosition(reader, body, length, positionId));
                }
                else
                {
                    submit(pipeline, CommandType.CLOSE_POSITION, principal, AdminRequests.closePosition(reader, body, length, positionId));
                }
                return;
            case TRADES:
                submit(pipeline, CommandType.LIST_TRADES, principal, query.list(CommandType.LIST_TRADES, uri, match.queryStart));
                return;
            case STATE_DIGEST:
                submit(pipeline, CommandType.STATE_DIGEST, principal, query.text(CommandType.STATE_DIGEST, ""));
                return;
            default:
                respondError(ResultCode.NOT_FOUND, "no such path", null);
        }
    }

    private void accountRoute(
        final Pipeline pipeline, final Route route, final String uri, final byte[] body, final int length, final int principal) throws BadRequest
    {
        final String accountId = match.parameter(uri);
        if (!RequestReader.isId(accountId, OrderRequest.MAX_ACCOUNT_ID))
        {
            respondError(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        switch (route)
        {
            case ACCOUNT:
                submit(pipeline, CommandType.GET_ACCOUNT, principal, query.text(CommandType.GET_ACCOUNT, accountId));
                return;
            case ACCOUNT_RISK:
                submit(pipeline, CommandType.SET_RISK, principal, AdminRequests.setRisk(reader, body, length, accountId));
                return;
            default:
                AdminRequests.emptyObject(reader, body, length);
                final CommandType type = route == Route.ACCOUNT_PAUSE ? CommandType.PAUSE_ACCOUNT
                    : route == Route.ACCOUNT_RESUME ? CommandType.RESUME_ACCOUNT : CommandType.CLOSE_ALL;
                submit(pipeline, type, principal, query.text(type, accountId));
        }
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
            final FullHttpResponse response = errorResponse(ResultCode.OVERLOADED.httpStatus(), ResultCode.OVERLOADED.name(),
                ResultCode.OVERLOADED.defaultMessage(), null);
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            createdKey = null;
            exchange = null;
            if (inFlight)
            {
                ctx.writeAndFlush(response).addListener(this);  // second command of a webhook: end the exchange
                return;
            }
            send(response);
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
        final FullHttpResponse response = response(status, ctx.alloc().buffer(json.length).writeBytes(json));
        if (retryAfter != null)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        send(response);
    }

    // ---- answers written by the reply stage (reply thread) ----

    /** The secret-bearing key of the CREATE_KEY in flight, or null. Reply thread only, for the command in flight. */
    AdminRequests.CreateKey createdKey()
    {
        return createdKey;
    }

    /** How many quotes the QUOTES command in flight carries. */
    int acceptedQuotes()
    {
        return acceptedQuotes;
    }

    /** Answers the command in flight. Called on the reply thread; the write completes on the event loop. */
    public void reply(final int status, final DirectBuffer json, final int length, final boolean retryAfter)
    {
        final ByteBuf content = ctx.alloc().buffer(length);
        content.writeBytes(json.byteArray(), 0, length);
        final FullHttpResponse response = response(status, content);
        if (retryAfter)
        {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        }
        ctx.writeAndFlush(response).addListener(this);
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

    /** Answers the command in flight from the event loop (a webhook refused after its credential read). */
    public void replyOnLoop(final int status, final byte[] json)
    {
        ctx.writeAndFlush(response(status, ctx.alloc().buffer(json.length).writeBytes(json))).addListener(this);
    }

    // ---- answers written on the event loop ----

    private void health()
    {
        final JsonWriter json = directJson.wrap(directBuffer, 0);
        final boolean ready = gateway.isReady();
        json.startObject();
        if (ready)
        {
            json.name("status").string("ok")
                .name("version").string(gateway.version())
                .name("uptime_seconds").number(gateway.uptimeSeconds());
        }
        else
        {
            json.name("status").string("starting");
            ErrorJson.member(json, ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), null);
        }
        json.endObject();
        sendDirect(ready ? 200 : 503, json.length());
    }

    void respond(final int status, final byte[] json)
    {
        send(response(status, ctx.alloc().buffer(json.length).writeBytes(json)));
    }

    private void respond(final int status, final byte[] body, final String contentType)
    {
        final FullHttpResponse response = response(status, ctx.alloc().buffer(body.length).writeBytes(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        send(response);
    }

    /** 405 METHOD_NOT_ALLOWED in the API error format, with the Allow header naming what is allowed. */
    void respondMethodNotAllowed(final HttpMethod method, final String allow)
    {
        final FullHttpResponse response = errorResponse(405, ErrorJson.METHOD_NOT_ALLOWED, method + " is not allowed here; allowed: " + allow, null);
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        send(response);
    }

    /** 405 with the Allow header and a body in another format (the seed-000 routes' {"error","code"}). */
    public void respondMethodNotAllowed(final String allow, final byte[] json)
    {
        final FullHttpResponse response = response(405, ctx.alloc().buffer(json.length).writeBytes(json));
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        send(response);
    }

    void respondError(final ResultCode code, final String message, final String field)
    {
        respondError(code.httpStatus(), code.name(), message == null ? code.defaultMessage() : message, field);
    }

    void respondError(final int status, final String code, final String message, final String field)
    {
        send(errorResponse(status, code, message, field));
    }

    private FullHttpResponse errorResponse(final int status, final String code, final String message, final String field)
    {
        final JsonWriter json = directJson.wrap(directBuffer, 0);
        ErrorJson.write(json, code, message, field);
        final ByteBuf content = ctx.alloc().buffer(json.length());
        content.writeBytes(directBuffer.byteArray(), 0, json.length());
        return response(status, content);
    }

    private void sendDirect(final int status, final int length)
    {
        final ByteBuf content = ctx.alloc().buffer(length);
        content.writeBytes(directBuffer.byteArray(), 0, length);
        send(response(status, content));
    }

    private void send(final FullHttpResponse response)
    {
        ctx.writeAndFlush(response);
    }

    private FullHttpResponse response(final int status, final ByteBuf content)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), content);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, APPLICATION_JSON)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        gateway.metrics().http().count(status);
        return response;
    }
}
