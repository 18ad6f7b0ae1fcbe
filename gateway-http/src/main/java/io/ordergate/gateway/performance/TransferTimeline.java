package io.ordergate.gateway.performance;

import java.util.Arrays;

/**
 * An account's transfers by time, as a fold of its fills needs them ({@link FoldedFills#fold}): those kept one by one
 * and the older ones' day sums (null before any), ordered as a read orders them (a transfer before a fill of its
 * microsecond). Taken on the thread that writes the record.
 */
record TransferTimeline(TimedLongs kept, FoldedTransfers.Taken folded)
{
    /** The transfers at or before {@code time}, in cents. */
    long sumUpTo(final long time)
    {
        long sum = folded == null ? 0 : folded.before(time);
        for (int t = 0; t < kept.count(); t++)
        {
            sum += kept.time(t) <= time ? kept.value(t) : 0;
        }
        return sum;
    }

    /**
     * The times where the curve of the chunk's fills (deals of the past aside) is moved by a transfer, sorted: the
     * latest at or before its first fill ({@link Long#MIN_VALUE}: none), then each up to its last fill.
     */
    long[] splits(final FillRows.Columns fills, final int first, final java.util.function.IntUnaryOperator effective)
    {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (int row = first; row < first + FillRows.CHUNK; row++)
        {
            final int at = effective.applyAsInt(row);
            if (!fills.is(row, FillRows.CORRECTION) && !fills.is(at, FillRows.HISTORY))
            {
                from = Math.min(from, fills.time(at));
                to = Math.max(to, fills.time(at));
            }
        }
        long[] splits = new long[8];
        splits[0] = Long.MIN_VALUE;
        int count = 1;
        final int foldedEntries = folded == null ? 0 : folded.entries();
        for (int t = 0; t < foldedEntries + kept.count(); t++)
        {
            final long time = t < foldedEntries ? folded.time(t) : kept.time(t - foldedEntries);
            if (time <= from)
            {
                splits[0] = Math.max(splits[0], time);
            }
            else if (time <= to)
            {
                splits = count == splits.length ? Arrays.copyOf(splits, count * 2) : splits;
                splits[count++] = time;
            }
        }
        Arrays.sort(splits, 1, count);
        return Arrays.copyOf(splits, count);
    }
}
