package io.ordergate.gateway.core;

import java.util.ArrayList;
import java.util.List;

import io.netty.handler.codec.http.HttpMethod;

/**
 * One row of the route table: method, path template ({@code /api/v1/orders/{order_id}}: a {@code {name}} segment is a
 * path parameter), the access its caller needs, the body it takes, its handler, and the format of its errors.
 * A seed's path is one more row pointing at the same handler. Immutable: safe from any thread.
 */
public final class Route
{
    private final HttpMethod method;
    private final String template;
    private final Access access;
    private final BodyKind body;
    private final RouteHandler handler;
    private final ErrorFormat errors;
    private final String[] segments;
    private final String[] parameterNames;

    private Route(final HttpMethod method, final String template, final Access access, final BodyKind body, final RouteHandler handler,
        final ErrorFormat errors)
    {
        if (!template.startsWith("/"))
        {
            throw new IllegalArgumentException("a path template starts with '/': " + template);
        }
        this.method = method;
        this.template = template;
        this.access = access;
        this.body = body;
        this.handler = handler;
        this.errors = errors;
        this.segments = template.substring(1).split("/", -1);
        final List<String> names = new ArrayList<>();
        for (final String segment : segments)
        {
            if (isParameter(segment))
            {
                names.add(segment.substring(1, segment.length() - 1));
            }
            else if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0 || segment.indexOf('%') >= 0)
            {
                throw new IllegalArgumentException("a parameter is a whole segment, {name}: " + template);
            }
        }
        this.parameterNames = names.toArray(new String[0]);
    }

    public static Route get(final String template, final Access access, final RouteHandler handler)
    {
        return new Route(HttpMethod.GET, template, access, BodyKind.NONE, handler, ErrorFormat.API);
    }

    public static Route delete(final String template, final Access access, final RouteHandler handler)
    {
        return new Route(HttpMethod.DELETE, template, access, BodyKind.NONE, handler, ErrorFormat.API);
    }

    public static Route post(final String template, final Access access, final BodyKind body, final RouteHandler handler)
    {
        return new Route(HttpMethod.POST, template, access, body, handler, ErrorFormat.API);
    }

    public static Route put(final String template, final Access access, final BodyKind body, final RouteHandler handler)
    {
        return new Route(HttpMethod.PUT, template, access, body, handler, ErrorFormat.API);
    }

    public static Route patch(final String template, final Access access, final BodyKind body, final RouteHandler handler)
    {
        return new Route(HttpMethod.PATCH, template, access, body, handler, ErrorFormat.API);
    }

    /** This row with its errors in another format (a seed's). */
    public Route errors(final ErrorFormat format)
    {
        return new Route(method, template, access, body, handler, format);
    }

    public HttpMethod method()
    {
        return method;
    }

    public String template()
    {
        return template;
    }

    public Access access()
    {
        return access;
    }

    public BodyKind body()
    {
        return body;
    }

    public RouteHandler handler()
    {
        return handler;
    }

    public ErrorFormat errors()
    {
        return errors;
    }

    /** {@code "METHOD /template"}, as docs/openapi.yaml lists operations. */
    public String operation()
    {
        return method.name() + " " + template;
    }

    /** The template's segments (between the slashes, after the first). */
    String[] segments()
    {
        return segments;
    }

    /** The names of the path parameters, in path order. */
    String[] parameterNames()
    {
        return parameterNames;
    }

    static boolean isParameter(final String segment)
    {
        return segment.length() > 2 && segment.charAt(0) == '{' && segment.charAt(segment.length() - 1) == '}';
    }

    @Override
    public String toString()
    {
        return operation() + " (" + access + ")";
    }
}
