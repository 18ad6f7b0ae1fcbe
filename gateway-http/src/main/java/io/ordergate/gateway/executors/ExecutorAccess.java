package io.ordergate.gateway.executors;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.gateway.auth.ApiKeyCredentials;
import io.ordergate.gateway.core.Access;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Exchange;
import io.ordergate.gateway.json.BadRequest;

/**
 * The seed-000 routes' access: an executor's own key ({@code exe_...}, the same two headers as an API key), valid
 * for its own executor only: a route naming another registered executor answers 401, one nobody registered 404.
 * Thread safe.
 */
final class ExecutorAccess implements Access
{
    static final String EXECUTOR_ID = "executorId";

    private final ExecutorKeys keys;

    ExecutorAccess(final ExecutorKeys keys)
    {
        this.keys = keys;
    }

    @Override
    public Caller authenticate(final Exchange exchange) throws BadRequest
    {
        final ExecutorKeys.Entry entry = keys.authenticate(exchange.header(ApiKeyCredentials.KEY_HEADER), exchange.header(ApiKeyCredentials.SECRET_HEADER));
        if (entry == null)
        {
            throw new BadRequest(ResultCode.INVALID_CREDENTIALS, null, null);
        }
        if (exchange.path().has(EXECUTOR_ID))
        {
            owns(entry, exchange.path().text(EXECUTOR_ID));
        }
        return entry;
    }

    /** Refuses an executor id that is not the caller's own: 404 when nobody registered it, 401 otherwise. */
    void owns(final ExecutorKeys.Entry entry, final CharSequence executorId) throws BadRequest
    {
        if (executorId != null && entry.executorId().contentEquals(executorId))
        {
            return;
        }
        if (executorId == null || keys.byExecutorId(executorId.toString()) == null)
        {
            throw new BadRequest(ResultCode.EXECUTOR_NOT_FOUND, null, null);
        }
        throw new BadRequest(ResultCode.INVALID_CREDENTIALS, null, null);
    }

    @Override
    public String toString()
    {
        return "executor key";
    }
}
