package io.ordergate.engine.user;

import java.util.List;
import java.util.Locale;

import io.ordergate.engine.command.CommandBodies;

/**
 * What a signed-in user may do (API.md, "Users and sessions"). Immutable: safe from any thread.
 * A role maps onto a key scope, so the engine's account checks treat a user like a key bound to its accounts.
 * Codes are journaled: never renumber one.
 */
public enum Role
{
    ADMIN(1, "admin", CommandBodies.SCOPE_ADMIN, List.of(
        "accounts:read", "accounts:write", "orders:read", "orders:write", "positions:read", "positions:write",
        "trades:read", "exports:read", "keys:read", "keys:write", "users:read", "users:write", "admin")),
    TRADER(2, "trader", CommandBodies.SCOPE_TRADE, List.of(
        "accounts:read", "orders:read", "orders:write", "positions:read", "positions:write", "trades:read",
        "keys:read", "keys:write")),
    VIEWER(3, "viewer", CommandBodies.SCOPE_READ, List.of(
        "accounts:read", "orders:read", "positions:read", "trades:read", "keys:read", "keys:write")),
    EXPORTER(4, "exporter", CommandBodies.SCOPE_READ, List.of(
        "accounts:read", "orders:read", "positions:read", "trades:read", "exports:read", "keys:read", "keys:write"));

    private final int code;
    private final String wireName;
    private final int scope;
    private final List<String> permissions;

    Role(final int code, final String wireName, final int scope, final List<String> permissions)
    {
        this.code = code;
        this.wireName = wireName;
        this.scope = scope;
        this.permissions = permissions;
    }

    public int code()
    {
        return code;
    }

    public String wireName()
    {
        return wireName;
    }

    /** The key scope ({@code CommandBodies.SCOPE_*}) the role acts with. */
    public int scope()
    {
        return scope;
    }

    /** What the role allows, as {@code resource:action}; unmodifiable. */
    public List<String> permissions()
    {
        return permissions;
    }

    public boolean allows(final String permission)
    {
        return permissions.contains(permission);
    }

    /** @return the role of a journaled code, or null. */
    public static Role fromCode(final int code)
    {
        for (final Role role : values())
        {
            if (role.code == code)
            {
                return role;
            }
        }
        return null;
    }

    /** @return the role named in any letter case, or null. */
    public static Role fromWireName(final String name)
    {
        if (name == null)
        {
            return null;
        }
        final String lower = name.toLowerCase(Locale.ROOT);
        for (final Role role : values())
        {
            if (role.wireName.equals(lower))
            {
                return role;
            }
        }
        return null;
    }
}
