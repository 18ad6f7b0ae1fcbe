package io.ordergate.mt5;

import org.agrona.collections.Long2LongHashMap;

/**
 * The MT5 positions the gateway knows, by account and ticket and by position id: a circular table of preallocated
 * slots (a slot is reused once its position is closed, leaving a mark in the synced-deal set that the gateway booked
 * it: {@link HistoryDeals#forgotten}), with two lookup maps sized up front so they never grow.
 * A ticket is unique only within one terminal (one broker server), so two accounts may hold the same ticket number:
 * the ticket map leads to the first slot with that number and the slots with the same number are chained, each
 * checked for its account. The maps are only looked up, never iterated. Each account's open tickets are also linked in opening order, so
 * valuing, listing and closing an account's positions walks only its own.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Tickets
{
    private static final long MISSING = -1;

    private final TicketPosition[] slots;
    private final Long2LongHashMap byTicket;
    private final Long2LongHashMap byPositionId;
    private final TicketPosition[] openHead;
    private final TicketPosition[] openTail;
    private long cursor;
    /** Told of each closed ticket a reused slot forgets, so a history sync still knows the gateway booked it; null for none. */
    private HistoryDeals booked;

    public Tickets(final int capacity, final int accountCapacity)
    {
        openHead = new TicketPosition[accountCapacity];
        openTail = new TicketPosition[accountCapacity];
        slots = new TicketPosition[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new TicketPosition(i);
        }
        byTicket = new Long2LongHashMap(Math.max(8, capacity * 2), 0.6f, MISSING);
        byPositionId = new Long2LongHashMap(Math.max(8, capacity * 2), 0.6f, MISSING);
    }

    /** Wires the synced-deal set that keeps a mark of every closed ticket forgotten; at install, before replay. */
    void markForgottenIn(final HistoryDeals deals)
    {
        booked = deals;
    }

    public int capacity()
    {
        return slots.length;
    }

    public TicketPosition slot(final int index)
    {
        return slots[index];
    }

    /** The account's position with this ticket, or null. */
    public TicketPosition byTicket(final int accountIndex, final long ticket)
    {
        final long head = byTicket.get(ticket);
        for (int slot = head == MISSING ? -1 : (int)head; slot >= 0; slot = slots[slot].sameTicketNext)
        {
            if (slots[slot].accountIndex == accountIndex)
            {
                return slots[slot];
            }
        }
        return null;
    }

    public TicketPosition byPositionId(final long positionId)
    {
        final long slot = byPositionId.get(positionId);
        return slot == MISSING ? null : slots[(int)slot];
    }

    /** A free slot for a new ticket of an account (forgetting the closed position it held), or null when every slot is open. */
    TicketPosition allocate(final int accountIndex, final long ticket)
    {
        for (int probe = 0; probe < slots.length; probe++)
        {
            final TicketPosition candidate = slots[(int)(cursor++ % slots.length)];
            if (!candidate.open)
            {
                if (candidate.ticket != 0)
                {
                    if (booked != null)
                    {
                        booked.forgotten(candidate.accountIndex, candidate.ticket);
                    }
                    unlinkTicket(candidate);
                    byPositionId.remove(candidate.positionId);
                }
                candidate.reset();
                candidate.ticket = ticket;
                candidate.accountIndex = accountIndex;
                candidate.open = true;
                final long head = byTicket.get(ticket);
                candidate.sameTicketNext = head == MISSING ? -1 : (int)head;
                byTicket.put(ticket, candidate.slot);
                return candidate;
            }
        }
        return null;
    }

    private void unlinkTicket(final TicketPosition position)
    {
        final long head = byTicket.get(position.ticket);
        if (head == position.slot)
        {
            if (position.sameTicketNext < 0)
            {
                byTicket.remove(position.ticket);
            }
            else
            {
                byTicket.put(position.ticket, position.sameTicketNext);
            }
            return;
        }
        for (int slot = head == MISSING ? -1 : (int)head; slot >= 0; slot = slots[slot].sameTicketNext)
        {
            if (slots[slot].sameTicketNext == position.slot)
            {
                slots[slot].sameTicketNext = position.sameTicketNext;
                return;
            }
        }
    }

    /** Gives a freshly allocated position its id from the engine's position sequence. */
    void assignPositionId(final TicketPosition position, final long positionId)
    {
        position.positionId = positionId;
        byPositionId.put(positionId, position.slot);
    }

    /** Adds an open position to its account's list; once its account is set. */
    void linkOpen(final TicketPosition position)
    {
        final int account = position.accountIndex;
        position.nextOpen = null;
        position.prevOpen = openTail[account];
        if (openTail[account] == null)
        {
            openHead[account] = position;
        }
        else
        {
            openTail[account].nextOpen = position;
        }
        openTail[account] = position;
    }

    /** Removes a position from its account's list when it closes. */
    void unlinkOpen(final TicketPosition position)
    {
        final int account = position.accountIndex;
        if (position.prevOpen == null)
        {
            openHead[account] = position.nextOpen;
        }
        else
        {
            position.prevOpen.nextOpen = position.nextOpen;
        }
        if (position.nextOpen == null)
        {
            openTail[account] = position.prevOpen;
        }
        else
        {
            position.nextOpen.prevOpen = position.prevOpen;
        }
        position.nextOpen = null;
        position.prevOpen = null;
    }

    /** The account's first open position in opening order, or null; walk on with {@link #nextOpen}. */
    public TicketPosition firstOpen(final int accountIndex)
    {
        return openHead[accountIndex];
    }

    public TicketPosition nextOpen(final TicketPosition position)
    {
        return position.nextOpen;
    }
}
