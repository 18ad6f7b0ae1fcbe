package io.ordergate.gateway.users;

import java.util.function.Predicate;

import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.UserView;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Scope;

/**
 * Whether a caller resolved earlier would still be let in now: a key not revoked (nor given a new secret) whose owner
 * is not a disabled user; a user whose session has not ended and who is not disabled. For what outlives the request
 * that authenticated it (an open stream socket, a stream ticket); and whether such a caller may still see an account it
 * subscribed to earlier ({@link #seesAccount}). Other callers (executors, bots) are not judged here.
 * Thread safe: reads the registries' concurrent maps.
 */
public final class StillValidCallers implements Predicate<Caller>
{
    private final ApiKeyRegistry keys;
    private final ActiveOwners owners;
    private final UserDirectory users;

    public StillValidCallers(final ApiKeyRegistry keys, final ActiveOwners owners, final UserDirectory users)
    {
        this.keys = keys;
        this.owners = owners;
        this.users = users;
    }

    @Override
    public boolean test(final Caller caller)
    {
        if (caller instanceof ApiKey)
        {
            final ApiKey key = (ApiKey)caller;
            return keys.stillValid(key) && owners.sees(key.principal(), null);  // the secret unchanged; the key and its user active
        }
        return !(caller instanceof UserCaller) || users.stillSignedIn((UserCaller)caller);
    }

    /**
     * Whether the caller may still see the account, as the engine would judge a read of it now: a key still given it
     * (and, for a user's key, its user still given it), a user still given it; an admin every account.
     */
    public boolean seesAccount(final Caller caller, final String accountId)
    {
        return !(caller instanceof ApiKey || caller instanceof UserCaller) || owners.sees(caller.principal(), accountId);
    }

    /**
     * Whether the caller is still an admin, as the engine judges one (bots are an admin's): a user whose role is admin
     * now; an admin key whose maker, if a user made it, still is.
     */
    public boolean stillAdmin(final Caller caller)
    {
        if (caller instanceof UserCaller)
        {
            final UserView user = users.byPrincipal(caller.principal());
            return user != null && !user.disabled() && user.role() == Role.ADMIN;
        }
        if (!(caller instanceof ApiKey))
        {
            return true;
        }
        final ApiKey key = keys.byPrincipal(caller.principal());
        final UserView maker = key == null || key.owner() < 0 ? null : users.byPrincipal(key.owner());
        return key != null && key.scope() == Scope.ADMIN && (maker == null || !maker.disabled() && maker.role() == Role.ADMIN);
    }
}
