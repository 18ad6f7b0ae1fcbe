package io.ordergate.gateway.auth;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Credentials;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/** The {@code X-API-Key} and {@code X-API-Secret} headers, checked against the key registry. Thread safe. */
public final class ApiKeyCredentials implements Credentials
{
    public static final String KEY_HEADER = "X-API-Key";
    public static final String SECRET_HEADER = "X-API-Secret";

    private final ApiKeyRegistry keys;

    public ApiKeyCredentials(final ApiKeyRegistry keys)
    {
        this.keys = keys;
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
        if (found == null)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, ResultCode.INVALID_CREDENTIALS.defaultMessage(), null);
        }
        return found;
    }
}
