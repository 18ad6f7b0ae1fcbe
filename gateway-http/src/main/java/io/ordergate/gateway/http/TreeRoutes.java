package io.ordergate.gateway.http;

import java.util.List;
import java.util.Map;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.FastThreadLocal;

import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.Scope;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.RequestBody;
import io.ordergate.gateway.json.RequestReader;
import io.ordergate.gateway.webhook.TradingViewWebhook;

/**
 * <b>Not thread safe</b>: belongs to one {@link HttpConnection} and its event loop. The way in to the routes of
 * issue 5, which decode with a small JSON tree and allocate (admin-style paths): {@link GroupRoutes},
 * {@link BotRoutes} and the {@link TradingViewWebhook}. It does what they share once (the path split, the body copy,
 * and for groups and bots readiness and the API key) and holds the helpers the group and bot routers share.
 */
final class TreeRoutes
{
    private static final String GROUPS = "/api/v1/groups";
    private static final String BOTS = "/api/v1/bots";

    private final HttpConnection connection;
    private final GatewayContext gateway;
    private final FastThreadLocal<byte[]> bodyScratch;
    private final GroupRoutes groups;
    private final BotRoutes bots;
    private final TradingViewWebhook webhook;

    TreeRoutes(final HttpConnection connection, final GatewayContext gateway, final FastThreadLocal<byte[]> bodyScratch)
    {
        this.connection = connection;
        this.gateway = gateway;
        this.bodyScratch = bodyScratch;
        this.groups = new GroupRoutes(this);
        this.bots = new BotRoutes(this, connection, gateway);
        this.webhook = new TradingViewWebhook(connection, gateway);
    }

    static boolean owns(final String uri)
    {
        return startsWithSegment(uri, TradingViewWebhook.PATH) || startsWithSegment(uri, GROUPS) || startsWithSegment(uri, BOTS);
    }

    private static boolean startsWithSegment(final String uri, final String prefix)
    {
        return uri.startsWith(prefix) && (uri.length() == prefix.length() || "/?".indexOf(uri.charAt(prefix.length())) >= 0);
    }

    void handle(final FullHttpRequest request, final String uri)
    {
        final Pipeline pipeline = gateway.pipeline();
        final HttpMethod method = request.method();
        final String path = new QueryStringDecoder(uri).path();
        final String[] parts = path.substring(1).split("/");
        final int length = request.content().readableBytes();
        final byte[] body = bodyScratch.get();
        request.content().getBytes(request.content().readerIndex(), body, 0, length);
        if (startsWithSegment(uri, TradingViewWebhook.PATH))
        {
            webhook.handle(request, method, parts, body, length, pipeline);  // its own readiness check and error body
            return;
        }
        try
        {
            final ApiKey key = connection.authenticate(request, pipeline);
            if (key == null)
            {
                return;
            }
            final Map<String, List<String>> query = new QueryStringDecoder(uri).parameters();
            if ("groups".equals(parts[2]))
            {
                groups.handle(pipeline, key, method, parts, body, length);
            }
            else
            {
                bots.handle(pipeline, key, method, parts, body, length, query);
            }
        }
        catch (final BadRequest bad)
        {
            connection.respondError(bad.code().httpStatus(), bad.code().name(), bad.getMessage(), bad.field());
        }
    }

    /** The bot routes, whose answer to a bot's creation the reply stage writes. */
    BotRoutes bots()
    {
        return bots;
    }

    /** The webhook, whose credential read the reply stage hands back. */
    TradingViewWebhook webhook()
    {
        return webhook;
    }

    // ---- shared by the group and bot routes ----

    /** True for a collection itself ({@code /api/v1/groups}, {@code /api/v1/bots}, with or without a final '/'), not a member. */
    static boolean isCollection(final String[] parts)
    {
        return parts.length == 3 || (parts.length == 4 && parts[3].isEmpty());
    }

    void send(final Pipeline pipeline, final ApiKey key, final Scope required, final CommandType type, final RequestBody body)
    {
        if (!key.scope().allows(required))
        {
            connection.respondError(ResultCode.FORBIDDEN, "this needs a key of scope " + required.wireName() + " or above", null);
            return;
        }
        connection.submit(pipeline, type, key.principal(), body);
    }

    void notAllowed(final HttpMethod method, final String allowed)
    {
        connection.respondMethodNotAllowed(method, allowed);
    }

    void noSuchPath()
    {
        connection.respondError(ResultCode.NOT_FOUND, "no such path", null);
    }

    static String pathId(final String text, final String field) throws BadRequest
    {
        final String decoded = QueryStringDecoder.decodeComponent(text);
        if (!RequestReader.isId(decoded, 64))
        {
            throw new BadRequest(ResultCode.NOT_FOUND, field + " not found", field);
        }
        return decoded;
    }
}
