package io.ordergate.gateway.executors;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.channel.Channel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.FastThreadLocal;
import io.netty.util.concurrent.ScheduledFuture;

import io.ordergate.config.ExecutorConfig;
import io.ordergate.config.secrets.SecretBox;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Accesses;
import io.ordergate.gateway.core.Answer;
import io.ordergate.gateway.core.Answers;
import io.ordergate.gateway.core.BodyKind;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Feature;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.SplicedField;
import io.ordergate.gateway.core.RouteTable;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.core.WebSocketUpgrade;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;

/**
 * The executors' routes. Admin (API.md's errors): register (201 with the executor's key and secret, shown once), list,
 * read, send a control command. Seed 000, exactly as its document (its paths, camelCase bodies, {"error", "code"}
 * errors, rate limits), with an executor's own key: heartbeat, command result, trade report, and the WebSocket that
 * pushes commands the moment they exist. Thread safe.
 */
public final class ExecutorRoutes implements Feature
{
    private static final int MAX_WS_FRAME = 65_536;
    private static final Answer SEED = Answers.engineJson(SeedErrors.FORMAT);
    /** How often an agent's open socket is judged again (as the stream sockets' callers are). */
    static final int RECHECK_SECONDS = 1;

    private final GatewayContext gateway;
    private final Accesses access;
    private final ExecutorKeys keys;
    private final ExecutorAccess executorKey;
    private final ExecutorSessions sessions;
    private final ExecutorRateLimits limits;
    private final ExecutorConfig config;

    /** Reply thread only: heartbeat answers, over HTTP and the WebSocket, with seed 004's passwords opened. */
    private final SealedPasswords sealed;
    private final Answer heartbeatAnswer;
    /** An event loop's readers of results and trade reports: a request's body is published before the loop reads the next. */
    private final FastThreadLocal<CommandResult> results = new FastThreadLocal<>()
    {
        @Override
        protected CommandResult initialValue()
        {
            return new CommandResult();
        }
    };
    private final FastThreadLocal<TradeReport> trades = new FastThreadLocal<>()
    {
        @Override
        protected TradeReport initialValue()
        {
            return new TradeReport();
        }
    };

    public ExecutorRoutes(final GatewayContext gateway, final Accesses access, final ExecutorKeys keys, final ExecutorSessions sessions,
        final SecretBox secrets, final SentCommands sent)
    {
        this.sealed = new SealedPasswords(secrets);
        this.heartbeatAnswer = this::heartbeatAnswer;
        this.gateway = gateway;
        this.access = access;
        this.keys = keys;
        this.executorKey = new ExecutorAccess(keys);
        this.sessions = sessions;
        this.config = gateway.config().executors();
        this.limits = new ExecutorRateLimits(config, sent);
    }

