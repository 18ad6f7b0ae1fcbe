package io.ordergate.gateway.auth;

import java.util.function.IntFunction;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Credentials;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.json.BadRequest;

/**
 * The {@code X-API-Key} and {@code X-API-Secret} headers, checked against the key registry. A key does no more than its
 * user can now, as the engine judges its commands: whose owner is a disabled user, it answers as a wrong key while the
 * user stays disabled; whose owner's role is now below the key's scope, it acts with the role's scope, so the routes the
 * gateway answers alone (the admin's reads of users and keys) refuse it as the engine refuses its commands. Thread safe.
 */
public final class ApiKeyCredentials implements Credentials
{
    public static final String KEY_HEADER = "X-API-Key";
    public static final String SECRET_HEADER = "X-API-Secret";

    private final ApiKeyRegistry keys;
    private final IntFunction<Scope> ownerCap;

    /**
     * @param ownerCap the most a key made by a principal may do now (the key's owner is asked): null when nothing (a
     *                 disabled user), from the user directory
     */
    public ApiKeyCredentials(final ApiKeyRegistry keys, final IntFunction<Scope> ownerCap)
    {
        this.keys = keys;
        this.ownerCap = ownerCap;
    }

    @Override
    public Caller resolve(final Exchange exchange) throws BadRequest
    {
        final String key = exchange.header(KEY_HEADER);
        final String secret = exchange.header(SECRET_HEADER);
        if (key == null && secret == null)
        {
            return null;
        }
        final ApiKey found = keys.authenticate(key, secret);
        final Scope cap = found == null ? null : ownerCap.apply(found.owner());
        if (cap == null)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, ResultCode.INVALID_CREDENTIALS.defaultMessage(), null);
        }
        return found.cappedAt(cap);
    }
}
