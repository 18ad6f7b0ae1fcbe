package io.ordergate.gateway.executor;

import java.util.List;
import java.util.logging.Logger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;

import io.ordergate.config.ExecutorConfig;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.Scope;
import io.ordergate.gateway.http.ExtraRoutes;
import io.ordergate.gateway.http.GatewayContext;
import io.ordergate.gateway.http.HttpConnection;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestReader;

/**
 * The executor routes, on the connection's event loop:
 * <pre>
 *   POST /api/v1/executors                 admin    register; 201 with api_key and api_secret (shown once)
 *   GET  /api/v1/executors[/{id}]          read     status, last heartbeat, metadata, pending commands
 *   POST /api/v1/executors/{id}/commands   admin    a control command
 *   POST  /api/executor/{id}/heartbeat     executor seed 000, rate limited
 *   PATCH /api/executor/{id}/command       executor seed 000, rate limited
 *   POST  /api/trade                       executor seed 000, rate limited
 *   GET   /api/executor/{id}/stream        executor WebSocket upgrade
 * </pre>
 * An executor's key works for its own id only: another known id answers 401, an unknown one 404. Thread safe.
 */
public final class ExecutorHttp implements ExtraRoutes
{
    static final String API_KEY_HEADER = "X-API-Key";
    static final String API_SECRET_HEADER = "X-API-Secret";
    private static final Logger LOG = Logger.getLogger(ExecutorHttp.class.getName());
    private static final String ADMIN_PREFIX = "/api/v1/executors";
    private static final String SEED_PREFIX = "/api/executor/";
    private static final String TRADE_PATH = "/api/trade";
    private static final int MAX_WS_FRAME = 65_536;
    /** What {@link #handle} serves ({@code {}} is a path parameter), as listed above; read by the API reference's test. */
    public static final List<String> OPERATIONS = List.of(
        "GET /api/v1/executors", "POST /api/v1/executors", "GET /api/v1/executors/{}", "POST /api/v1/executors/{}/commands",
        "POST /api/executor/{}/heartbeat", "PATCH /api/executor/{}/command", "POST /api/trade", "GET /api/executor/{}/stream");

    private final GatewayContext gateway;
    private final ExecutorKeys keys;
    private final ExecutorSessions sessions;
    private final ExecutorRateLimits limits;
    private final ExecutorConfig config;

    public ExecutorHttp(final GatewayContext gateway, final ExecutorKeys keys, final ExecutorSessions sessions)
    {
        this.gateway = gateway;
        this.keys = keys;
        this.sessions = sessions;
        this.config = gateway.config().executors();
        this.limits = new ExecutorRateLimits(config);
    }

    @Override
    public boolean handle(final HttpConnection connection, final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        String path = request.uri();
        final int query = path.indexOf('?');
        if (query >= 0)
        {
            path = path.substring(0, query);
        }
        final boolean admin = path.equals(ADMIN_PREFIX) || path.startsWith(ADMIN_PREFIX + "/");
        final boolean seed = path.startsWith(SEED_PREFIX) || path.equals(TRADE_PATH);
        if (!admin && !seed)
        {
            return false;
        }
        if (!gateway.isReady() || gateway.pipeline() == null)
        {
            connection.respondJson(503, seed ? SeedJson.seedError(ResultCode.NOT_READY, null)
                : SeedJson.apiError(ResultCode.NOT_READY.name(), ResultCode.NOT_READY.defaultMessage(), null), "1");
            return true;
        }
        final byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        try
        {
            if (admin)
            {
                admin(connection, request, path, body);
            }
            else
            {
                seed(connection, ctx, request, path, body);
            }
        }
        catch (final BadRequest bad)
        {
            connection.respondJson(bad.code().httpStatus(), admin
                ? SeedJson.apiError(bad.code().name(), bad.getMessage(), bad.field())
                : SeedJson.seedError(bad.code().name(), bad.getMessage()), null);
        }
        return true;
    }

