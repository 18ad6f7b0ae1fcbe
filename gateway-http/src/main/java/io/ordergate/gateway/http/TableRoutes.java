package io.ordergate.gateway.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.FastThreadLocal;

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
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.metrics.GatewayMetrics;

/**
 * <b>Not thread safe</b>: belongs to one {@link HttpConnection} and its event loop. The routes of the {@link Route}
 * table (orders, accounts, keys, quotes, ...), and the {@link ExtraRoutes} of feature packages for a path the table
 * does not know: authenticates each request, checks its scope, decodes and checks its body (allocation-free for
 * orders), and either answers on the event loop (health, metrics, instruments, every refusal) or publishes one
 * command.
 */
final class TableRoutes
{
    private final HttpConnection connection;
    private final HttpAnswers answers;
    private final GatewayContext gateway;
    private final FastThreadLocal<byte[]> bodyScratch;
    private final RequestReader reader = new RequestReader();
    private final OrderRequest order = new OrderRequest();
    private final QueryBody query = new QueryBody();
    private final Route.Match match = new Route.Match();

    TableRoutes(final HttpConnection connection, final HttpAnswers answers, final GatewayContext gateway,
        final FastThreadLocal<byte[]> bodyScratch)
    {
        this.connection = connection;
        this.answers = answers;
        this.gateway = gateway;
        this.bodyScratch = bodyScratch;
    }

    void handle(final FullHttpRequest request, final String uri)
    {
        final Route route = Route.match(uri, match);
        if (route == null)
        {
            final ExtraRoutes extra = gateway.extraRoutes();
            if (extra == null || !extra.handle(connection, connection.channelContext(), request))
            {
                answers.respondError(ResultCode.NOT_FOUND, "no such path", null);
            }
            return;
        }
        final HttpMethod method = request.method();
        if (!route.allows(method))
        {
            answers.respondMethodNotAllowed(method, route.allow());
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
            answers.respond(200, gateway.metrics().prometheusText(gateway.pipeline(), gateway.isReady()), GatewayMetrics.prometheusContentType());
            return;
        }
        final Pipeline pipeline = gateway.pipeline();
        final ApiKey key = connection.authenticate(request, pipeline);
        if (key == null)
        {
            return;
        }
        final Scope required = route.requiredScope(method);
        if (!key.scope().allows(required))
        {
            answers.respondError(ResultCode.FORBIDDEN, "this needs a key of scope " + required.wireName() + " or above", null);
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
            answers.respondError(bad.code().httpStatus(), bad.code().name(), bad.getMessage(), bad.field());
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
                answers.respond(200, gateway.instrumentsJson());
                return;
            case LATENCY:
                answers.respond(200, gateway.metrics().latencyJson());
                return;
            case ACCOUNTS:
                if (HttpMethod.GET.equals(method))
                {
                    connection.submit(pipeline, CommandType.LIST_ACCOUNTS, principal, query.text(CommandType.LIST_ACCOUNTS, ""));
                }
                else
                {
                    connection.submit(pipeline, CommandType.CREATE_ACCOUNT, principal, AdminRequests.createAccount(reader, body, length));
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
                final AdminRequests.CreateKey createdKey =
                    new AdminRequests.CreateKey(Secrets.newKey(), secret, Secrets.hash(secret), grant.scope(), grant.accountIds());
                connection.createdKey(createdKey);
                connection.submit(pipeline, CommandType.CREATE_KEY, principal, createdKey);
                return;
            case QUOTES:
                final AdminRequests.Quotes quotes = AdminRequests.quotes(reader, body, length);
                connection.acceptedQuotes(quotes.count());
                connection.submit(pipeline, CommandType.QUOTES, principal, quotes);
                return;
            case QUOTE:
                final String symbol = match.parameter(uri);
                if (!RequestReader.isId(symbol, OrderRequest.MAX_SYMBOL))
                {
                    answers.respondError(ResultCode.NOT_FOUND, "unknown symbol", "symbol");
                    return;
                }
                connection.submit(pipeline, CommandType.GET_QUOTE, principal, query.text(CommandType.GET_QUOTE, symbol));
                return;
            case ORDERS:
                if (HttpMethod.POST.equals(method))
                {
                    order.decode(reader, body, length);
                    connection.submit(pipeline, CommandType.NEW_ORDER, principal, order);
                }
                else
                {
                    connection.submit(pipeline, CommandType.LIST_ORDERS, principal, query.list(CommandType.LIST_ORDERS, uri, match.queryStart));
                }
                return;
            case ORDER:
                final long orderId = match.parameterAsId(uri);
                if (orderId < 0)
                {
                    answers.respondError(ResultCode.NOT_FOUND, "order not found", "order_id");
                    return;
                }
                final CommandType orderCommand = HttpMethod.GET.equals(method) ? CommandType.GET_ORDER : CommandType.CANCEL_ORDER;
                connection.submit(pipeline, orderCommand, principal, query.id(orderCommand, orderId));
                return;
            case POSITIONS:
                connection.submit(pipeline, CommandType.LIST_POSITIONS, principal, query.list(CommandType.LIST_POSITIONS, uri, match.queryStart));
                return;
            case POSITION:
            case POSITION_CLOSE:
                final long positionId = match.parameterAsId(uri);
                if (positionId < 0)
                {
                    answers.respondError(ResultCode.NOT_FOUND, "position not found", "position_id");
                    return;
                }
                if (route == Route.POSITION)
                {
                    connection.submit(pipeline, CommandType.MODIFY_POSITION, principal, AdminRequests.modifyPosition(reader, body, length, positionId));
                }
                else
                {
                    connection.submit(pipeline, CommandType.CLOSE_POSITION, principal, AdminRequests.closePosition(reader, body, length, positionId));
                }
                return;
            case TRADES:
                connection.submit(pipeline, CommandType.LIST_TRADES, principal, query.list(CommandType.LIST_TRADES, uri, match.queryStart));
                return;
            case STATE_DIGEST:
                connection.submit(pipeline, CommandType.STATE_DIGEST, principal, query.text(CommandType.STATE_DIGEST, ""));
                return;
            default:
                answers.respondError(ResultCode.NOT_FOUND, "no such path", null);
        }
    }

    private void accountRoute(
        final Pipeline pipeline, final Route route, final String uri, final byte[] body, final int length, final int principal) throws BadRequest
    {
        final String accountId = match.parameter(uri);
        if (!RequestReader.isId(accountId, OrderRequest.MAX_ACCOUNT_ID))
        {
            answers.respondError(ResultCode.NOT_FOUND, "account not found", "account_id");
            return;
        }
        switch (route)
        {
            case ACCOUNT:
                connection.submit(pipeline, CommandType.GET_ACCOUNT, principal, query.text(CommandType.GET_ACCOUNT, accountId));
                return;
            case ACCOUNT_RISK:
                connection.submit(pipeline, CommandType.SET_RISK, principal, AdminRequests.setRisk(reader, body, length, accountId));
                return;
            default:
                AdminRequests.emptyObject(reader, body, length);
                final CommandType type = route == Route.ACCOUNT_PAUSE ? CommandType.PAUSE_ACCOUNT
                    : route == Route.ACCOUNT_RESUME ? CommandType.RESUME_ACCOUNT : CommandType.CLOSE_ALL;
                connection.submit(pipeline, type, principal, query.text(type, accountId));
        }
    }

    /** {@code GET /health}: no key, answered even before the gateway is ready (503 then). */
    private void health()
    {
        final JsonWriter json = answers.direct();
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
        answers.sendDirect(ready ? 200 : 503, json.length());
    }
}
