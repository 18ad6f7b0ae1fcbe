package io.ordergate.gateway.users;

import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.UserView;
import io.ordergate.gateway.auth.ApiKey;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.webhooksout.OwnerAccess;

/**
 * Whether the principal that registered something still standing (an outbound webhook) may still act, and see an
 * account, now: the system always; a user not deleted nor disabled, an admin every account, another its own; a key
 * still registered (not revoked), an admin key every account, another its own, and a key a user made no more than that
 * user (engine {@code Principals.canAccess}). An unknown principal is a revoked key (it leaves the registry).
 * Thread safe: reads the registries' concurrent maps.
 */
public final class ActiveOwners implements OwnerAccess
{
    private final ApiKeyRegistry keys;
    private final UserDirectory users;

    public ActiveOwners(final ApiKeyRegistry keys, final UserDirectory users)
    {
        this.keys = keys;
        this.users = users;
    }

    @Override
    public boolean sees(final int principal, final String accountId)
    {
        if (principal < 0)
        {
            return true;  // the system's own registrations
        }
        final UserView user = users.byPrincipal(principal);
        if (user != null)
        {
            return userSees(user, accountId);
        }
        final ApiKey key = keys.byPrincipal(principal);
        if (key == null)
        {
            return false;
        }
        final UserView maker = key.owner() >= 0 ? users.byPrincipal(key.owner()) : null;
        if (maker != null && !userSees(maker, accountId))
        {
            return false;  // a user's key is capped by its user: disabled, or no longer given the account
        }
        return accountId == null || key.scope() == Scope.ADMIN || key.accountIds().contains(accountId);
    }

    private static boolean userSees(final UserView user, final String accountId)
    {
        return !user.disabled() && (accountId == null || user.role() == Role.ADMIN || user.accountIds().contains(accountId));
    }
}
