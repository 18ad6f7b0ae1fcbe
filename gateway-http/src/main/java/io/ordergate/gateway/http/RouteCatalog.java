package io.ordergate.gateway.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every operation the HTTP routers of this package serve, as {@code "METHOD /path"} with {@code {}} for a path
 * parameter: the {@link Route} table and the group, bot and webhook routes of {@link GroupRoutes}. The executor
 * routes are listed by {@code ExecutorHttp.OPERATIONS}. Read by the test that keeps docs/openapi.yaml true to the
 * code. Immutable: safe from any thread.
 */
public final class RouteCatalog
{
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

    private RouteCatalog()
    {
    }

    /** The operations of {@link Route} and {@link GroupRoutes}, in table order. */
    public static List<String> operations()
    {
        final List<String> operations = new ArrayList<>();
        for (final Route route : Route.values())
        {
            for (final String method : METHODS)
            {
                if (route.allow().contains(method))
                {
                    operations.add(method + " " + route.template());
                }
            }
        }
        operations.addAll(GroupRoutes.OPERATIONS);
        return Collections.unmodifiableList(operations);
    }
}
