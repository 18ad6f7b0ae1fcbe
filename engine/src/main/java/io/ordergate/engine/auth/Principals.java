package io.ordergate.engine.auth;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.util.AsciiIndex;

/**
 * What each API key and each user may do, by principal index (the order keys and users were created in, the same
 * on every replay). The gateway checks secrets and tokens; the engine checks which accounts a principal may see.
 * A revoked key or a disabled user keeps its index with {@link #SCOPE_NONE} and no accounts. A key a user made can do
 * no more than its user can now: while the user is disabled, nothing; after a lower role, the role's scope; only the
 * accounts the user still owns (checked at every command, so no key outlives its user's access).
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Principals
{
    /** The scope of a revoked key or a disabled user: nothing is allowed. */
    public static final int SCOPE_NONE = 0;
    /** Who made a key when no principal did (replayed keys from before owners were kept have their creator). */
    public static final int NO_OWNER = Integer.MIN_VALUE;

    private static final int KIND_KEY = 1;
    private static final int KIND_USER = 2;

    private final int[] scopes;
    private final int[][] accountIndexes;
    private final int[] kinds;
    private final int[] owners;
    private final long[] createdMicros;
    private final AsciiIndex byKey;
    private int count;
    /**
     * While one command acts for an expert (its cancel and close routes), the only account it may reach, whoever sends
     * it; -1 otherwise. Set and cleared within the command ({@link #narrow}, {@link #widen}).
     */
    private int narrowedTo = -1;

    public Principals(final int capacity)
    {
        scopes = new int[capacity];
        accountIndexes = new int[capacity][];
        kinds = new int[capacity];
        owners = new int[capacity];
        createdMicros = new long[capacity];
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
        return addKey(apiKey, scope, accounts, NO_OWNER, 0);
    }

    /** A new API key made by {@code owner} (a principal, or {@link CommandFrame#PRINCIPAL_SYSTEM}). */
    public int addKey(final byte[] apiKey, final int scope, final int[] accounts, final int owner, final long micros)
    {
        final int principal = add(KIND_KEY, scope, accounts, owner, micros);
        byKey.put(apiKey, principal);
        return principal;
    }

    /** A new user's principal; users are not found by key. */
    public int addUser(final int scope, final int[] accounts, final long micros)
    {
        return add(KIND_USER, scope, accounts, NO_OWNER, micros);
    }

    private int add(final int kind, final int scope, final int[] accounts, final int owner, final long micros)
    {
        final int principal = count++;
        kinds[principal] = kind;
        scopes[principal] = scope;
        accountIndexes[principal] = accounts;
        owners[principal] = owner;
        createdMicros[principal] = micros;
        return principal;
    }

    /** Rotation of an existing key by the system, or a user's new role or accounts: same principal. */
    public void replace(final int principal, final int scope, final int[] accounts)
    {
        scopes[principal] = scope;
        accountIndexes[principal] = accounts;
    }

    /** A removed account leaves every principal's list (keys and users bound to it keep the rest). */
    public void forgetAccount(final int accountIndex)
    {
        for (int p = 0; p < count; p++)
        {
            final int[] accounts = accountIndexes[p];
            for (int i = 0; i < accounts.length; i++)
            {
                if (accounts[i] == accountIndex)
                {
                    final int[] kept = new int[accounts.length - 1];
                    System.arraycopy(accounts, 0, kept, 0, i);
                    System.arraycopy(accounts, i + 1, kept, i, accounts.length - i - 1);
                    accountIndexes[p] = kept;
                    break;
                }
            }
        }
    }

    /** A revoked key or a disabled user: it keeps its index and may do nothing. */
    public void revoke(final int principal)
    {
        replace(principal, SCOPE_NONE, new int[0]);
    }

    public boolean isUser(final int principal)
    {
        return principal >= 0 && principal < count && kinds[principal] == KIND_USER;
    }

    public boolean isKey(final int principal)
    {
        return principal >= 0 && principal < count && kinds[principal] == KIND_KEY;
    }

    public boolean isRevoked(final int principal)
    {
        return principal >= 0 && principal < count && scopes[principal] == SCOPE_NONE;
    }

    /** How many keys {@code owner} has made, revoked ones too (each keeps its principal). Admin path: a walk of them all. */
    public int keysMadeBy(final int owner)
    {
        int made = 0;
        for (int p = 0; p < count; p++)
        {
            made += kinds[p] == KIND_KEY && owners[p] == owner ? 1 : 0;
        }
        return made;
    }

    /**
     * How many keys {@code owner} has made that are not revoked (a key of a disabled user is not revoked: it works again
     * when the user does). Admin path: a walk of them all.
     */
    public int workingKeysOf(final int owner)
    {
        int working = 0;
        for (int p = 0; p < count; p++)
        {
            working += kinds[p] == KIND_KEY && owners[p] == owner && scopes[p] != SCOPE_NONE ? 1 : 0;
        }
        return working;
    }

    /** Revokes every live key {@code owner} owns, in principal order (a password reset's). Admin path: a walk of them all. */
    public int revokeKeysOwnedBy(final int owner)
    {
        int revoked = 0;
        for (int p = 0; p < count; p++)
        {
            if (kinds[p] == KIND_KEY && owners[p] == owner && scopes[p] != SCOPE_NONE)
            {
                revoke(p);
                revoked++;
            }
        }
        return revoked;
    }

    /**
     * Who owns a key {@code maker} makes: a user's own key belongs to the user, and so does a key made with that key (else
     * an admin user's admin key could make a second admin key that no disabling or demoting of the user reaches). A key made
     * by a key of no user (the start-up admin key's) or by the system belongs to its maker, which caps nothing.
     */
    public int keyOwnerFor(final int maker)
    {
        return isKey(maker) && isUser(owners[maker]) ? owners[maker] : maker;
    }

    /** The principal that owns a key (its user's, for a key made with a user's key: {@link #keyOwnerFor}), or {@link #NO_OWNER}. */
    public int owner(final int principal)
    {
        return owners[principal];
    }

    public int scope(final int principal)
    {
        return principal == CommandFrame.PRINCIPAL_SYSTEM ? CommandBodies.SCOPE_ADMIN
            : principal >= 0 && principal < count ? effectiveScope(principal) : SCOPE_NONE;
    }

    /** The principal's own scope, capped by its owner's when a user made it (scopes are ordered none < read < trade < admin). */
    private int effectiveScope(final int principal)
    {
        final int owner = owners[principal];
        return kinds[principal] == KIND_KEY && isUser(owner) ? Math.min(scopes[principal], scopes[owner]) : scopes[principal];
    }

    public int[] accounts(final int principal)
    {
        return accountIndexes[principal];
    }

    public long createdMicros(final int principal)
    {
        return createdMicros[principal];
    }

    /**
     * Whether {@code creator} may make a key of {@code scope} over {@code accounts}: an admin any key; a user a key
     * no wider than its role's scope, over accounts it owns; other keys none.
     */
    public boolean mayGrant(final int creator, final int scope, final int[] accounts)
    {
        if (isAdmin(creator))
        {
            return true;
        }
        if (!isUser(creator) || scope == CommandBodies.SCOPE_ADMIN || scope > scopes[creator] || scopes[creator] == SCOPE_NONE)
        {
            return false;
        }
        for (final int account : accounts)
        {
            if (!canAccess(creator, account))
            {
                return false;
            }
        }
        return true;
    }

    /** A stable fingerprint of every principal, for the state digest. */
    public long digest()
    {
        long hash = count;
        for (int p = 0; p < count; p++)
        {
            hash = hash * 31 + kinds[p];
            hash = hash * 31 + scopes[p];
            hash = hash * 31 + owners[p];
            hash = hash * 31 + createdMicros[p];
            for (final int account : accountIndexes[p])
            {
                hash = hash * 31 + account;
            }
        }
        return hash;
    }

    public boolean isAdmin(final int principal)
    {
        return principal == CommandFrame.PRINCIPAL_SYSTEM || (principal >= 0 && principal < count && effectiveScope(principal) == CommandBodies.SCOPE_ADMIN);
    }

    public boolean canTrade(final int principal)
    {
        return isAdmin(principal) || (principal >= 0 && principal < count && effectiveScope(principal) == CommandBodies.SCOPE_TRADE);
    }

    /** True for a principal that may at least read (a live key or an enabled user). */
    public boolean isActive(final int principal)
    {
        return principal == CommandFrame.PRINCIPAL_SYSTEM || (principal >= 0 && principal < count && effectiveScope(principal) != SCOPE_NONE);
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

    /** Until {@link #widen}: no principal reaches an account but {@code accountIndex} (a command acting for an expert). */
    public void narrow(final int accountIndex)
    {
        narrowedTo = accountIndex;
    }

    /** Ends a {@link #narrow}: at the end of every command. */
    public void widen()
    {
        narrowedTo = -1;
    }

    /** True when the principal may see and (scope allowing) act on the account. */
    public boolean canAccess(final int principal, final int accountIndex)
    {
        if (narrowedTo >= 0 && accountIndex != narrowedTo)
        {
            return false;
        }
        if (isAdmin(principal))
        {
            return true;
        }
        if (principal < 0 || principal >= count || effectiveScope(principal) == SCOPE_NONE || !listed(principal, accountIndex))
        {
            return false;
        }
        final int owner = owners[principal];
        return kinds[principal] != KIND_KEY || !isUser(owner) || scopes[owner] == CommandBodies.SCOPE_ADMIN || listed(owner, accountIndex);
    }

    private boolean listed(final int principal, final int accountIndex)
    {
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
