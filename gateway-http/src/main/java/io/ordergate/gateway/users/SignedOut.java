package io.ordergate.gateway.users;

import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/**
 * The accesses of the users routes: {@link #ANYONE} for signup, login, refresh and password reset (no credential,
 * but answered only once the gateway is ready, since they publish), and {@link #bearer} for a signed-in user's own
 * routes. Thread safe.
 */
public final class SignedOut
{
    /** Nobody signed in yet: commands carry {@link CommandFrame#PRINCIPAL_ANONYMOUS}, which the engine never lets act as an admin. */
    public static final Caller NOBODY = () -> CommandFrame.PRINCIPAL_ANONYMOUS;

    public static final Access ANYONE = new Access()
    {
        @Override
        public Caller authenticate(final Exchange exchange)
        {
            return NOBODY;
        }

        @Override
        public String toString()
        {
            return "anyone (signed out)";
        }
    };

    private SignedOut()
    {
    }

    /** A signed-in user's bearer token, required: an API key does not do here. */
    public static Access bearer(final BearerCredentials credentials)
    {
        return new Access()
        {
            @Override
            public Caller authenticate(final Exchange exchange) throws BadRequest
            {
                final Caller caller = credentials.resolve(exchange);
                if (caller == null)
                {
                    throw new BadRequest(ResultCode.INVALID_JWT, "this needs a signed-in user's bearer token (Authorization: Bearer ...)", null);
                }
                return caller;
            }

            @Override
            public String toString()
            {
                return "bearer";
            }
        };
    }
}
