package io.ordergate.gateway.performance;

/**
 * Sorts entries by time, keeping the order they were added in among equal times (a stable merge sort of two parallel
 * primitive arrays: no object per entry). An account's record is already mostly in time order, so a run found in order
 * is not merged again. Not thread safe.
 */
final class TimeOrder
{
    private long[] times = new long[64];
    private long[] entries = new long[64];
    private int count;

    void add(final long timeMicros, final long entry)
    {
        if (count == times.length)
        {
            times = java.util.Arrays.copyOf(times, count * 2);
            entries = java.util.Arrays.copyOf(entries, count * 2);
        }
        times[count] = timeMicros;
        entries[count] = entry;
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

    long entry(final int index)
    {
        return entries[index];
    }

    /** Puts the entries in time order, equal times in the order they were added. */
    void sort()
    {
        if (count < 2)
        {
            return;
        }
        final long[] spareTimes = new long[count];
        final long[] spareEntries = new long[count];
        for (int width = 1; width < count; width *= 2)
        {
            for (int from = 0; from < count - width; from += 2 * width)
            {
                final int middle = from + width;
                if (times[middle - 1] > times[middle])
                {
                    merge(from, middle, Math.min(from + 2 * width, count), spareTimes, spareEntries);
                }
            }
        }
    }

    private void merge(final int from, final int middle, final int to, final long[] spareTimes, final long[] spareEntries)
    {
        System.arraycopy(times, from, spareTimes, from, to - from);
        System.arraycopy(entries, from, spareEntries, from, to - from);
        int left = from;
        int right = middle;
        for (int at = from; at < to; at++)
        {
            // the left run first on a tie: stable
            if (right >= to || left < middle && spareTimes[left] <= spareTimes[right])
            {
                times[at] = spareTimes[left];
                entries[at] = spareEntries[left++];
            }
            else
            {
                times[at] = spareTimes[right];
                entries[at] = spareEntries[right++];
            }
        }
    }
}
