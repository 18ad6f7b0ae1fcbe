package io.ordergate.gateway.users;

import io.ordergate.engine.user.Role;
import io.ordergate.engine.user.SessionView;
import io.ordergate.engine.user.UserView;
import io.ordergate.gateway.core.Caller;
import io.ordergate.gateway.core.Scope;

/**
 * A signed-in user, as a bearer token resolved it: its commands carry the user's principal, so the engine checks its
 * accounts like a key's; its role stands for a key's scope. Immutable.
 */
public record UserCaller(UserView user, SessionView session) implements Caller
{
    @Override
    public int principal()
    {
        return user.principal();
    }

    /** The user's id: the {@code user_id} of the user's own stream socket ({@code /ws/{user_id}}). */
    @Override
    public String id()
    {
        return user.id();
    }

    @Override
    public boolean allows(final Scope required)
    {
        return Scope.fromCode(user.role().scope()).allows(required);
    }

    public boolean isAdmin()
    {
        return user.role() == Role.ADMIN;
    }
}
