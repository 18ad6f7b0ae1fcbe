package io.ordergate.engine.account;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.util.AsciiIndex;

/** Accounts in creation order, looked up by id bytes. <b>Not thread safe</b>: owned by the engine thread. */
public final class Accounts
{
    private final Account[] byIndex;
    private final AsciiIndex byId;
    private int count;

    public Accounts(final int capacity)
    {
        byIndex = new Account[capacity];
        byId = new AsciiIndex(capacity);
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
