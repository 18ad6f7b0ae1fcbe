package io.ordergate.gateway.core;

import java.util.List;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.json.BadRequest;

/**
 * The accesses of the routes that need a scope ({@code read < trade < admin}): a caller found by the first of the
 * {@link Credentials} that recognises what the request carries, with a scope at least the route's. Thread safe.
 */
public final class Accesses
{
    private final Credentials[] sources;
    private final Access[] byScope = new Access[Scope.values().length];

    /** @param sources tried in order: the API key headers, then whatever a later feature adds (bearer tokens) */
    public Accesses(final List<Credentials> sources)
    {
        this.sources = sources.toArray(new Credentials[0]);
        for (final Scope scope : Scope.values())
        {
            byScope[scope.ordinal()] = new ScopeAccess(scope);
        }
    }

    /** Any caller whose scope is at least {@code required}. */
    public Access scope(final Scope required)
    {
        return byScope[required.ordinal()];
    }

    private final class ScopeAccess implements Access
    {
        private final Scope required;

        ScopeAccess(final Scope required)
        {
            this.required = required;
        }

        @Override
        public Caller authenticate(final Exchange exchange) throws BadRequest
        {
            for (final Credentials source : sources)
            {
                final Caller caller = source.resolve(exchange);
                if (caller != null)
                {
                    if (!caller.allows(required))
                    {
                        throw new BadRequest(ResultCode.FORBIDDEN, "this needs a key of scope " + required.wireName() + " or above", null);
                    }
                    return caller;
                }
            }
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, ResultCode.INVALID_CREDENTIALS.defaultMessage(), null);
        }

        @Override
        public String toString()
        {
            return "scope " + required.wireName();
        }
    }
}
