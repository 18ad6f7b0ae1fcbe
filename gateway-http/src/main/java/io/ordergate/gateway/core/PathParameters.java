package io.ordergate.gateway.core;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;
import io.ordergate.gateway.json.Ids;

/**
 * The path parameters of the request being handled, by the names of its route's template ({@code {order_id}}),
 * read from where matching found them. <b>Not thread safe</b>: one per connection, valid while its handler runs.
 */
public final class PathParameters
{
    private static final int MAX_ID_DIGITS = 18;

    private final RouteMatch match;

    PathParameters(final RouteMatch match)
    {
        this.match = match;
    }

    /**
     * A positive whole number (an order or position id), read in place without allocating.
     *
     * @return the number, or -1 when the parameter is not one
     */
    public long id(final String name)
    {
        final int index = index(name);
        final String uri = match.uri();
        final int start = match.start(index);
        final int end = match.end(index);
        if (end - start < 1 || end - start > MAX_ID_DIGITS)
        {
            return -1;
        }
        long value = 0;
        for (int i = start; i < end; i++)
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

    /** The parameter %-decoded (strict UTF-8). Allocates. @throws BadRequest 400 for a malformed escape */
    public String text(final String name) throws BadRequest
    {
        final int index = index(name);
        return PercentDecoding.decode(match.uri(), match.start(index), match.end(index), false);
    }

    /**
     * A client-chosen id ({@code [A-Za-z0-9._-]}, 1 to {@code maxLength}).
     *
     * @throws BadRequest 404 {@code notFound} naming the parameter when it is not one: no such object can exist
     */
    public String clientId(final String name, final int maxLength, final ResultCode notFound, final String message) throws BadRequest
    {
        final String text = text(name);
        if (!Ids.isId(text, maxLength))
        {
            throw new BadRequest(notFound, message, name);
        }
        return text;
    }

    /** True when the matched route's template has a parameter of this name. */
    public boolean has(final String name)
    {
        return match.indexOf(name) >= 0;
    }

    private int index(final String name)
    {
        final int index = match.indexOf(name);
        if (index < 0)
        {
            throw new IllegalArgumentException("route " + match.route().template() + " has no parameter " + name);
        }
        return index;
    }
}
