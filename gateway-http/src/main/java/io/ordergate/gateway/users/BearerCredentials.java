package io.ordergate.gateway.users;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Credentials;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/**
 * {@code Authorization: Bearer <access_token>} (or, on a WebSocket upgrade, where browsers cannot set headers,
 * {@code ?access_token=}): checked without a trip through the ring, by the token's signature and expiry
 * ({@link TokenService}) and its session in the {@link UserDirectory}; then the user's request limit. Plugged into
 * the core's accesses beside the API key headers, so a token works wherever a key does. Thread safe.
 */
public final class BearerCredentials implements Credentials
{
    private static final String SCHEME = "bearer ";
    static final String QUERY_TOKEN = "access_token";

    private final TokenService tokens;
    private final UserDirectory users;
    private final RequestLimiter limiter;

    public BearerCredentials(final TokenService tokens, final UserDirectory users, final RequestLimiter limiter)
    {
        this.tokens = tokens;
        this.users = users;
        this.limiter = limiter;
    }

    @Override
    public Caller resolve(final Exchange exchange) throws BadRequest
    {
        final String token = token(exchange);
        if (token == null)
        {
            return null;
        }
        final UserDirectory.SignedIn signedIn = users.authenticate(tokens.checkAccess(token));
        if (signedIn == null)
        {
            throw new BadRequest(ResultCode.INVALID_JWT, ResultCode.INVALID_JWT.defaultMessage(), null);
        }
        final long wait = limiter.acquire(signedIn.user().id());
        if (wait > 0)
        {
            throw new BadRequest(ResultCode.RATE_LIMIT_EXCEEDED, "more than " + limiter.perMinute() + " requests this minute",
                null, (int)wait);
        }
        return new UserCaller(signedIn.user(), signedIn.session());
    }

    /** The token of the Authorization header, or of {@code ?access_token=} on a WebSocket upgrade; null for none. */
    static String token(final Exchange exchange) throws BadRequest
    {
        final String header = exchange.header(HttpHeaderNames.AUTHORIZATION);
        if (header != null)
        {
            return header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) ? header.substring(SCHEME.length()).trim() : null;
        }
        final String upgrade = exchange.header(HttpHeaderNames.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket") ? exchange.query().get(QUERY_TOKEN) : null;
    }
}
