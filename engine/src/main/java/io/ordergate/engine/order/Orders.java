package io.ordergate.engine.order;

import io.ordergate.engine.change.Changes;

import io.ordergate.engine.command.AsciiView;

/**
 * Every order the engine remembers, in preallocated objects, with nothing allocated per order.
 *
 * <p>Order id N normally lives in slot N mod capacity, so a lookup by id is one index. When the slot the next id
 * needs still holds an open order (a resting limit, an order waiting for its venue), that order is displaced to a
 * small overflow list (looked up by id through its own index, {@link DisplacedOrderIndex}: one or two places, not a
 * scan) and a spare object takes its place: one long-lived order never blocks new ones. Only when
 * more than {@code capacity / 8} displaced orders are open at once does {@link #canAllocate} say no. A done order
 * is forgotten when its slot (or its overflow place) is needed again, so lookups and client order id idempotency
 * cover at least the last {@code capacity} orders and every open order.
 * Resting (limit/stop) orders are also linked per instrument, in arrival order.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Orders
{
    private Changes changes;
    private final Order[] slots;
    private final int mask;
    /** Displaced open orders, oldest first. */
    private final Order[] overflow;
    private int overflowCount;
    /** The overflow list by order id. Derived from it, so not snapshot state: see {@link #displacedIndex()}. */
    private final transient DisplacedOrderIndex displacedIndex;
    /** Free objects to put into a slot whose order was displaced. */
    private final Order[] spares;
    private int spareCount;
    private final long[] clientIndex;
    private final int clientMask;
    private final Order[] restingHead;
    private final Order[] restingTail;
    private long nextOrderId = 1;
    /** The start epoch new orders are made in ({@code START_EPOCH}); 0 until the first. */
    private long startEpoch;

    public Orders(final int capacity, final int instrumentCount)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("order capacity must be a power of two: " + capacity);
        }
        slots = new Order[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slots[i] = new Order();
        }
        mask = capacity - 1;
        final int overflowCapacity = Math.max(16, capacity / 8);
        overflow = new Order[overflowCapacity];
        spares = new Order[overflowCapacity];
        for (int i = 0; i < overflowCapacity; i++)
        {
            spares[i] = new Order();
        }
        spareCount = overflowCapacity;
        displacedIndex = new DisplacedOrderIndex(overflowCapacity);
        // Sized for every remembered order (slots and overflow) at under half load.
        clientIndex = new long[Integer.highestOneBit((capacity + overflowCapacity) * 2 - 1) << 1];
        clientMask = clientIndex.length - 1;
        restingHead = new Order[instrumentCount];
        restingTail = new Order[instrumentCount];
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

    /** The start epoch new orders are made in, and that every command is applied in; 0 before the first START_EPOCH. */
    public long startEpoch()
    {
        return startEpoch;
    }

    /** {@code START_EPOCH}: orders made from now on carry this epoch; the caller checked it is above the current one. */
    public void startEpoch(final long epoch)
    {
        this.startEpoch = epoch;
    }

    /** @return false only when the next slot holds an open order and no overflow place can be had for it. */
    public boolean canAllocate()
    {
        return !isOpen(slots[(int)(nextOrderId & mask)]) || spareCount > 0 || oldestDoneOverflow() >= 0;
    }

    /** Where each allocated order is noted as changed (the engine's change set); once, while the engine is assembled. */
    public void changes(final Changes changes)
    {
        this.changes = changes;
    }

    /** Takes the next id, forgetting the done order that used its object before. Call after {@link #canAllocate}. */
    public Order allocate()
    {
        final long orderId = nextOrderId++;
        final int slot = (int)(orderId & mask);
        if (isOpen(slots[slot]))
        {
            displace(slot);
        }
        final Order order = slots[slot];
        forget(order);
        order.reset(orderId);
        order.startEpoch = startEpoch;
        if (changes != null)
        {
            changes.order(order);
        }
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
        if (order.orderId == orderId && order.status != null)
        {
            return order;
        }
        return displacedIndex().get(orderId);
    }

    /** Orders displaced to the overflow list, oldest first: they are older than every order in the slots. */
    public int overflowCount()
    {
        return overflowCount;
    }

    private static boolean isOpen(final Order order)
    {
        return order.status != null && !order.status.isTerminal();
    }

    private void displace(final int slot)
    {
        final DisplacedOrderIndex index = displacedIndex();
        if (spareCount == 0)
        {
            final int done = oldestDoneOverflow();
            final Order reclaimed = overflow[done];
            System.arraycopy(overflow, done + 1, overflow, done, overflowCount - done - 1);
            overflow[--overflowCount] = null;
            index.remove(reclaimed.orderId);
            forget(reclaimed);
            reclaimed.status = null;
            spares[spareCount++] = reclaimed;
        }
        index.put(slots[slot]);
        overflow[overflowCount++] = slots[slot];
        slots[slot] = spares[--spareCount];
        spares[spareCount] = null;
    }

    /**
     * The index of the overflow list, up to date. A table restored from a snapshot has the list but not the index (not
     * written, so snapshots of builds before it still load): the first use after files the list again, once.
     */
    private DisplacedOrderIndex displacedIndex()
    {
        if (displacedIndex.size() != overflowCount)
        {
            displacedIndex.rebuild(overflow, overflowCount);
        }
        return displacedIndex;
    }

    /** Places the lookups of displaced orders looked at, all told (what a test holds a lookup's cost to). */
    long displacedPlacesLookedAt()
    {
        return displacedIndex.placesLookedAt();
    }

    private int oldestDoneOverflow()
    {
        for (int i = 0; i < overflowCount; i++)
        {
            if (!isOpen(overflow[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /** Drops a done order's client order id from the index before its object is reused. */
    private void forget(final Order order)
    {
        if (order.status != null && order.hasClientOrderId())
        {
            removeClientOrderId(order);
        }
    }

    // ---- client order ids: open addressing over order ids, verified against the order's own bytes ----

    public Order findByClientOrderId(final int accountIndex, final AsciiView clientOrderId)
    {
        int index = clientSlot(accountIndex, clientOrderId.hash64());
        while (clientIndex[index] != 0)
        {
            final Order order = get(clientIndex[index]);
            if (order != null && order.accountIndex == accountIndex && order.hasClientOrderId(clientOrderId))
            {
                return order;
            }
            index = (index + 1) & clientMask;
        }
        return null;
    }

    public void indexClientOrderId(final Order order)
    {
        int index = clientSlot(order.accountIndex, order.clientOrderIdHash());
        while (clientIndex[index] != 0)
        {
            index = (index + 1) & clientMask;
        }
        clientIndex[index] = order.orderId;
    }

    private void removeClientOrderId(final Order order)
    {
        int index = clientSlot(order.accountIndex, order.clientOrderIdHash());
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
            final Order moved = get(clientIndex[next]);
            final int home = clientSlot(moved.accountIndex, moved.clientOrderIdHash());
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

    // ---- resting orders, per instrument, in arrival order ----

    public void addResting(final Order order)
    {
        final int instrument = order.instrumentIndex;
        order.resting = true;
        order.nextResting = null;
        order.prevResting = restingTail[instrument];
        if (restingTail[instrument] == null)
        {
            restingHead[instrument] = order;
        }
        else
        {
            restingTail[instrument].nextResting = order;
        }
        restingTail[instrument] = order;
    }

    public void removeResting(final Order order)
    {
        if (!order.resting)
        {
            return;
        }
        final int instrument = order.instrumentIndex;
        if (order.prevResting == null)
        {
            restingHead[instrument] = order.nextResting;
        }
        else
        {
            order.prevResting.nextResting = order.nextResting;
        }
        if (order.nextResting == null)
        {
            restingTail[instrument] = order.prevResting;
        }
        else
        {
            order.nextResting.prevResting = order.prevResting;
        }
        order.resting = false;
        order.nextResting = null;
        order.prevResting = null;
    }

    /** First resting order of an instrument, or null. */
    public Order firstResting(final int instrumentIndex)
    {
        return restingHead[instrumentIndex];
    }

    /** The resting order after this one, or null. Read before removing the current one. */
    public Order nextResting(final Order order)
    {
        return order.nextResting;
    }

    /**
     * Orders newest first: {@code back} = 0 is the newest. Covers the last {@code capacity} ids, then the displaced
     * open orders, newest displaced first; null for an id that is forgotten (skip it) and past the end.
     */
    public Order newest(final int back)
    {
        if (back < 0 || back >= rememberedSpan())
        {
            return null;
        }
        final long span = Math.min(slots.length, nextOrderId - 1);
        if (back < span)
        {
            final long orderId = nextOrderId - 1 - back;
            final Order order = slots[(int)(orderId & mask)];
            return order.orderId == orderId && order.status != null ? order : null;
        }
        final Order displaced = overflow[overflowCount - 1 - (int)(back - span)];
        return displaced.orderId < nextOrderId - span ? displaced : null;
    }

    /** The order id at a position {@link #newest} walks (the id a forgotten order had, too); {@code back} within the span. */
    public long idAt(final int back)
    {
        final long span = Math.min(slots.length, nextOrderId - 1);
        return back < span ? nextOrderId - 1 - back : overflow[overflowCount - 1 - (int)(back - span)].orderId;
    }

    /**
     * The first position {@link #newest} walks whose id is {@code orderId} or below ({@link #rememberedSpan}: none), where
     * a walk cut off there goes on. The displaced list is in id order (displaced as the id capacity above is made).
     */
    public int newestAtOrBelow(final long orderId)
    {
        final long span = Math.min(slots.length, nextOrderId - 1);
        if (orderId > nextOrderId - 1 - span)
        {
            return (int)Math.max(0, nextOrderId - 1 - orderId);
        }
        int low = 0;
        int high = overflowCount;
        while (low < high)
        {
            final int middle = (low + high) >>> 1;
            if (overflow[middle].orderId <= orderId)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return (int)span + overflowCount - low;
    }

    /** How many positions {@link #newest} walks: the last {@code capacity} ids plus the overflow list. */
    public int rememberedSpan()
    {
        return (int)Math.min(slots.length, nextOrderId - 1) + overflowCount;
    }
}