    @Override
    public void routes(final RouteTable.Builder table)
    {
        final Access seed = executorKey;
        table.add(Route.get("/api/v1/executors", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.LIST_EXECUTORS, new ExecutorRequests.Empty(), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/executors", access.scope(Scope.ADMIN), BodyKind.JSON, this::register))
            .add(Route.get("/api/v1/executors/{executor_id}", access.scope(Scope.READ),
                exchange -> exchange.publish(CommandType.GET_EXECUTOR, new ExecutorRequests.Id(executorId(exchange)), Answers.ENGINE_JSON)))
            .add(Route.post("/api/v1/executors/{executor_id}/commands", access.scope(Scope.ADMIN), BodyKind.JSON,
                exchange -> exchange.publish(CommandType.EXECUTOR_COMMAND,
                    ExecutorRequests.command(executorId(exchange), exchange.json(), exchange.body(), exchange.bodyLength()), Answers.ENGINE_JSON)))
            .add(Route.post("/api/executor/{executorId}/heartbeat", seed, BodyKind.OPTIONAL_JSON, this::heartbeat).errors(SeedErrors.FORMAT))
            .add(Route.patch("/api/executor/{executorId}/command", seed, BodyKind.JSON, this::result).errors(SeedErrors.FORMAT))
            .add(Route.post("/api/trade", seed, BodyKind.JSON, this::trade).errors(SeedErrors.FORMAT))
            .add(Route.get("/api/executor/{executorId}/stream", seed, this::stream).errors(SeedErrors.FORMAT))
            .notFound("/api/executor/", SeedErrors.FORMAT);
    }

    private void register(final Exchange exchange) throws BadRequest
    {
        final ExecutorRequests.CreateExecutor create = ExecutorRequests.createExecutor(exchange.json(), exchange.body(), exchange.bodyLength());
        exchange.publish(CommandType.CREATE_EXECUTOR, create, SplicedField.of("api_secret", create.apiSecret()));
    }

    private void heartbeat(final Exchange exchange) throws BadRequest
    {
        final ExecutorKeys.Entry executor = (ExecutorKeys.Entry)exchange.caller();
        if (withinLimit(exchange, executor, ExecutorRateLimits.Kind.HEARTBEAT))
        {
            final Heartbeat heartbeat;
            try
            {
                heartbeat = Heartbeat.parse(executor.executorId(), exchange.json(), exchange.body(), exchange.bodyLength());
            }
            catch (final BadRequest bad)
            {
                SocketMessageDecoder.countRefusedMetadata(gateway, bad);
                throw bad;
            }
            exchange.publish(CommandType.EXECUTOR_HEARTBEAT, heartbeat, heartbeatAnswer);
        }
    }

    private void result(final Exchange exchange) throws BadRequest
    {
        final ExecutorKeys.Entry executor = (ExecutorKeys.Entry)exchange.caller();
        final CommandResult result = results.get().parse(executor.executorId(), exchange.json(), exchange.body(), exchange.bodyLength());
        if (allowed(exchange, limits.acquireResult(executor, result, System.nanoTime())))
        {
            exchange.publish(CommandType.COMMAND_RESULT, result, SEED);
        }
    }

    private void trade(final Exchange exchange) throws BadRequest
    {
        final ExecutorKeys.Entry executor = (ExecutorKeys.Entry)exchange.caller();
        final TradeReport trade = trades.get().parse(exchange.json(), exchange.body(), exchange.bodyLength());
        executorKey.owns(executor, trade.executorId());
        if (allowed(exchange, limits.acquireTrade(executor, trade, System.nanoTime())))
        {
            exchange.publish(CommandType.TRADE_REPORT, trade, SEED);
        }
    }

    /**
     * The executor's WebSocket: the HTTP handlers make way for the WebSocket codec, an idle handler (ping every
     * ping_interval_seconds, close after socket_idle_timeout_seconds of silence) and the socket.
     */
    private void stream(final Exchange exchange) throws BadRequest
    {
        WebSocketUpgrade.require(exchange);
        final ExecutorKeys.Entry executor = (ExecutorKeys.Entry)exchange.caller();
        final ExecutorSocket socket = new ExecutorSocket(gateway, sessions, limits, executor, sealed);
        WebSocketUpgrade.upgrade(exchange, MAX_WS_FRAME, new IdleStateHandler(config.socketIdleTimeoutSeconds(), config.pingIntervalSeconds(), 0),
            "executor-socket", socket, channel ->
            {
                socket.opened(channel);
                if (keys.mayBeRevoked(executor))
                {
                    closeOnceRevoked(channel, socket, executor);
                }
            });
    }

    /**
     * An agent's socket lasts while its pairing key would still be let in, as a stream socket lasts while its key or session
     * would (its owner disabled, or the key ended by the user's password reset: closed with 1008 saying so, its commands left
     * pending). Judged every {@link #RECHECK_SECONDS} on the socket's event loop, a map read or two. An executor an admin
     * registered is not judged: its key is never revoked.
     */
    private void closeOnceRevoked(final Channel channel, final ExecutorSocket socket, final ExecutorKeys.Entry agent)
    {
        final ScheduledFuture<?>[] check = new ScheduledFuture<?>[1];
        check[0] = channel.eventLoop().scheduleAtFixedRate(() ->
        {
            if (!keys.stillValid(agent))
            {
                check[0].cancel(false);
                socket.close("the agent's pairing key no longer works: its owner is disabled, or a password reset ended it");
            }
        }, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
        channel.closeFuture().addListener(closed -> check[0].cancel(false));
    }

    /** Seed 000's heartbeat body; a pending seed-004 command in it carries its password, opened here. Reply thread. */
    private int heartbeatAnswer(final CommandEvent event, final JsonWriter json)
    {
        final int failed = Answers.failure(event, json, SeedErrors.FORMAT);
        if (failed != 0)
        {
            return failed;
        }
        if (SealedPasswords.holdsMarker(event.output, 0, event.outputLength))
        {
            json.raw(sealed.open(event.output, 0, event.outputLength), 0, sealed.length());
        }
        else
        {
            json.raw(event.output, 0, event.outputLength);
        }
        return event.result.httpStatus();
    }

    private boolean withinLimit(final Exchange exchange, final ExecutorKeys.Entry executor, final ExecutorRateLimits.Kind kind)
    {
        return allowed(exchange, limits.acquire(executor.executorId(), kind, System.nanoTime()));
    }

    /** True when allowed; otherwise answers seed 000's 429 with retryAfter. */
    private static boolean allowed(final Exchange exchange, final int retryAfter)
    {
        if (retryAfter == ExecutorRateLimits.ALLOWED)
        {
            return true;
        }
        exchange.sendRetryAfter(429, ("{\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"retryAfter\":" + retryAfter + "}")
            .getBytes(StandardCharsets.US_ASCII), retryAfter);
        return false;
    }

    private static String executorId(final Exchange exchange) throws BadRequest
    {
        return exchange.path().clientId("executor_id", Ids.MAX_LENGTH, ResultCode.EXECUTOR_NOT_FOUND, "executor not found");
    }
}
