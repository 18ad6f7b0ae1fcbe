package io.ordergate.gateway.core;

import io.netty.handler.codec.http.HttpMethod;

/**
 * One segment position of the route tree: its literal children, its parameter child, and the routes ending here by
 * method. Built by {@link RouteTable.Builder} on the start-up thread, read-only after: safe from any thread.
 */
final class PathNode
{
    private String[] literals = new String[0];
    private PathNode[] children = new PathNode[0];
    private PathNode parameter;
    /** By method index of {@link RouteTable}; null where the method is not allowed. */
    final Route[] routes = new Route[5];
    /** The {@code Allow} header of this path: its methods, in table order. */
    String allow;

    void add(final Route route, final int methodIndex)
    {
        PathNode node = this;
        for (final String segment : route.segments())
        {
            node = Route.isParameter(segment) ? node.parameterChild() : node.literalChild(segment);
        }
        if (node.routes[methodIndex] != null)
        {
            throw new IllegalArgumentException(route.operation() + " and " + node.routes[methodIndex].operation() + " are the same route");
        }
        node.routes[methodIndex] = route;
    }

    private PathNode parameterChild()
    {
        if (parameter == null)
        {
            parameter = new PathNode();
        }
        return parameter;
    }

    private PathNode literalChild(final String literal)
    {
        for (int i = 0; i < literals.length; i++)
        {
            if (literals[i].equals(literal))
            {
                return children[i];
            }
        }
        final String[] moreLiterals = new String[literals.length + 1];
        final PathNode[] moreChildren = new PathNode[children.length + 1];
        System.arraycopy(literals, 0, moreLiterals, 0, literals.length);
        System.arraycopy(children, 0, moreChildren, 0, children.length);
        moreLiterals[literals.length] = literal;
        moreChildren[children.length] = new PathNode();
        literals = moreLiterals;
        children = moreChildren;
        return moreChildren[literals.length - 1];
    }

    void seal(final HttpMethod[] methods)
    {
        final StringBuilder allowed = new StringBuilder();
        for (int i = 0; i < routes.length; i++)
        {
            if (routes[i] != null)
            {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(methods[i].name());
            }
        }
        allow = allowed.length() == 0 ? null : allowed.toString();
        for (final PathNode child : children)
        {
            child.seal(methods);
        }
        if (parameter != null)
        {
            parameter.seal(methods);
        }
    }

    Route anyRoute()
    {
        for (final Route route : routes)
        {
            if (route != null)
            {
                return route;
            }
        }
        return null;
    }

    /**
     * The node the path from {@code position} (the start of a segment) to {@code pathEnd} ends at, or null. A literal
     * is tried before the parameter; a dead end falls back to the parameter.
     */
    PathNode find(final String uri, final int position, final int pathEnd, final RouteMatch match, final int parameterIndex)
    {
        int segmentEnd = uri.indexOf('/', position);
        if (segmentEnd < 0 || segmentEnd > pathEnd)
        {
            segmentEnd = pathEnd;
        }
        final boolean last = segmentEnd == pathEnd;
        final int length = segmentEnd - position;
        for (int i = 0; i < literals.length; i++)
        {
            final String literal = literals[i];
            if (literal.length() == length && uri.regionMatches(position, literal, 0, length))
            {
                final PathNode found = last ? children[i].endingHere() : children[i].find(uri, segmentEnd + 1, pathEnd, match, parameterIndex);
                if (found != null)
                {
                    return found;
                }
            }
        }
        if (parameter != null && length > 0 && parameterIndex < RouteMatch.MAX_PARAMETERS)
        {
            match.parameter(parameterIndex, position, segmentEnd);
            return last ? parameter.endingHere() : parameter.find(uri, segmentEnd + 1, pathEnd, match, parameterIndex + 1);
        }
        return null;
    }

    private PathNode endingHere()
    {
        return allow != null ? this : null;
    }
}
