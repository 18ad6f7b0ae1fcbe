package io.ordergate.gateway.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.ordergate.gateway.webhook.TradingViewWebhook;

/**
 * Every operation the HTTP routers serve, as {@code "METHOD /path"} with {@code {}} for a path parameter: the
 * {@link Route} table, {@link GroupRoutes}, {@link BotRoutes} and the {@link TradingViewWebhook}. The executor routes
 * are listed by {@code ExecutorHttp.OPERATIONS}. Read by the test that keeps docs/openapi.yaml true to the code.
 * Immutable: safe from any thread.
 */
public final class RouteCatalog
{
    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};

    private RouteCatalog()
    {
    }

    /** The operations of {@link Route}, then of the groups, bots and webhook, in table order. */
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
        operations.addAll(BotRoutes.OPERATIONS);
        operations.addAll(TradingViewWebhook.OPERATIONS);
        return Collections.unmodifiableList(operations);
    }
}
