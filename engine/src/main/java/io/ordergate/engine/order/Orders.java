package io.ordergate.engine.order;

import io.ordergate.engine.command.AsciiView;

/**
 * Every order the engine remembers, in a circular table of preallocated slots: order id N lives in slot
 * N mod capacity, so lookups by id are one index and nothing is allocated per order. A slot is reused only when
 * its previous order is done; the client order id index forgets that order at the same moment, so idempotency
 * covers the last {@code capacity} orders. Resting (limit/stop) orders are also linked per instrument.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Orders
{
    private static final int NO_SLOT = -1;

    private final Order[] slots;
    private final int mask;
    private final long[] clientIndex;
    private final int clientMask;
    private final int[] restingHead;
    private long nextOrderId = 1;

    public Orders(final int capacity, final int instrumentCount)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("order capacity must be a power of two: " + capacity);
        }
        slots = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new Order(i);
        }
        mask = capacity - 1;
        clientIndex = new long[capacity * 2];
        clientMask = clientIndex.length - 1;
        restingHead = new int[instrumentCount];
        java.util.Arrays.fill(restingHead, NO_SLOT);
    }

    public int capacity()
    {
        return slots.length;
    }

    /** The id the next order will get. */
    public long nextOrderId()
    {
        return nextOrderId;
    }

    /** @return false if the slot the next id needs still holds a live order (the table is full of open orders). */
    public boolean canAllocate()
    {
        final Order previous = slots[(int)(nextOrderId & mask)];
        return previous.status == null || previous.status.isTerminal();
    }

    /** Takes the next id and its slot, forgetting the order that used it before. Call after {@link #canAllocate}. */
    public Order allocate()
    {
        final long orderId = nextOrderId++;
        final Order order = slots[(int)(orderId & mask)];
        if (order.status != null && order.hasClientOrderId())
        {
            removeClientOrderId(order);
        }
        order.reset(orderId);
        return order;
    }

    /** @return the order with this id, or null if it is unknown or forgotten. */
    public Order get(final long orderId)
    {
        if (orderId <= 0 || orderId >= nextOrderId)
        {
            return null;
        }
        final Order order = slots[(int)(orderId & mask)];
        return order.orderId == orderId && order.status != null ? order : null;
    }

    // ---- client order ids: open addressing over order ids, verified against the order's own bytes ----

    public Order findByClientOrderId(final int accountIndex, final AsciiView clientOrderId)
    {
        int index = clientSlot(accountIndex, clientOrderId.hash64());
        while (clientIndex[index] != 0)
        {
            final Order order = get(clientIndex[index]);
            if (order != null && order.accountIndex == accountIndex && sameClientOrderId(order, clientOrderId))
            {
                return order;
            }
            index = (index + 1) & clientMask;
        }
        return null;
    }

    public void indexClientOrderId(final Order order)
    {
        int index = clientSlot(order.accountIndex, hash(order.clientOrderId, order.clientOrderIdLength));
        while (clientIndex[index] != 0)
        {
            index = (index + 1) & clientMask;
        }
        clientIndex[index] = order.orderId;
    }

    private void removeClientOrderId(final Order order)
    {
        int index = clientSlot(order.accountIndex, hash(order.clientOrderId, order.clientOrderIdLength));
        while (clientIndex[index] != order.orderId)
        {
            if (clientIndex[index] == 0)
            {
                return;
            }
            index = (index + 1) & clientMask;
        }
        clientIndex[index] = 0;
        // Backward-shift deletion keeps every later entry reachable from its home slot.
        int hole = index;
        int next = (hole + 1) & clientMask;
        while (clientIndex[next] != 0)
        {
            final Order moved = slots[(int)(clientIndex[next] & mask)];
            final int home = clientSlot(moved.accountIndex, hash(moved.clientOrderId, moved.clientOrderIdLength));
            if (((next - home) & clientMask) >= ((next - hole) & clientMask))
            {
                clientIndex[hole] = clientIndex[next];
                clientIndex[next] = 0;
                hole = next;
            }
            next = (next + 1) & clientMask;
        }
    }

    private int clientSlot(final int accountIndex, final long hash)
    {
        final long mixed = (hash ^ (accountIndex * 0x9E3779B97F4A7C15L));
        return (int)(mixed ^ (mixed >>> 32)) & clientMask;
    }

    private static boolean sameClientOrderId(final Order order, final AsciiView clientOrderId)
    {
        if (order.clientOrderIdLength != clientOrderId.length())
        {
            return false;
        }
        for (int i = 0; i < order.clientOrderIdLength; i++)
        {
            if (order.clientOrderId[i] != clientOrderId.byteAt(i))
            {
                return false;
            }
        }
        return true;
    }

    private static long hash(final byte[] bytes, final int length)
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++)
        {
            hash ^= bytes[i] & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    // ---- resting orders, per instrument, in arrival order ----

    public void addResting(final Order order)
    {
        final int head = restingHead[order.instrumentIndex];
        order.resting = true;
        order.prevResting = NO_SLOT;
        order.nextResting = NO_SLOT;
        if (head == NO_SLOT)
        {
            restingHead[order.instrumentIndex] = order.slot;
            return;
        }
        Order tail = slots[head];
        while (tail.nextResting != NO_SLOT)
        {
            tail = slots[tail.nextResting];
        }
        tail.nextResting = order.slot;
        order.prevResting = tail.slot;
    }

    public void removeResting(final Order order)
    {
        if (!order.resting)
        {
            return;
        }
        if (order.prevResting == NO_SLOT)
        {
            restingHead[order.instrumentIndex] = order.nextResting;
        }
        else
        {
            slots[order.prevResting].nextResting = order.nextResting;
        }
        if (order.nextResting != NO_SLOT)
        {
            slots[order.nextResting].prevResting = order.prevResting;
        }
        order.resting = false;
        order.nextResting = NO_SLOT;
        order.prevResting = NO_SLOT;
    }

    /** First resting order of an instrument, or null. */
    public Order firstResting(final int instrumentIndex)
    {
        final int head = restingHead[instrumentIndex];
        return head == NO_SLOT ? null : slots[head];
    }

    /** The resting order after this one, or null. Read before removing the current one. */
    public Order nextResting(final Order order)
    {
        return order.nextResting == NO_SLOT ? null : slots[order.nextResting];
    }

    /** Orders newest first: the slot of id {@code nextOrderId - 1 - back}, or null past what is remembered. */
    public Order newest(final int back)
    {
        final long orderId = nextOrderId - 1 - back;
        if (back >= slots.length || orderId <= 0)
        {
            return null;
        }
        return get(orderId);
    }
}
