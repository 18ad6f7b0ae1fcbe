package io.ordergate.gateway.performance;

/**
 * Pairs of a time and a value in two parallel primitive arrays (no object per pair): an account's transfers, and a
 * performance read's values, which {@link #sort} puts in time order keeping the order they were added in among equal
 * times (a stable merge sort; an account's record is already mostly in time order, so a run found in order is not
 * merged again). Growing makes new arrays, so arrays taken earlier keep their pairs: a record of an account holds its
 * transfers' arrays and count while more are added. Written by one thread.
 */
final class TimedLongs
{
    private long[] times;
    private long[] values;
    private int count;

    TimedLongs(final int capacity)
    {
        times = new long[capacity];
        values = new long[capacity];
    }

    void add(final long timeMicros, final long value)
    {
        if (count == times.length)
        {
            times = java.util.Arrays.copyOf(times, count * 2);
            values = java.util.Arrays.copyOf(values, count * 2);
        }
        times[count] = timeMicros;
        values[count] = value;
        count++;
    }

    int count()
    {
        return count;
    }

    long time(final int index)
    {
        return times[index];
    }

    long value(final int index)
    {
        return values[index];
    }

    /** The times as they are now: values below {@link #count()} never change. */
    long[] times()
    {
        return times;
    }

    /** The values as they are now: values below {@link #count()} never change. */
    long[] values()
    {
        return values;
    }

    /** Drops the first {@code n} pairs into new arrays: arrays taken earlier keep them. */
    void dropFirst(final int n)
    {
        final int capacity = Math.max(4, times.length);
        times = java.util.Arrays.copyOfRange(times, n, n + capacity);
        values = java.util.Arrays.copyOfRange(values, n, n + capacity);
        count -= n;
    }

    /** Puts the pairs in time order, equal times in the order they were added. */
    void sort()
    {
        if (count < 2)
        {
            return;
        }
        final long[] spareTimes = new long[count];
        final long[] spareValues = new long[count];
        for (int width = 1; width < count; width *= 2)
        {
            for (int from = 0; from < count - width; from += 2 * width)
            {
                final int middle = from + width;
                if (times[middle - 1] > times[middle])
                {
                    merge(from, middle, Math.min(from + 2 * width, count), spareTimes, spareValues);
                }
            }
        }
    }

    private void merge(final int from, final int middle, final int to, final long[] spareTimes, final long[] spareValues)
    {
        System.arraycopy(times, from, spareTimes, from, to - from);
        System.arraycopy(values, from, spareValues, from, to - from);
        int left = from;
        int right = middle;
        for (int at = from; at < to; at++)
        {
            // the left run first on a tie: stable
            if (right >= to || left < middle && spareTimes[left] <= spareTimes[right])
            {
                times[at] = spareTimes[left];
                values[at] = spareValues[left++];
            }
            else
            {
                times[at] = spareTimes[right];
                values[at] = spareValues[right++];
            }
        }
    }
}
