package io.ordergate.engine.order;

import java.util.Arrays;

/**
 * The orders displaced from their slots ({@link Orders}' overflow list), by order id: open addressing with linear
 * probing in a table sized once for twice the list's capacity, so a lookup looks at one or two places instead of
 * scanning the list. It only answers "which object has this id": the list keeps the order everything is walked in,
 * and nothing is ever listed from here. Allocation-free once built. <b>Not thread safe</b>: the engine thread's.
 */
final class DisplacedOrderIndex
{
    /** Fibonacci hashing: ids displaced close together (they usually are) spread over the table. */
    private static final long SPREAD = 0x9E3779B97F4A7C15L;

    /** 0: an empty place (order ids start at 1). */
    private final long[] ids;
    private final Order[] orders;
    private final int mask;
    private final int shift;
    private int size;
    /** Places looked at by {@link #get}, all told: what a test holds the lookup's cost to. */
    private long placesLookedAt;

    DisplacedOrderIndex(final int capacity)
    {
        final int length = Integer.highestOneBit(Math.max(1, capacity) * 2 - 1) << 1;
        ids = new long[length];
        orders = new Order[length];
        mask = length - 1;
        shift = Long.SIZE - Integer.numberOfTrailingZeros(length);
    }

    int size()
    {
        return size;
    }

    long placesLookedAt()
    {
        return placesLookedAt;
    }

    /** @return the displaced order with this id, or null. */
    Order get(final long orderId)
    {
        int index = home(orderId);
        while (true)
        {
            placesLookedAt++;
            final long id = ids[index];
            if (id == orderId)
            {
                return orders[index];
            }
            if (id == 0)
            {
                return null;
            }
            index = (index + 1) & mask;
        }
    }

    void put(final Order order)
    {
        int index = home(order.orderId);
        while (ids[index] != 0)
        {
            index = (index + 1) & mask;
        }
        ids[index] = order.orderId;
        orders[index] = order;
        size++;
    }

    void remove(final long orderId)
    {
        int hole = home(orderId);
        while (ids[hole] != orderId)
        {
            if (ids[hole] == 0)
            {
                return;
            }
            hole = (hole + 1) & mask;
        }
        size--;
        // Backward-shift deletion: every later entry of the run stays reachable from its home place.
        int next = (hole + 1) & mask;
        while (ids[next] != 0)
        {
            if (((next - home(ids[next])) & mask) >= ((next - hole) & mask))
            {
                ids[hole] = ids[next];
                orders[hole] = orders[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        ids[hole] = 0;
        orders[hole] = null;
    }

    /** Files the first {@code count} orders of {@code list} afresh, forgetting what was filed before. */
    void rebuild(final Order[] list, final int count)
    {
        Arrays.fill(ids, 0);
        Arrays.fill(orders, null);
        size = 0;
        for (int i = 0; i < count; i++)
        {
            put(list[i]);
        }
    }

    private int home(final long orderId)
    {
        return (int)((orderId * SPREAD) >>> shift);
    }
}
