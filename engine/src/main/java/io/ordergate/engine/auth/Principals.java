package io.ordergate.engine.auth;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.util.AsciiIndex;

/**
 * What each API key and each user may do, by principal: a number given in the order keys and users were created in (the
 * same on every replay) and never given again. The gateway checks secrets and tokens; the engine checks which accounts a
 * principal may see. A disabled user keeps its principal with {@link #SCOPE_NONE} and no accounts, and so does a revoked
 * key journaled before revoked keys were freed ({@link #freeRevokedKeys}); since then a revoked key's row of this table
 * is freed for a later key, which gets a new number: whatever still names the old number (a command in flight, an open
 * stream, an outbound webhook or an EA project it owns, another key it made) finds no row, so it is refused and is
 * never taken for the new key. A key a user made can do no more than its user can now: while the user is disabled,
 * nothing; after a lower role, the role's scope; only the accounts the user still owns (checked at every command, so
 * no key outlives its user's access).
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
    private static final int NO_ROW = PrincipalTable.NO_ROW;

    private final PrincipalTable table;
    private final AsciiIndex byKey;
    /** Set by the first key journaled since revoked keys free their rows ({@link #freeRevokedKeys}); never cleared. */
    private boolean freesRevokedKeys;
    /**
     * While one command acts for an expert (its cancel and close routes), the only account it may reach, whoever sends
     * it; -1 otherwise. Set and cleared within the command ({@link #narrow}, {@link #widen}).
     */
    private int narrowedTo = -1;

    public Principals(final int capacity)
    {
        table = new PrincipalTable(capacity);
        byKey = new AsciiIndex(capacity);
    }

    /** Principals given so far, freed ones too (the digest's, and the next principal's number). */
    public int count()
    {
        return table.count();
    }

    /** True when every row holds a principal: no key or user can be added. */
    public boolean isFull()
    {
        return table.isFull();
    }

    /** @return the principal of a key id, or {@link AsciiIndex#MISSING} (also for a key whose row was freed). */
    public int find(final String apiKey)
    {
        return byKey.get(apiKey);
    }

    /** A new API key made by {@code owner} (a principal, or {@link CommandFrame#PRINCIPAL_SYSTEM}). */
    public int addKey(final byte[] apiKey, final int scope, final int[] accounts, final int owner, final long micros)
    {
        final int principal = table.add(KIND_KEY, scope, accounts, owner, micros);
        table.apiKeys[table.rowOf(principal)] = apiKey;
        byKey.put(apiKey, principal);
        return principal;
    }

    /** A new user's principal; users are not found by key. */
    public int addUser(final int scope, final int[] accounts, final long micros)
    {
        return table.add(KIND_USER, scope, accounts, NO_OWNER, micros);
    }

    /**
     * From this command on, a revoked key frees its row (and the rows of keys revoked before are freed now). Called by the
     * first CREATE_KEY journaled with {@link CommandBodies#KEY_RULES_FREE_REVOKED}: a journal written before replays with
     * revoked keys keeping their rows, so a key refused then because the table was full is refused on replay too.
     */
    public void freeRevokedKeys()
    {
        if (freesRevokedKeys)
        {
            return;
        }
        freesRevokedKeys = true;
        for (int row = table.firstRow(); row != NO_ROW;)
        {
            final int next = table.nextRow(row);
            if (table.kinds[row] == KIND_KEY && table.scopes[row] == SCOPE_NONE)
            {
                free(row);
            }
            row = next;
        }
    }

    /** A revoked key's row goes back to the table and its api key is forgotten (made again, it is a new principal). */
    private void free(final int row)
    {
        byKey.remove(table.apiKeys[row]);
        table.free(row);
    }

    /** The row of a user principal, or {@link #NO_ROW}. */
    private int userRow(final int principal)
    {
        final int row = table.rowOf(principal);
        return row != NO_ROW && table.kinds[row] == KIND_USER ? row : NO_ROW;
    }

    /** Rotation of an existing key by the system, or a user's new role or accounts: same principal. */
    public void replace(final int principal, final int scope, final int[] accounts)
    {
        final int row = table.rowOf(principal);
        table.scopes[row] = scope;
        table.accountIndexes[row] = accounts;
    }

    /** A removed account leaves every principal's list (keys and users bound to it keep the rest). */
    public void forgetAccount(final int accountIndex)
    {
        for (int row = table.firstRow(); row != NO_ROW; row = table.nextRow(row))
        {
            final int[] accounts = table.accountIndexes[row];
            for (int i = 0; i < accounts.length; i++)
            {
                if (accounts[i] == accountIndex)
                {
                    final int[] kept = new int[accounts.length - 1];
                    System.arraycopy(accounts, 0, kept, 0, i);
                    System.arraycopy(accounts, i + 1, kept, i, accounts.length - i - 1);
                    table.accountIndexes[row] = kept;
                    break;
                }
            }
        }
    }

    /**
     * A revoked key or a disabled user may do nothing. A disabled user keeps its row (it may be enabled again); so does a
     * revoked key until {@link #freeRevokedKeys}, and after it the key's row is freed for a later principal.
     */
    public void revoke(final int principal)
    {
        final int row = table.rowOf(principal);
        if (row == NO_ROW)
        {
            return;  // freed already: nothing left to revoke
        }
        table.scopes[row] = SCOPE_NONE;
        table.accountIndexes[row] = PrincipalTable.NO_ACCOUNTS;
        if (freesRevokedKeys && table.kinds[row] == KIND_KEY)
        {
            free(row);
        }
    }

    public boolean isUser(final int principal)
    {
        return userRow(principal) != NO_ROW;
    }

    public boolean isKey(final int principal)
    {
        final int row = table.rowOf(principal);
        return row != NO_ROW && table.kinds[row] == KIND_KEY;
    }

    /** True for a revoked key or a disabled user, and for a key whose row was freed. */
    public boolean isRevoked(final int principal)
    {
        final int row = table.rowOf(principal);
        return principal >= 0 && principal < table.count() && (row == NO_ROW || table.scopes[row] == SCOPE_NONE);
    }

    /**
     * How many keys {@code owner} has made that still hold a row: every key it made, revoked ones too, while revoked keys
     * kept their rows (the rule of keys journaled before {@link #freeRevokedKeys}, the only ones it judges). Admin path: a walk.
     */
    public int keysMadeBy(final int owner)
    {
        int made = 0;
        for (int row = table.firstRow(); row != NO_ROW; row = table.nextRow(row))
        {
            made += table.kinds[row] == KIND_KEY && table.owners[row] == owner ? 1 : 0;
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
        for (int row = table.firstRow(); row != NO_ROW; row = table.nextRow(row))
        {
            working += table.kinds[row] == KIND_KEY && table.owners[row] == owner && table.scopes[row] != SCOPE_NONE ? 1 : 0;
        }
        return working;
    }

    /** Revokes every live key {@code owner} owns, in principal order (a password reset's). Admin path: a walk of them all. */
    public int revokeKeysOwnedBy(final int owner)
    {
        int revoked = 0;
        for (int row = table.firstRow(); row != NO_ROW;)
        {
            final int next = table.nextRow(row);  // read first: a revoke may free the row
            if (table.kinds[row] == KIND_KEY && table.owners[row] == owner && table.scopes[row] != SCOPE_NONE)
            {
                revoke(table.principalOfRow[row]);
                revoked++;
            }
            row = next;
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
        final int row = table.rowOf(maker);
        return row != NO_ROW && table.kinds[row] == KIND_KEY && isUser(table.owners[row]) ? table.owners[row] : maker;
    }

    /**
     * The principal that owns a key (its user's, for a key made with a user's key: {@link #keyOwnerFor}), or {@link #NO_OWNER}
     * (also for a key whose row was freed).
     */
    public int owner(final int principal)
    {
        final int row = table.rowOf(principal);
        return row == NO_ROW ? NO_OWNER : table.owners[row];
    }

    public int scope(final int principal)
    {
        if (principal == CommandFrame.PRINCIPAL_SYSTEM)
        {
            return CommandBodies.SCOPE_ADMIN;
        }
        final int row = table.rowOf(principal);
        return row == NO_ROW ? SCOPE_NONE : effectiveScope(row);
    }

    /** A row's own scope, capped by its owner's when a user made it (scopes are ordered none < read < trade < admin). */
    private int effectiveScope(final int row)
    {
        final int ownerRow = table.kinds[row] == KIND_KEY ? userRow(table.owners[row]) : NO_ROW;
        return ownerRow != NO_ROW ? Math.min(table.scopes[row], table.scopes[ownerRow]) : table.scopes[row];
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
        final int row = userRow(creator);
        if (row == NO_ROW || scope == CommandBodies.SCOPE_ADMIN || scope > table.scopes[row] || table.scopes[row] == SCOPE_NONE)
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

    /** A stable fingerprint of every principal, for the state digest: the same as when revoked keys kept their rows. */
    public long digest()
    {
        return table.digest();
    }

    public boolean isAdmin(final int principal)
    {
        return scope(principal) == CommandBodies.SCOPE_ADMIN;
    }

    public boolean canTrade(final int principal)
    {
        final int scope = scope(principal);
        return scope == CommandBodies.SCOPE_ADMIN || scope == CommandBodies.SCOPE_TRADE;
    }

    /** True for a principal that may at least read (a live key or an enabled user). */
    public boolean isActive(final int principal)
    {
        return scope(principal) != SCOPE_NONE;
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
        if (principal == CommandFrame.PRINCIPAL_SYSTEM)
        {
            return true;
        }
        final int row = table.rowOf(principal);
        if (row == NO_ROW)
        {
            return false;
        }
        final int scope = effectiveScope(row);
        if (scope == CommandBodies.SCOPE_ADMIN)
        {
            return true;
        }
        if (scope == SCOPE_NONE || !listed(row, accountIndex))
        {
            return false;
        }
        final int ownerRow = table.kinds[row] == KIND_KEY ? userRow(table.owners[row]) : NO_ROW;
        return ownerRow == NO_ROW || table.scopes[ownerRow] == CommandBodies.SCOPE_ADMIN || listed(ownerRow, accountIndex);
    }

    private boolean listed(final int row, final int accountIndex)
    {
        for (final int allowed : table.accountIndexes[row])
        {
            if (allowed == accountIndex)
            {
                return true;
            }
        }
        return false;
    }
}
