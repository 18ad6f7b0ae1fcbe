package io.ordergate.gateway.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.netty.handler.codec.http.HttpMethod;

/**
 * The one route table: every HTTP and WebSocket route of the gateway, as rows the features add at start-up. Matching
 * walks a tree of path segments (a literal beats a parameter; extra segments never match) without allocating, and
 * tells a path it knows with another method (405, and the methods it allows) from a path it does not know (404).
 * Immutable once built: safe from any thread.
 */
public final class RouteTable
{
    private static final HttpMethod[] METHODS = {HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE};

    private final List<Route> routes;
    private final PathNode root;
    private final String[] notFoundPrefixes;
    private final ErrorFormat[] notFoundFormats;

    private RouteTable(final List<Route> routes, final PathNode root, final List<String> prefixes, final List<ErrorFormat> formats)
    {
        this.routes = Collections.unmodifiableList(routes);
        this.root = root;
        this.notFoundPrefixes = prefixes.toArray(new String[0]);
        this.notFoundFormats = formats.toArray(new ErrorFormat[0]);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** Every row, in the order the features added them. */
    public List<Route> routes()
    {
        return routes;
    }

    /** Every operation as {@code "METHOD /template"} (what docs/openapi.yaml must list, no more, no less). */
    public List<String> operations()
    {
        final List<String> operations = new ArrayList<>(routes.size());
        for (final Route route : routes)
        {
            operations.add(route.operation());
        }
        return operations;
    }

    /**
     * Matches a request's path (the query ignored) and fills {@code match}: its route, or for a known path with another
     * method the methods allowed, with the path parameters' places in the URI.
     */
    public void match(final HttpMethod method, final String uri, final RouteMatch match)
    {
        match.reset(uri);
        final int pathEnd = match.pathEnd();
        final PathNode node = uri.isEmpty() || uri.charAt(0) != '/' ? null : root.find(uri, 1, pathEnd, match, 0);
        if (node == null)
        {
            match.notFound(notFoundFormat(uri, pathEnd));
            return;
        }
        final int index = methodIndex(method);
        final Route route = index < 0 ? null : node.routes[index];
        if (route == null)
        {
            match.methodNotAllowed(node.allow, node.anyRoute().errors());
            return;
        }
        match.found(route);
    }

    private ErrorFormat notFoundFormat(final String uri, final int pathEnd)
    {
        for (int i = 0; i < notFoundPrefixes.length; i++)
        {
            final String prefix = notFoundPrefixes[i];
            if (pathEnd >= prefix.length() && uri.startsWith(prefix))
            {
                return notFoundFormats[i];
            }
        }
        return ErrorFormat.API;
    }

    static int methodIndex(final HttpMethod method)
    {
        for (int i = 0; i < METHODS.length; i++)
        {
            if (METHODS[i].equals(method))
            {
                return i;
            }
        }
        return -1;
    }

    /** Collects the rows of every feature; {@link #build} checks them once. Start-up thread only. */
    public static final class Builder
    {
        private final List<Route> routes = new ArrayList<>();
        private final List<String> prefixes = new ArrayList<>();
        private final List<ErrorFormat> formats = new ArrayList<>();

        private Builder()
        {
        }

        public Builder add(final Route route)
        {
            routes.add(route);
            return this;
        }

        /** An unknown path under {@code prefix} is answered 404 in {@code format} (a seed's clients parse their own). */
        public Builder notFound(final String prefix, final ErrorFormat format)
        {
            prefixes.add(prefix);
            formats.add(format);
            return this;
        }

        public Builder add(final Feature feature)
        {
            feature.routes(this);
            return this;
        }

        /** @throws IllegalArgumentException for a method other than GET/POST/PUT/PATCH/DELETE or a row given twice */
        public RouteTable build()
        {
            final PathNode root = new PathNode();
            final Set<String> seen = new HashSet<>();
            for (final Route route : routes)
            {
                if (!seen.add(route.operation()))
                {
                    throw new IllegalArgumentException("a route is in the table twice: " + route.operation());
                }
                final int index = methodIndex(route.method());
                if (index < 0)
                {
                    throw new IllegalArgumentException("unsupported method: " + route.operation());
                }
                root.add(route, index);
            }
            root.seal(METHODS);
            return new RouteTable(new ArrayList<>(routes), root, prefixes, formats);
        }
    }
}
