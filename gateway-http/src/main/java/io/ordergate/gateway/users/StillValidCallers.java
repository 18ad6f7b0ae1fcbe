package io.ordergate.gateway.users;

import java.util.function.Predicate;

import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.core.Caller;

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
}
