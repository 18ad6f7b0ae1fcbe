package io.ordergate.mt5;

/**
 * The last {@code capacity} seed-004 operations, by id (id N in slot N mod capacity). A slot is reused only once its
 * operation is done, so a request still waiting always finds its own. An id whose slot still holds a waiting operation
 * is skipped, never handed out: an operation nobody answers (its executor died; nothing times it out) keeps its slot
 * and blocks no other; new operations are refused only when every slot waits. Skipping depends only on the table, so
 * a replay skips the same ids. <b>Not thread safe</b>: owned by the engine thread.
 */
final class InvestorOps
{
    private final InvestorOp[] slots;
    private long nextId = 1;

    InvestorOps(final int capacity)
    {
        slots = new InvestorOp[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new InvestorOp();
        }
    }

    /** @return false only when every slot holds an operation still waiting for its terminal. Admin path: a scan. */
    boolean canStart()
    {
        for (final InvestorOp op : slots)
        {
            if (isFree(op))
            {
                return true;
            }
        }
        return false;
    }

    /** Starts an operation under the next id whose slot is free; call after {@link #canStart}. */
    InvestorOp start(final int kind)
    {
        InvestorOp op = slots[(int)(nextId % slots.length)];
        for (int probed = 1; !isFree(op); probed++)
        {
            if (probed == slots.length)
            {
                throw new IllegalStateException("every seed-004 operation slot is waiting: check canStart first");
            }
            op = slots[(int)(++nextId % slots.length)];
        }
        op.reset(nextId++, kind);
        return op;
    }

    private static boolean isFree(final InvestorOp op)
    {
        return op.id == 0 || op.done;
    }

    InvestorOp get(final long id)
    {
        if (id <= 0 || id >= nextId)
        {
            return null;
        }
        final InvestorOp op = slots[(int)(id % slots.length)];
        return op.id == id ? op : null;
    }

    long nextId()
    {
        return nextId;
    }
}
