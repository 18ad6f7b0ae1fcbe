package io.ordergate.engine.account;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.ResultCode;

/**
 * Narrows one command to the account it names (seed 002's {@code broker_connection_id} on a position close): the
 * account must be the caller's to see, and for the rest of the command no other account of the caller's can be reached,
 * so a position of another account answers 404 as one that does not exist. <b>Not thread safe</b>: engine thread.
 */
public final class AccountScope
{
    private final EngineContext context;

    public AccountScope(final EngineContext context)
    {
        this.context = context;
    }

    /** @return false when the account is not found or not the caller's (the event is rejected NOT_FOUND) */
    public boolean narrowTo(final CommandEvent event, final AsciiView accountId)
    {
        final Account account = context.accounts().find(accountId);
        if (account == null || !context.principals().canAccess(event.principal(), account.index))
        {
            event.reject(ResultCode.NOT_FOUND, "account not found", "broker_connection_id");
            return false;
        }
        context.principals().narrow(account.index);
        return true;
    }
}
