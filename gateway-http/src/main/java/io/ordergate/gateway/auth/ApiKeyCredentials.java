package io.ordergate.gateway.auth;

import java.util.function.IntPredicate;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Credentials;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/**
 * The {@code X-API-Key} and {@code X-API-Secret} headers, checked against the key registry. A key whose owner is a
 * disabled user answers as a wrong key while the user stays disabled (the engine refuses its commands too: a key does
 * no more than its user can now). Thread safe.
 */
public final class ApiKeyCredentials implements Credentials
{
    public static final String KEY_HEADER = "X-API-Key";
    public static final String SECRET_HEADER = "X-API-Secret";

    private final ApiKeyRegistry keys;
    private final IntPredicate disabledUser;

    /**
     * @param disabledUser whether a principal is a disabled user (the key's owner is tested), from the user directory
     */
    public ApiKeyCredentials(final ApiKeyRegistry keys, final IntPredicate disabledUser)
    {
        this.keys = keys;
        this.disabledUser = disabledUser;
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
        if (found == null || disabledUser.test(found.owner()))
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, ResultCode.INVALID_CREDENTIALS.defaultMessage(), null);
        }
        return found;
    }
}
