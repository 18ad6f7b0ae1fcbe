package io.ordergate.gateway.core;

import io.ordergate.engine.command.CommandBodies;

/**
 * What an API key may do. Immutable: safe from any thread.
 * {@code read} may only GET; {@code trade} may also place and cancel orders and close or modify positions;
 * {@code admin} may do everything. Account binding is the engine's business (it answers 404 for others' objects).
 */
public enum Scope
{
    READ(CommandBodies.SCOPE_READ, "read"),
    TRADE(CommandBodies.SCOPE_TRADE, "trade"),
    ADMIN(CommandBodies.SCOPE_ADMIN, "admin");

    private final int code;
    private final String wireName;

    Scope(final int code, final String wireName)
    {
        this.code = code;
        this.wireName = wireName;
    }

    /** The journaled code (CommandBodies.SCOPE_*). */
    public int code()
    {
        return code;
    }

    public String wireName()
    {
        return wireName;
    }

    /** True when this scope is at least {@code required}. */
    public boolean allows(final Scope required)
    {
        return ordinal() >= required.ordinal();
    }

    /** @return the scope of a journaled code, or null. */
    public static Scope fromCode(final int code)
    {
        for (final Scope scope : values())
        {
            if (scope.code == code)
            {
                return scope;
            }
        }
        return null;
    }

    /** @return the scope of a wire name, or null. */
    public static Scope fromWireName(final String name)
    {
        for (final Scope scope : values())
        {
            if (scope.wireName.equals(name))
            {
                return scope;
            }
        }
        return null;
    }
}
