package io.ordergate.mt5;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.util.AsciiIndex;

/**
 * Executors in registration order, by id and by the account they serve (one executor per mt5 account).
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Executors
{
    public static final int NO_EXECUTOR = -1;

    private final Executor[] byIndex;
    private final AsciiIndex byId;
    private final int[] byAccount;
    private int count;

    public Executors(final int capacity, final int maxAccounts)
    {
        byIndex = new Executor[capacity];
        byId = new AsciiIndex(capacity);
        byAccount = new int[maxAccounts];
        java.util.Arrays.fill(byAccount, NO_EXECUTOR);
    }

    public int count()
    {
        return count;
    }

    public boolean isFull()
    {
        return count == byIndex.length;
    }

    public Executor get(final int index)
    {
        return byIndex[index];
    }

    public Executor find(final AsciiView id)
    {
        final int index = byId.get(id);
        return index == AsciiIndex.MISSING ? null : byIndex[index];
    }

    public Executor find(final String id)
    {
        final int index = byId.get(id);
        return index == AsciiIndex.MISSING ? null : byIndex[index];
    }

    /** The executor serving an account, or null. */
    public Executor forAccount(final int accountIndex)
    {
        final int index = accountIndex >= 0 && accountIndex < byAccount.length ? byAccount[accountIndex] : NO_EXECUTOR;
        return index == NO_EXECUTOR ? null : byIndex[index];
    }

    /** Adds a new executor; the caller checked the id and the account are free and the table is not full. Admin path. */
    Executor add(
        final String id, final String name, final String platform, final int accountIndex, final String accountId, final long nowMicros)
    {
        final Executor executor = new Executor(count, id, name, platform, accountIndex, accountId, nowMicros, -1);
        byIndex[count++] = executor;
        byId.put(executor.idBytes, executor.index);
        byAccount[accountIndex] = executor.index;
        return executor;
    }

    /**
     * Adds seed 002's agent: an executor of this registry serving no account, owned by who paired it; the caller
     * checked the id is free and the table is not full. Engine thread (the EA room).
     */
    public Executor addAgent(final String id, final String name, final int owner, final long nowMicros)
    {
        final Executor executor = new Executor(count, id, name, "AGENT", -1, null, nowMicros, owner);
        byIndex[count++] = executor;
        byId.put(executor.idBytes, executor.index);
        return executor;
    }
}
