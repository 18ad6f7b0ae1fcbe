package io.ordergate.gateway.performance;

import java.util.Arrays;

/**
 * An account's transfers (deposits and withdrawals) that fell out of its record, kept as sums per UTC day, as
 * {@link FoldedFills} keeps fills: an MT5 terminal's balance that runs ahead of its trade reports, or an exchange's
 * funding, moves the balance without a fill, again and again, so the transfers are bounded too. A day's deposits and
 * withdrawals stay apart (a read reports both), at the day's first transfer; every figure of a range on day bounds is
 * the one the transfers give, and the curve takes the day's transfers at once.
 *
 * <p>What a reader took never changes: each fold sums into new arrays (a day's transfers may be folded in two turns).
 * <b>Written by one thread</b> (the reply thread, or the replaying thread before it).
 */
final class FoldedTransfers
{
    private long[] days = new long[8];
    private long[] firstTimes = new long[8];
    private long[] deposits = new long[8];
    private long[] withdrawals = new long[8];
    private int count;

    /** The day sums before a read, each as two entries (its deposits, then its withdrawals). */
    record Taken(long[] days, long[] firstTimes, long[] deposits, long[] withdrawals, int count)
    {
        int entries()
        {
            return 2 * count;
        }

        long time(final int entry)
        {
            return firstTimes[entry >> 1];
        }

        /** The entry's money in cents: a day's deposits (positive) or its withdrawals (negative). */
        long amount(final int entry)
        {
            return (entry & 1) == 0 ? deposits[entry >> 1] : -withdrawals[entry >> 1];
        }

        /** The range's bound (micros; 0 for none) that falls inside a folded day rather than on its start, or null. */
        String boundInsideDay(final long startMicros, final long endMicros)
        {
            for (int d = 0; d < count; d++)
            {
                final String bound = FoldedFills.boundInsideDay(days[d], startMicros, endMicros);
                if (bound != null)
                {
                    return bound;
                }
            }
            return null;
        }

        /** The transfers of the days that start (their first transfer) at or before {@code time}. */
        long before(final long time)
        {
            long sum = 0;
            for (int d = 0; d < count; d++)
            {
                sum += firstTimes[d] <= time ? deposits[d] - withdrawals[d] : 0;
            }
            return sum;
        }
    }

    Taken taken()
    {
        return new Taken(days, firstTimes, deposits, withdrawals, count);
    }

    int count()
    {
        return count;
    }

    /** Sums the first {@code n} transfers into their days (the caller then drops them). */
    void fold(final TimedLongs transfers, final int n)
    {
        // a reader may hold the last day's sums, which this may add to: the new sums go into copies
        days = Arrays.copyOf(days, days.length);
        firstTimes = Arrays.copyOf(firstTimes, days.length);
        deposits = Arrays.copyOf(deposits, days.length);
        withdrawals = Arrays.copyOf(withdrawals, days.length);
        for (int t = 0; t < n; t++)
        {
            final long time = transfers.time(t);
            final long amount = transfers.value(t);
            final long day = Math.floorDiv(time, FoldedFills.MICROS_A_DAY);
            if (count > 0 && days[count - 1] == day)
            {
                firstTimes[count - 1] = Math.min(firstTimes[count - 1], time);
            }
            else
            {
                if (count == days.length)
                {
                    days = Arrays.copyOf(days, count * 2);
                    firstTimes = Arrays.copyOf(firstTimes, count * 2);
                    deposits = Arrays.copyOf(deposits, count * 2);
                    withdrawals = Arrays.copyOf(withdrawals, count * 2);
                }
                days[count] = day;
                firstTimes[count] = time;
                count++;
            }
            deposits[count - 1] += Math.max(0, amount);
            withdrawals[count - 1] -= Math.min(0, amount);
        }
    }
}