    private void admin(final HttpConnection connection, final FullHttpRequest request, final String path, final byte[] body) throws BadRequest
    {
        final ApiKey key = gateway.keys().authenticate(request.headers().get(API_KEY_HEADER), request.headers().get(API_SECRET_HEADER));
        if (key == null)
        {
            connection.respondJson(401, SeedJson.apiError(ResultCode.INVALID_CREDENTIALS.name(), ResultCode.INVALID_CREDENTIALS.defaultMessage(), null), null);
            return;
        }
        final String[] parts = path.substring(1).split("/");  // api, v1, executors, {id}?, commands?
        final HttpMethod method = request.method();
        final String executorId = parts.length >= 4 ? parts[3] : null;
        if (executorId != null && !RequestReader.isId(executorId, ExecutorJson.MAX_ID))
        {
            connection.respondJson(404, SeedJson.apiError(ResultCode.EXECUTOR_NOT_FOUND.name(), "executor not found", "executor_id"), null);
            return;
        }
        if (parts.length == 3)
        {
            if (HttpMethod.GET.equals(method) && allowed(connection, key, Scope.READ))
            {
                connection.submit(CommandType.LIST_EXECUTORS, key.principal(), new ExecutorRequests.Empty(), ExecutorExchange.ADMIN);
            }
            else if (HttpMethod.POST.equals(method) && allowed(connection, key, Scope.ADMIN))
            {
                final ExecutorRequests.CreateExecutor create = ExecutorRequests.createExecutor(body, body.length);
                connection.submit(CommandType.CREATE_EXECUTOR, key.principal(), create, new ExecutorExchange(false, create.apiSecret()));
            }
            else if (!HttpMethod.GET.equals(method) && !HttpMethod.POST.equals(method))
            {
                methodNotAllowed(connection, "GET, POST", false);
            }
            return;
        }
        if (parts.length == 4)
        {
            if (!HttpMethod.GET.equals(method))
            {
                methodNotAllowed(connection, "GET", false);
            }
            else if (allowed(connection, key, Scope.READ))
            {
                connection.submit(CommandType.GET_EXECUTOR, key.principal(), new ExecutorRequests.Id(executorId), ExecutorExchange.ADMIN);
            }
            return;
        }
        if (parts.length == 5 && parts[4].equals("commands"))
        {
            if (!HttpMethod.POST.equals(method))
            {
                methodNotAllowed(connection, "POST", false);
            }
            else if (allowed(connection, key, Scope.ADMIN))
            {
                connection.submit(CommandType.EXECUTOR_COMMAND, key.principal(), ExecutorRequests.command(executorId, body, body.length),
                    ExecutorExchange.ADMIN);
            }
            return;
        }
        connection.respondJson(404, SeedJson.apiError(ResultCode.NOT_FOUND.name(), "no such path", null), null);
    }

    private static boolean allowed(final HttpConnection connection, final ApiKey key, final Scope required)
    {
        if (key.scope().allows(required))
        {
            return true;
        }
        connection.respondJson(403, SeedJson.apiError(ResultCode.FORBIDDEN.name(),
            "this needs a key of scope " + required.wireName() + " or above", null), null);
        return false;
    }

    private void seed(final HttpConnection connection, final ChannelHandlerContext ctx, final FullHttpRequest request, final String path,
        final byte[] body) throws BadRequest
    {
        final HttpMethod method = request.method();
        final String executorId;
        final String action;
        if (path.equals(TRADE_PATH))
        {
            if (!HttpMethod.POST.equals(method))
            {
                methodNotAllowed(connection, "POST", true);
                return;
            }
            executorId = null;
            action = "trade";
        }
        else
        {
            final String[] parts = path.substring(SEED_PREFIX.length()).split("/");
            if (parts.length != 2 || !(parts[1].equals("heartbeat") || parts[1].equals("command") || parts[1].equals("stream")))
            {
                connection.respondJson(404, SeedJson.seedError("NOT_FOUND", "Not found"), null);
                return;
            }
            executorId = parts[0];
            action = parts[1];
            final HttpMethod expected = action.equals("heartbeat") ? HttpMethod.POST : action.equals("command") ? HttpMethod.PATCH : HttpMethod.GET;
            if (!expected.equals(method))
            {
                methodNotAllowed(connection, expected.name(), true);
                return;
            }
        }

        final ExecutorKeys.Entry entry = keys.authenticate(request.headers().get(API_KEY_HEADER), request.headers().get(API_SECRET_HEADER));
        if (entry == null)
        {
            connection.respondJson(401, SeedJson.seedError(ResultCode.INVALID_CREDENTIALS, null), null);
            return;
        }
        if (action.equals("trade"))
        {
            final TradeReport trade = TradeReport.parse(body, body.length);
            if (!owns(connection, entry, trade.executorId()) || !withinLimit(connection, entry, ExecutorRateLimits.Kind.TRADE))
            {
                return;
            }
            connection.submit(CommandType.TRADE_REPORT, CommandFrame.PRINCIPAL_SYSTEM, trade, ExecutorExchange.SEED);
            return;
        }
        if (!owns(connection, entry, executorId))
        {
            return;
        }
        switch (action)
        {
            case "heartbeat":
                if (withinLimit(connection, entry, ExecutorRateLimits.Kind.HEARTBEAT))
                {
                    connection.submit(CommandType.EXECUTOR_HEARTBEAT, CommandFrame.PRINCIPAL_SYSTEM,
                        Heartbeat.parse(executorId, body, body.length), ExecutorExchange.SEED);
                }
                return;
            case "command":
                if (withinLimit(connection, entry, ExecutorRateLimits.Kind.COMMAND))
                {
                    connection.submit(CommandType.COMMAND_RESULT, CommandFrame.PRINCIPAL_SYSTEM,
                        CommandResult.parse(executorId, body, body.length), ExecutorExchange.SEED);
                }
                return;
            default:
                upgrade(connection, ctx, request, entry);
        }
    }

