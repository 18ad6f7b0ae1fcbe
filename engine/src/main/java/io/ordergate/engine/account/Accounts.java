package io.ordergate.engine.account;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.util.AsciiIndex;

/**
 * Accounts in creation order, looked up by id bytes. A removed account keeps its slot (its orders and trades still
 * name it by index) but is no longer found by id, listed or counted as live; its id may name a new account, which
 * takes a new slot, so nothing made for the old one (a key bound to it, its exchange client order ids) reaches the new
 * one. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Accounts
{
    private final Account[] byIndex;
    private final boolean[] removed;
    private final AsciiIndex byId;
    private int count;

    public Accounts(final int capacity)
    {
        byIndex = new Account[capacity];
        removed = new boolean[capacity];
        byId = new AsciiIndex(capacity);
    }

    /** Whether the account in this slot was removed (walks over {@link #count} slots skip those). */
    public boolean isRemoved(final int index)
    {
        return removed[index];
    }

    /** Takes the account out of the id index and marks its slot removed; the caller checked it is flat and idle. */
    public void remove(final Account account)
    {
        byId.remove(account.idBytes);
        removed[account.index] = true;
    }

    /**
     * Gives back the slot of the account added last, removed within the command that added it (its other part refused):
     * nothing can have been made for it, so the next account takes the slot, as if it had never been added. A slot kept
     * instead would be lost to every such refusal until the table was full.
     */
    public void giveBackLastSlot(final Account account)
    {
        if (account.index != count - 1 || !removed[account.index])
        {
            throw new IllegalStateException("only the account added last, removed in the same command, gives its slot back: " + account.id);
        }
        byIndex[--count] = null;
        removed[count] = false;
    }

    public int count()
    {
        return count;
    }

    public int capacity()
    {
        return byIndex.length;
    }

    public Account get(final int index)
    {
        return byIndex[index];
    }

    public Account find(final AsciiView id)
    {
        final int index = byId.get(id);
        return index == AsciiIndex.MISSING ? null : byIndex[index];
    }

    public Account find(final String id)
    {
        final int index = byId.get(id);
        return index == AsciiIndex.MISSING ? null : byIndex[index];
    }

    public boolean isFull()
    {
        return count == byIndex.length;
    }

    /** Adds an account; the caller has checked the id is new and the table is not full. */
    public void add(final Account account)
    {
        byIndex[count++] = account;
        byId.put(account.idBytes, account.index);
    }
}
