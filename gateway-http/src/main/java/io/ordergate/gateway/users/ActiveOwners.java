package io.ordergate.gateway.users;

import java.util.function.IntPredicate;

import io.ordergate.engine.user.UserView;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;

/**
 * Whether the principal that registered something still standing (an outbound webhook) may still act now: the system
 * always; a user not deleted nor disabled; a key still registered (not revoked) whose owner is not a disabled user.
 * An unknown principal is a revoked key (a key's principal leaves the registry when it is revoked).
 * Thread safe: reads the registries' concurrent maps.
 */
public final class ActiveOwners implements IntPredicate
{
    private final ApiKeyRegistry keys;
    private final UserDirectory users;

    public ActiveOwners(final ApiKeyRegistry keys, final UserDirectory users)
    {
        this.keys = keys;
        this.users = users;
    }

    @Override
    public boolean test(final int principal)
    {
        if (principal < 0)
        {
            return true;  // the system's own registrations
        }
        final UserView user = users.byPrincipal(principal);
        if (user != null)
        {
            return !user.disabled();
        }
        final ApiKey key = keys.byPrincipal(principal);
        return key != null && !users.disabledPrincipal(key.owner());
    }
}
