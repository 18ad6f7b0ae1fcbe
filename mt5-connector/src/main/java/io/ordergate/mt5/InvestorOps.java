package io.ordergate.mt5;

/**
 * The last {@code capacity} seed-004 operations, by id (id N in slot N mod capacity). A slot is reused only once its
 * operation is done, so a request still waiting always finds its own. <b>Not thread safe</b>: owned by the engine thread.
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

    boolean canStart()
    {
        final InvestorOp next = slots[(int)(nextId % slots.length)];
        return next.id == 0 || next.done;
    }

    InvestorOp start(final int kind)
    {
        final long id = nextId++;
        final InvestorOp op = slots[(int)(id % slots.length)];
        op.reset(id, kind);
        return op;
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
