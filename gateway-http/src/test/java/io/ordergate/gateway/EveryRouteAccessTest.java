package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.gateway.RouteCallers.Caller;
import io.ordergate.gateway.RouteCallers.Callers;
import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.gateway.core.Route;
import io.ordergate.gateway.core.Scope;
/**
 * Every row of the route table enforces the access it declares, checked against a running gateway: a key or a
 * signed-in user below a route's scope (read key and viewer, trade key and trader) is refused 403 FORBIDDEN and changes
 * nothing, whatever the body; a route that takes another kind of credential (an executor's key, a bot's secret, a
 * user's token) does not do its work for an admin API key; and no route but a GET does its work for a {@code read}
 * key or a viewer (API.md: read may only read), a stream ticket apart. Driven by the table, so a route added later is
 * held to the same rules.
 */
class EveryRouteAccessTest
{
    /**
     * The routes besides GETs that a read key may use: a stream ticket is how a reader opens its WebSocket. (Routes
     * like {@code POST /api/v1/keys} take scope read in the table for signed-in traders and refuse read keys in the
     * handler; the test sends them a read key to hold that.)
     */
    private static final Set<String> READ_KEY_MAY = Set.of("POST /api/v1/streams/tickets");

    @TempDir
    Path dataDir;

    @Test
    void everyRouteRefusesCallersBelowItsAccess()
    {
        final List<Route> routes = RouteCallers.routes(dataDir);
        final List<String> failures = new ArrayList<>();
        final Set<String> accessesSeen = new TreeSet<>();
        int scoped = 0;
        try (TestGateway gateway = TestGateway.start(dataDir, RouteCallers.CONFIG))
        {
            final Callers callers = RouteCallers.of(gateway);
            for (final Route route : routes)
            {
                if (RouteCallers.ENDS_THE_SESSION.equals(route.operation()))
                {
                    continue;
                }
                final String access = route.access().toString();
                accessesSeen.add(access);
                final Scope required = requiredScope(access);
                final String path = route.template().replaceAll("\\{[^}/]+}", "x1");
                final String body = HttpMethod.GET.equals(route.method()) || HttpMethod.DELETE.equals(route.method()) ? null : "{}";
                if (required != null)
                {
                    scoped++;
                    for (final Caller reader : callers.readers())
                    {
                        if (required != Scope.READ)
                        {
                            expectForbidden(gateway, route, path, body, reader, failures);
                        }
                        else if (!HttpMethod.GET.equals(route.method()) && !READ_KEY_MAY.contains(route.operation()))
                        {
                            final Reply reply = reader.call(route.method().name(), path, body);
                            if (reply.status() < 300 || reply.status() == 429)
                            {
                                failures.add(route.operation() + ": " + reader.name() + " may only read, but this " + route.method() + " answered " + reply);
                            }
                        }
                    }
                    for (final Caller trading : callers.traders())
                    {
                        if (required == Scope.ADMIN)
                        {
                            expectForbidden(gateway, route, path, body, trading, failures);
                        }
                    }
                }
                else if (!route.access().isAnonymous() && !access.startsWith("anyone") && !access.contains("scope "))
                {
                    final Reply reply = gateway.send(route.method().name(), path, body, TestGateway.ADMIN);
                    if (reply.status() < 300)
                    {
                        failures.add(route.operation() + " (" + access + ") did the work of its own credential for the admin API key: " + reply);
                    }
                }
            }
        }
        assertTrue(scoped > 50, "routes with a scope: " + scoped + "; accesses seen: " + accessesSeen);
        assertTrue(failures.isEmpty(), failures.size() + " routes broke their access; accesses seen " + accessesSeen + ": " + failures);
    }

    private static void expectForbidden(final TestGateway gateway, final Route route, final String path, final String body, final Caller caller,
        final List<String> failures)
    {
        final String before = gateway.digest();
        final Reply reply = caller.call(route.method().name(), path, body);
        if (reply.status() != 403 || !"FORBIDDEN".equals(errorCode(reply)))
        {
            failures.add(route.operation() + " (" + route.access() + ") called by " + caller.name() + ", below it: " + reply);
        }
        assertEquals(before, gateway.digest(), route.operation() + " refused a key but changed the engine's state");
    }

    /** The error code in the native shape ({@code {"error": {"code"}}}) or a seed's ({@code {"error", "code"}}). */
    private static String errorCode(final Reply reply)
    {
        try
        {
            final com.fasterxml.jackson.databind.JsonNode json = reply.json();
            return json.path("error").isObject() ? json.path("error").path("code").asText(null) : json.path("code").asText(null);
        }
        catch (final AssertionError notJson)
        {
            return null;
        }
    }

    /** The scope of a route whose access is a scope ({@code "scope trade"}), else null. */
    private static Scope requiredScope(final String access)
    {
        return access.startsWith("scope ") ? Scope.fromWireName(access.substring("scope ".length())) : null;
    }
}
