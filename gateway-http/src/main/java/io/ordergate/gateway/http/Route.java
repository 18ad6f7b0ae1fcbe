package io.ordergate.gateway.http;

import io.netty.handler.codec.http.HttpMethod;

import io.ordergate.gateway.auth.Scope;

/**
 * Every path the gateway answers, with the methods each allows and the scope each method needs.
 * {@code {}} in a template is one path parameter. Immutable: safe from any thread.
 */
enum Route
{
    HEALTH("/health", null, null, null, null, null),
    METRICS("/metrics", null, null, null, null, null),
    LATENCY("/api/v1/latency", Scope.READ, null, null, null, null),
    INSTRUMENTS("/api/v1/instruments", Scope.READ, null, null, null, null),
    ACCOUNTS("/api/v1/accounts", Scope.READ, Scope.ADMIN, null, null, null),
    ACCOUNT("/api/v1/accounts/{}", Scope.READ, null, null, null, null),
    ACCOUNT_RISK("/api/v1/accounts/{}/risk", null, null, Scope.ADMIN, null, null),
    ACCOUNT_PAUSE("/api/v1/accounts/{}/pause", null, Scope.ADMIN, null, null, null),
    ACCOUNT_RESUME("/api/v1/accounts/{}/resume", null, Scope.ADMIN, null, null, null),
    ACCOUNT_CLOSE_ALL("/api/v1/accounts/{}/close-all", null, Scope.ADMIN, null, null, null),
    KEYS("/api/v1/keys", null, Scope.ADMIN, null, null, null),
    QUOTES("/api/v1/quotes", null, Scope.ADMIN, null, null, null),
    QUOTE("/api/v1/quotes/{}", Scope.READ, null, null, null, null),
    ORDERS("/api/v1/orders", Scope.READ, Scope.TRADE, null, null, null),
    ORDER("/api/v1/orders/{}", Scope.READ, null, null, null, Scope.TRADE),
    POSITIONS("/api/v1/positions", Scope.READ, null, null, null, null),
    POSITION("/api/v1/positions/{}", null, null, null, Scope.TRADE, null),
    POSITION_CLOSE("/api/v1/positions/{}/close", null, Scope.TRADE, null, null, null),
    TRADES("/api/v1/trades", Scope.READ, null, null, null, null),
    STATE_DIGEST("/api/v1/state/digest", Scope.ADMIN, null, null, null, null);

    private static final Route[] ROUTES = values();
    private static final String PARAMETER = "{}";

    private final String template;
    private final String[] segments;
    /** Scope needed per method, null when the method is not allowed (HEALTH, METRICS: GET without a key). */
    private final Scope get;
    private final Scope post;
    private final Scope put;
    private final Scope patch;
    private final Scope delete;
    private final String allow;

    Route(final String template, final Scope get, final Scope post, final Scope put, final Scope patch, final Scope delete)
    {
        this.template = template;
        this.segments = template.substring(1).split("/");
        this.get = get;
        this.post = post;
        this.put = put;
        this.patch = patch;
        this.delete = delete;
        final StringBuilder allowed = new StringBuilder();
        appendIf(allowed, get != null || isOpen(template), "GET");
        appendIf(allowed, post != null, "POST");
        appendIf(allowed, put != null, "PUT");
        appendIf(allowed, patch != null, "PATCH");
        appendIf(allowed, delete != null, "DELETE");
        this.allow = allowed.toString();
    }

    /** The path template, {@code {}} standing for the one path parameter. */
    String template()
    {
        return template;
    }

    /** The value of the {@code Allow} header. */
    String allow()
    {
        return allow;
    }

    boolean allows(final HttpMethod method)
    {
        return this == HEALTH || this == METRICS ? HttpMethod.GET.equals(method) : requiredScope(method) != null;
    }

    /** The scope a method needs on this route, or null when the method is not allowed. */
    Scope requiredScope(final HttpMethod method)
    {
        if (HttpMethod.GET.equals(method))
        {
            return get;
        }
        if (HttpMethod.POST.equals(method))
        {
            return post;
        }
        if (HttpMethod.PUT.equals(method))
        {
            return put;
        }
        if (HttpMethod.PATCH.equals(method))
        {
            return patch;
        }
        if (HttpMethod.DELETE.equals(method))
        {
            return delete;
        }
        return null;
    }

    /**
     * Finds the route of a request URI (query ignored) without allocating; fills {@code match} with the
     * parameter's position in {@code uri}.
     *
     * @return the route, or null for an unknown path
     */
    static Route match(final String uri, final Match match)
    {
        int pathEnd = uri.indexOf('?');
        if (pathEnd < 0)
        {
            pathEnd = uri.length();
        }
        match.queryStart = pathEnd;
        for (final Route route : ROUTES)
        {
            if (route.matches(uri, pathEnd, match))
            {
                return route;
            }
        }
        return null;
    }

    private boolean matches(final String uri, final int pathEnd, final Match match)
    {
        int position = 0;
        match.parameterStart = -1;
        match.parameterEnd = -1;
        for (final String segment : segments)
        {
            if (position >= pathEnd || uri.charAt(position) != '/')
            {
                return false;
            }
            position++;
            int end = uri.indexOf('/', position);
            if (end < 0 || end > pathEnd)
            {
                end = pathEnd;
            }
            if (PARAMETER.equals(segment))
            {
                if (end == position)
                {
                    return false;
                }
                match.parameterStart = position;
                match.parameterEnd = end;
            }
            else if (end - position != segment.length() || !uri.regionMatches(position, segment, 0, segment.length()))
            {
                return false;
            }
            position = end;
        }
        return position == pathEnd;
    }

    /** Routes answered without a key: health checks and Prometheus scrapers carry no credentials. */
    private static boolean isOpen(final String template)
    {
        return template.equals("/health") || template.equals("/metrics");
    }

    private static void appendIf(final StringBuilder allowed, final boolean condition, final String method)
    {
        if (condition)
        {
            if (allowed.length() > 0)
            {
                allowed.append(", ");
            }
            allowed.append(method);
        }
    }

    /** Where a matched route's parameter and query are in the URI. <b>Not thread safe</b>: one per connection. */
    static final class Match
    {
        int parameterStart;
        int parameterEnd;
        int queryStart;

        /** The path parameter as a positive long, or -1 when it is not one. */
        long parameterAsId(final String uri)
        {
            final int length = parameterEnd - parameterStart;
            if (length < 1 || length > 18)
            {
                return -1;
            }
            long value = 0;
            for (int i = parameterStart; i < parameterEnd; i++)
            {
                final char c = uri.charAt(i);
                if (c < '0' || c > '9')
                {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value > 0 ? value : -1;
        }

        String parameter(final String uri)
        {
            return uri.substring(parameterStart, parameterEnd);
        }
    }
}
