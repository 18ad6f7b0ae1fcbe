package io.ordergate.engine.position;

import io.ordergate.engine.account.Account;

/**
 * The positions of hedging accounts: a preallocated pool ({@code engine.max_hedge_positions}) from which each fill that
 * opens takes one, linked at the end of its account's list (so an account's positions list in opening order), and to
 * which a closed one returns. A netting account never uses it: its positions are the fixed slots of
 * {@link Account#positions}. <b>Not thread safe</b>: owned by the engine thread; allocates nothing after construction.
 */
public final class HedgePositions
{
    private final Position[] free;
    private int freeCount;

    public HedgePositions(final int capacity)
    {
        free = new Position[capacity];
        // Handed out from the end: slot order is part of the deterministic state only through ids, never through identity.
        for (int i = capacity - 1; i >= 0; i--)
        {
            free[freeCount++] = new Position(-1, -1, 1);
        }
    }

    public boolean canOpen()
    {
        return freeCount > 0;
    }

    public int capacity()
    {
        return free.length;
    }

    public int inUse()
    {
        return free.length - freeCount;
    }

    /** A flat position of the account in the instrument, linked last; null when the pool is empty. */
    Position take(final Account account, final int instrumentIndex)
    {
        if (freeCount == 0)
        {
            return null;
        }
        final Position position = free[--freeCount];
        free[freeCount] = null;
        position.accountIndex = account.index;
        position.instrumentIndex = instrumentIndex;
        position.prevHedge = account.lastHedge;
        position.nextHedge = null;
        if (account.lastHedge == null)
        {
            account.firstHedge = position;
        }
        else
        {
            account.lastHedge.nextHedge = position;
        }
        account.lastHedge = position;
        return position;
    }

    /** Unlinks a position that went flat and returns it to the pool. */
    void giveBack(final Account account, final Position position)
    {
        if (position.prevHedge == null)
        {
            account.firstHedge = position.nextHedge;
        }
        else
        {
            position.prevHedge.nextHedge = position.nextHedge;
        }
        if (position.nextHedge == null)
        {
            account.lastHedge = position.prevHedge;
        }
        else
        {
            position.nextHedge.prevHedge = position.prevHedge;
        }
        position.nextHedge = null;
        position.prevHedge = null;
        position.flatten();
        position.accountIndex = -1;
        position.instrumentIndex = -1;
        free[freeCount++] = position;
    }

    /**
     * The open position of the hedging account with this id, or null: one of the pool's, or an instrument's slot of
     * {@link Account#positions} that a fill was booked on while the pool was exhausted ({@link Ledger#fill}), so that
     * a close naming it reduces it rather than opening an opposite position.
     */
    public static Position find(final Account account, final long positionId)
    {
        for (Position position = account.firstHedge; position != null; position = position.nextHedge)
        {
            if (position.positionId == positionId)
            {
                return position;
            }
        }
        for (final Position slot : account.positions)
        {
            if (slot.positionId == positionId && slot.isOpen())
            {
                return slot;
            }
        }
        return null;
    }

    /** Whether the position is one of the pool's (not an instrument's slot of its account). */
    static boolean isPooled(final Account account, final Position position)
    {
        return account.positions[position.instrumentIndex] != position;
    }
}
