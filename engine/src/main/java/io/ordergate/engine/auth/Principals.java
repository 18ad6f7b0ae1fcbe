package io.ordergate.engine.auth;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.util.AsciiIndex;

/**
 * What each API key may do, by principal index (the order keys were created in, the same on every replay).
 * The gateway checks secrets; the engine checks which accounts a principal may see.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Principals
{
    private final int[] scopes;
    private final int[][] accountIndexes;
    private final AsciiIndex byKey;
    private int count;

    public Principals(final int capacity)
    {
        scopes = new int[capacity];
        accountIndexes = new int[capacity][];
        byKey = new AsciiIndex(capacity);
    }

    public int count()
    {
        return count;
    }

    public boolean isFull()
    {
        return count == scopes.length;
    }

    /** @return the principal of a key id, or {@link AsciiIndex#MISSING}. */
    public int find(final String apiKey)
    {
        return byKey.get(apiKey);
    }

    public int add(final byte[] apiKey, final int scope, final int[] accounts)
    {
        final int principal = count++;
        scopes[principal] = scope;
        accountIndexes[principal] = accounts;
        byKey.put(apiKey, principal);
        return principal;
    }

    /** Rotation of an existing key by the system: same principal, new scope and accounts. */
    public void replace(final int principal, final int scope, final int[] accounts)
    {
        scopes[principal] = scope;
        accountIndexes[principal] = accounts;
    }

    public boolean isAdmin(final int principal)
    {
        return principal == CommandFrame.PRINCIPAL_SYSTEM || (principal >= 0 && principal < count && scopes[principal] == CommandBodies.SCOPE_ADMIN);
    }

    public boolean canTrade(final int principal)
    {
        return isAdmin(principal) || (principal >= 0 && principal < count && scopes[principal] == CommandBodies.SCOPE_TRADE);
    }

    /** Rejects the command FORBIDDEN unless its principal is an admin (or the system); the one place that says so. */
    public boolean requireAdmin(final CommandEvent event)
    {
        if (!isAdmin(event.principal()))
        {
            event.reject(ResultCode.FORBIDDEN, "admin scope required", null);
            return false;
        }
        return true;
    }

    /** Rejects the command FORBIDDEN unless its principal may trade (trade or admin scope). */
    public boolean requireTrade(final CommandEvent event)
    {
        if (!canTrade(event.principal()))
        {
            event.reject(ResultCode.FORBIDDEN, "this API key may not trade", null);
            return false;
        }
        return true;
    }

    /** True when the principal may see and (scope allowing) act on the account. */
    public boolean canAccess(final int principal, final int accountIndex)
    {
        if (isAdmin(principal))
        {
            return true;
        }
        if (principal < 0 || principal >= count)
        {
            return false;
        }
        for (final int allowed : accountIndexes[principal])
        {
            if (allowed == accountIndex)
            {
                return true;
            }
        }
        return false;
    }
}
