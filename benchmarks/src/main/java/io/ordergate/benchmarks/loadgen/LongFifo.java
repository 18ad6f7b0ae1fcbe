package io.ordergate.benchmarks.loadgen;

import java.util.Arrays;

/**
 * A growable first-in-first-out queue of longs (planned send times), without boxing.
 * <b>Not thread safe</b>: owned by the event loop.
 */
final class LongFifo
{
    private long[] items;
    private int head;
    private int size;

    LongFifo(final int initialCapacity)
    {
        items = new long[Integer.highestOneBit(Math.max(2, initialCapacity - 1)) << 1];
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    void add(final long value)
    {
        if (size == items.length)
        {
            final long[] grown = new long[items.length * 2];
            for (int i = 0; i < size; i++)
            {
                grown[i] = items[(head + i) & (items.length - 1)];
            }
            items = grown;
            head = 0;
        }
        items[(head + size) & (items.length - 1)] = value;
        size++;
    }

    long poll()
    {
        if (size == 0)
        {
            throw new IllegalStateException("empty");
        }
        final long value = items[head];
        head = (head + 1) & (items.length - 1);
        size--;
        return value;
    }

    void clear()
    {
        head = 0;
        size = 0;
        Arrays.fill(items, 0);
    }
}
