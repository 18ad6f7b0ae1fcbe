package io.ordergate.gateway.core;

/**
 * What matching found for the request being handled: its route (or why there is none) and where each path parameter
 * is in the URI, so parameters are located once and read without copying. <b>Not thread safe</b>: one per connection,
 * reused for every request on its event loop.
 */
final class RouteMatch
{
    static final int MAX_PARAMETERS = 4;

    private final int[] starts = new int[MAX_PARAMETERS];
    private final int[] ends = new int[MAX_PARAMETERS];
    private String uri;
    private int pathEnd;
    private Route route;
    private String allow;
    private ErrorFormat errors;

    void reset(final String uri)
    {
        this.uri = uri;
        final int query = uri.indexOf('?');
        this.pathEnd = query < 0 ? uri.length() : query;
        this.route = null;
        this.allow = null;
        this.errors = ErrorFormat.API;
    }

    void parameter(final int index, final int start, final int end)
    {
        starts[index] = start;
        ends[index] = end;
    }

    void found(final Route route)
    {
        this.route = route;
        this.errors = route.errors();
    }

    void notFound(final ErrorFormat format)
    {
        this.errors = format;
    }

    void methodNotAllowed(final String allow, final ErrorFormat format)
    {
        this.allow = allow;
        this.errors = format;
    }

    String uri()
    {
        return uri;
    }

    int pathEnd()
    {
        return pathEnd;
    }

    /** The matched route, or null. */
    Route route()
    {
        return route;
    }

    /** For a known path with another method: the methods it allows; otherwise null. */
    String allow()
    {
        return allow;
    }

    /** The error format of the route, of the path's other routes, or of the prefix an unknown path falls under. */
    ErrorFormat errors()
    {
        return errors;
    }

    /** Index of the parameter called {@code name} in the matched route, or -1. */
    int indexOf(final String name)
    {
        final String[] names = route.parameterNames();
        for (int i = 0; i < names.length; i++)
        {
            if (names[i].equals(name))
            {
                return i;
            }
        }
        return -1;
    }

    int start(final int index)
    {
        return starts[index];
    }

    int end(final int index)
    {
        return ends[index];
    }
}
