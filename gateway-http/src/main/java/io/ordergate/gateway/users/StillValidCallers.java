package io.ordergate.gateway.users;

import java.util.function.Predicate;

import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.core.Caller;

/**
 * Whether a caller resolved earlier would still be let in now: a key not revoked (nor given a new secret) whose owner
 * is not a disabled user; a user whose session has not ended and who is not disabled. For what outlives the request
 * that authenticated it (an open stream socket, a stream ticket). Other callers (executors, bots) are not judged here.
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
}
