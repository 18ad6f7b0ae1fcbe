package io.ordergate.gateway.core;

import java.util.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;

/**
 * What happens to every request before and around its handler, in this order:
 * <pre>
 *   1. match         the route table (a miss is answered after step 2: 404 for a path it does not know, 405 with Allow
 *                    for a method the path lacks)
 *   2. target        a malformed %-escape anywhere in the path or query: 400, also on a path the table does not know
 *                    (the target is never logged)
 *   3. ready         503 NOT_READY (Retry-After: 1) until start-up is done, except for anonymous routes
 *   4. media type    a body where the route takes one: no Content-Type, or application/json (the webhook: or text/plain), else 415
 *   5. access        the route's access resolves the caller, or refuses (401, 403, 404)
 *   6. handler       answers, or publishes one command
 * </pre>
 * Every refusal is in the route's error format. Thread safe (shared by every connection).
 */
public final class Router
{
    private static final Logger LOG = Logger.getLogger(Router.class.getName());

    private final RouteTable table;
    private final GatewayContext gateway;

    public Router(final RouteTable table, final GatewayContext gateway)
    {
        this.table = table;
        this.gateway = gateway;
    }

    public RouteTable table()
    {
        return table;
    }

    /** Handles one request on its connection's event loop. */
    public void dispatch(final Exchange exchange)
    {
        final RouteMatch match = exchange.match();
        table.match(exchange.method(), exchange.uri(), match);                        // 1
        final Route route = match.route();
        try
        {
            PercentDecoding.checkEscapes(exchange.uri());                              // 2
            if (route == null)
            {
                if (match.allow() != null)
                {
                    exchange.error(405, ApiErrors.METHOD_NOT_ALLOWED, exchange.method() + " is not allowed here; allowed: " + match.allow(),
                        HttpHeaderNames.ALLOW, match.allow());
                }
                else
                {
                    exchange.error(ResultCode.NOT_FOUND, "no such path", null);
                }
                return;
            }
            exchange.resetQuery();
            if (!route.access().isAnonymous() && !gateway.isReady())                   // 3
            {
                exchange.error(ResultCode.NOT_READY, null, null);
                return;
            }
            if (!acceptsMediaType(route.body(), exchange))                            // 4
            {
                exchange.error(415, ApiErrors.UNSUPPORTED_MEDIA_TYPE, route.body() == BodyKind.JSON_OR_TEXT
                    ? "Content-Type must be application/json or text/plain (UTF-8)" : "Content-Type must be application/json (UTF-8)", null, null);
                return;
            }
            exchange.caller(route.access().authenticate(exchange));                    // 5
            route.handler().handle(exchange);                                          // 6
        }
        catch (final BadRequest bad)
        {
            if (!exchange.published())
            {
                exchange.error(bad);
            }
        }
        catch (final RuntimeException ex)
        {
            // Never the target or the body: either may carry a secret.
            LOG.warning(() -> "route " + (route == null ? "?" : route.operation()) + " failed: " + ex.getClass().getName());
            if (!exchange.published())
            {
                exchange.error(500, ApiErrors.INTERNAL_ERROR, "internal error", null, null);
            }
        }
    }

    private static boolean acceptsMediaType(final BodyKind body, final Exchange exchange)
    {
        if (body == BodyKind.NONE || exchange.bodyLength() == 0)
        {
            return true;
        }
        final String contentType = exchange.header(HttpHeaderNames.CONTENT_TYPE);
        if (contentType == null)
        {
            return true;  // RFC 9110 8.3: a body without a type may be examined; ours is read as what the route takes
        }
        return MediaTypes.is(contentType, MediaTypes.JSON) || body == BodyKind.JSON_OR_TEXT && MediaTypes.is(contentType, MediaTypes.TEXT);
    }
}