    /** The key's own executor: another registered id answers 401, an id nobody registered 404. */
    private boolean owns(final HttpConnection connection, final ExecutorKeys.Entry entry, final String executorId)
    {
        if (entry.executorId().equals(executorId))
        {
            return true;
        }
        if (executorId == null || keys.byExecutorId(executorId) == null)
        {
            connection.respondJson(404, SeedJson.seedError(ResultCode.EXECUTOR_NOT_FOUND, null), null);
        }
        else
        {
            connection.respondJson(401, SeedJson.seedError(ResultCode.INVALID_CREDENTIALS, null), null);
        }
        return false;
    }

    private boolean withinLimit(final HttpConnection connection, final ExecutorKeys.Entry entry, final ExecutorRateLimits.Kind kind)
    {
        final int retryAfter = limits.acquire(entry.executorId(), kind, System.nanoTime());
        if (retryAfter == ExecutorRateLimits.ALLOWED)
        {
            return true;
        }
        connection.respondJson(429, SeedJson.rateLimited(retryAfter), Integer.toString(retryAfter));
        return false;
    }

    private static void methodNotAllowed(final HttpConnection connection, final String allow, final boolean seed)
    {
        final String message = "method not allowed; allowed: " + allow;
        connection.respondMethodNotAllowed(allow, seed ? SeedJson.seedError("METHOD_NOT_ALLOWED", message)
            : SeedJson.apiError("METHOD_NOT_ALLOWED", message, null));
    }

    /**
     * Turns the connection into the executor's WebSocket: the HTTP handlers make way for the WebSocket codec, an
     * idle handler (ping every ping_interval_seconds, close after socket_idle_timeout_seconds of silence) and the socket.
     */
    private void upgrade(final HttpConnection connection, final ChannelHandlerContext ctx, final FullHttpRequest request,
        final ExecutorKeys.Entry entry)
    {
        // Checked before the pipeline is touched: a plain GET must get an answer, not a half-made socket.
        if (!request.headers().containsValue(io.netty.handler.codec.http.HttpHeaderNames.UPGRADE, "websocket", true)
            || !request.headers().containsValue(io.netty.handler.codec.http.HttpHeaderNames.CONNECTION, "upgrade", true))
        {
            connection.respondJson(400, SeedJson.seedError("VALIDATION_ERROR",
                "this route is a WebSocket: send Connection: Upgrade and Upgrade: websocket"), null);
            return;
        }
        final String location = "ws://" + request.headers().get("Host") + request.uri();
        final WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(location, null, false, MAX_WS_FRAME)
            .newHandshaker(request);
        if (handshaker == null)
        {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        final ExecutorSocket socket = new ExecutorSocket(gateway, sessions, limits, entry);
        final ChannelPipeline pipeline = ctx.pipeline();
        for (final String name : new String[] {"idle", "keep-alive"})
        {
            if (pipeline.get(name) != null)
            {
                pipeline.remove(name);
            }
        }
        pipeline.addBefore("gateway", "ws-idle",
            new IdleStateHandler(config.socketIdleTimeoutSeconds(), config.pingIntervalSeconds(), 0));
        pipeline.replace("gateway", "executor-socket", socket);
        handshaker.handshake(ctx.channel(), request).addListener(future ->
        {
            if (future.isSuccess())
            {
                socket.opened(ctx.channel());
            }
            else
            {
                LOG.fine(() -> "WebSocket handshake failed for executor " + entry.executorId());
                ctx.close();
            }
        });
    }
}
