package io.ordergate.gateway.performance;

import java.util.Arrays;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * An account's fills that fell out of its record ({@code server.performance_fills_kept_per_account}), kept as exact sums
 * per UTC day: what every figure of a range that starts and ends on day bounds needs. A {@link Segment} sums the folded
 * fills of one day between two of the account's transfers (realized PnL, fees, fills, the round trips they closed):
 * a day is split at each transfer, so a read moves the curve by the transfer between the day's fills, as it does
 * between kept fills (where a transfer is: its own time, or a folded day's first, see {@link FoldedTransfers}). It
 * keeps of the equity curve what the drawdown needs: the day's lowest and highest points, its end, and its own
 * largest fall (from a peak of the day to the lowest point after it, before a higher peak). The largest fall from a
 * peak before the day is then to the day's lowest point, and a fall from a peak of the day is the day's own or
 * continues after it from the day's highest point, so the drawdown over folded days is the one the fills give (while
 * equity stays positive; see {@link Sums#curve}). The round trips still open when their fills were folded are carried
 * ({@link Taken#trips()}), so a trip that closes among the kept fills is worth all its fills.
 *
 * <p>Segments are appended, never changed: a reader holds the array and count it took. When the array is full, runs of
 * the same day with no transfer between them are merged into a new array, so what is held grows with the days traded
 * (and the transfers), not the fills.
 * <b>Written by one thread</b> (the reply thread, or the replaying thread before it).
 */
final class FoldedFills
{
    static final long MICROS_A_DAY = 86_400_000_000L;

    /**
     * Some folded fills of one UTC day, money in cents. {@code low} and {@code high} are the curve's lowest and highest
     * points relative to where the segment starts (0 included); {@code fallPeak} and {@code fallTrough} (relative too)
     * its largest fall in percent, judged at {@code open}, the account's curve where the segment starts as it was known
     * when folded (0 and 0: no fall). {@code afterTransfer}: the time of the account's latest transfer at or before
     * its fills ({@link Long#MIN_VALUE}: none; {@link #HISTORY_ONLY}: deals of the past, off the curve), so that only
     * segments with no transfer between them are merged.
     */
    record Segment(long day, long afterTransfer, long firstTime, long realized, long fees, int fills, long curveNet, long low, long high,
        long open, long fallPeak, long fallTrough, int trips, int wins, int losses, long grossProfit, long grossLoss)
    {
        /** This segment followed by {@code next} of the same day. */
        Segment then(final Segment next)
        {
            // the largest of this one's fall, next's, and the fall from this one's high to next's low
            long peak = fallPeak;
            long trough = fallTrough;
            if (Sums.largerFall(open + high, open + curveNet + next.low, open + peak, open + trough))
            {
                peak = high;
                trough = curveNet + next.low;
            }
            if (Sums.largerFall(open + curveNet + next.fallPeak, open + curveNet + next.fallTrough, open + peak, open + trough))
            {
                peak = curveNet + next.fallPeak;
                trough = curveNet + next.fallTrough;
            }
            return new Segment(day, afterTransfer, Math.min(firstTime, next.firstTime), realized + next.realized, fees + next.fees,
                fills + next.fills, curveNet + next.curveNet, Math.min(low, curveNet + next.low),
                Math.max(high, curveNet + next.high), open, peak, trough, trips + next.trips, wins + next.wins,
                losses + next.losses, grossProfit + next.grossProfit, grossLoss + next.grossLoss);
        }
    }

    /** What a reader takes: the segments before its read and the round trips open after them (a copy to move). */
    record Taken(Segment[] segments, int count, OpenTrips trips)
    {
        /** Adds each segment to a read's entries, at its first fill's time: {@code tag} or the segment's number. */
        void entries(final TimedLongs order, final long tag)
        {
            for (int s = 0; s < count; s++)
            {
                order.add(segments[s].firstTime(), tag | s);
            }
        }

        /**
         * The range's bound (micros; 0 for none) that falls inside a folded day rather than on its start, or null: the
         * day's sums cannot be split there.
         */
        String boundInsideDay(final long startMicros, final long endMicros)
        {
            for (int s = 0; s < count; s++)
            {
                final String bound = FoldedFills.boundInsideDay(segments[s].day(), startMicros, endMicros);
                if (bound != null)
                {
                    return bound;
                }
            }
            return null;
        }
    }

    /** The range's bound (micros; 0 for none) that falls inside {@code day} rather than on its start, or null. */
    static String boundInsideDay(final long day, final long startMicros, final long endMicros)
    {
        if (startMicros % MICROS_A_DAY != 0 && Math.floorDiv(startMicros, MICROS_A_DAY) == day)
        {
            return "start_date";
        }
        return endMicros % MICROS_A_DAY != 0 && Math.floorDiv(endMicros, MICROS_A_DAY) == day ? "end_date" : null;
    }

    /** One day's sums while a chunk is folded. */
    private static final class Sums
    {
        final long day;
        final long afterTransfer;
        long firstTime = Long.MAX_VALUE;
        long realized;
        long fees;
        int fills;
        /** The account's curve where the day's folded fills start (see {@link Segment#open}). */
        final long open;
        long curve;
        long low;
        long high;
        /** The lowest point since {@link #high} was reached (valid when {@link #seenBelow}). */
        long lowestSinceHigh;
        boolean seenBelow;
        long fallPeak;
        long fallTrough;
        int trips;
        int wins;
        int losses;
        long grossProfit;
        long grossLoss;

        Sums(final long day, final long afterTransfer, final long open)
        {
            this.day = day;
            this.afterTransfer = afterTransfer;
            this.open = open;
        }

        /**
         * The curve moves by a fill's net PnL. A fall is measured from the running peak, as {@link Drawdown} does; of the
         * falls at a positive equity, the larger peak gives the larger percent to the same trough, which is why the
         * day's lowest point and its own largest fall are enough to join it to the days around it.
         */
        void curve(final long net)
        {
            curve += net;
            low = Math.min(low, curve);
            if (curve > high)
            {
                settle();
                high = curve;
            }
            else if (!seenBelow || curve < lowestSinceHigh)
            {
                seenBelow = true;
                lowestSinceHigh = curve;
            }
        }

        private void settle()
        {
            if (seenBelow && largerFall(open + high, open + lowestSinceHigh, open + fallPeak, open + fallTrough))
            {
                fallPeak = high;
                fallTrough = lowestSinceHigh;
            }
            seenBelow = false;
        }

        /**
         * Whether the fall from {@code peak} to {@code trough} is a larger percent of its peak than the other's (a peak
         * of 0 or less has no percent): exact, compared as 128-bit products.
         */
        static boolean largerFall(final long peak, final long trough, final long otherPeak, final long otherTrough)
        {
            if (peak <= 0 || trough >= peak)
            {
                return false;
            }
            if (otherPeak <= 0 || otherTrough >= otherPeak)
            {
                return true;
            }
            final long fall = peak - trough;
            final long otherFall = otherPeak - otherTrough;
            final long high = Math.multiplyHigh(fall, otherPeak);
            final long otherHigh = Math.multiplyHigh(otherFall, peak);
            return high != otherHigh ? high > otherHigh : Long.compareUnsigned(fall * otherPeak, otherFall * peak) > 0;
        }

        void trip(final long pnl)
        {
            trips++;
            if (pnl > 0)
            {
                wins++;
                grossProfit += pnl;
            }
            else if (pnl < 0)
            {
                losses++;
                grossLoss -= pnl;
            }
        }

        Segment segment()
        {
            settle();
            return new Segment(day, afterTransfer, firstTime, realized, fees, fills, curve, low, high, open, fallPeak, fallTrough, trips, wins, losses,
                grossProfit, grossLoss);
        }
    }

    /** {@link Segment#afterTransfer} of a segment of deals of the past only: they are no part of the curve. */
    static final long HISTORY_ONLY = Long.MAX_VALUE;

    private Segment[] segments = new Segment[16];
    private int count;
    private final OpenTrips trips = new OpenTrips();
    /** The net PnL of every fill folded so far that moved the curve (not a deal of the past). */
    private long foldedNet;
    /** A copy of {@link #trips} as the last fold left them: readers copy it again before moving it. */
    private OpenTrips tripsTaken = new OpenTrips();

    int count()
    {
        return count;
    }

    Taken taken()
    {
        return new Taken(segments, count, tripsTaken);
    }

    /**
     * Folds the {@value FillRows#CHUNK} rows of {@code fills} from {@code first} on (the caller then drops them): a row's values are its
     * latest correction's ({@code effective}), a correction row itself is not a fill; a deal of the past is a round trip
     * of its own and no part of the curve.
     *
     * @param effective the row whose values count for a row (itself, or its latest correction among the kept rows)
     * @param transfers the account's transfers: with {@link #foldedNet}, where its curve stands, and where a day is split
     */
    void fold(final FillRows.Columns fills, final int first, final java.util.function.IntUnaryOperator effective,
        final TransferTimeline transfers)
    {
        final long[] splits = transfers.splits(fills, first, effective);
        final Long2ObjectHashMap<Sums> days = new Long2ObjectHashMap<>();
        final Sums[] order = new Sums[FillRows.CHUNK];
        int dayCount = 0;
        for (int row = first; row < first + FillRows.CHUNK; row++)
        {
            if (fills.is(row, FillRows.CORRECTION))
            {
                continue;
            }
            final int from = effective.applyAsInt(row);
            final long time = fills.time(from);
            final long day = Math.floorDiv(time, MICROS_A_DAY);
            // by day and the transfers before the fill: splits[0] is the latest transfer before the chunk's first curve fill
            final int split = fills.is(from, FillRows.HISTORY) ? -1 : latestSplit(splits, time);
            final long key = day * (splits.length + 1) + split + 1;
            Sums sums = days.get(key);
            if (sums == null)
            {
                sums = new Sums(day, split < 0 ? HISTORY_ONLY : splits[split], foldedNet + transfers.sumUpTo(time));
                days.put(key, sums);
                order[dayCount++] = sums;
            }
            final long net = fills.net(from);
            sums.firstTime = Math.min(sums.firstTime, time);
            sums.realized += fills.realized(from);
            sums.fees += fills.fee(from);
            sums.fills++;
            final long quantity = fills.quantity(from);
            if (fills.is(from, FillRows.HISTORY))
            {
                if (quantity != 0)
                {
                    sums.trip(net);
                }
                continue;
            }
            sums.curve(net);
            foldedNet += net;
            if (trips.move(fills.tripKey(from), fills.is(from, FillRows.BUY), quantity, fills.quantityDigits(from), net))
            {
                sums.trip(trips.closedPnl);
            }
        }
        for (int i = 0; i < dayCount; i++)
        {
            append(order[i].segment());
        }
        tripsTaken = trips.copy();
    }

    /** The index of the last of {@code splits} (sorted; the first at or before {@code time}) at or before {@code time}. */
    private static int latestSplit(final long[] splits, final long time)
    {
        int low = 0;
        int high = splits.length - 1;
        while (low < high)
        {
            final int middle = (low + high + 1) >>> 1;
            if (splits[middle] <= time)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    private void append(final Segment segment)
    {
        if (count == segments.length)
        {
            segments = merged(segments, count);
            count = 0;
            while (count < segments.length && segments[count] != null)
            {
                count++;
            }
        }
        segments[count++] = segment;
    }

    /** Runs of the same day as one segment each, in a new array with room for as many again (at least 16). */
    private static Segment[] merged(final Segment[] full, final int count)
    {
        final Segment[] runs = new Segment[count];
        int runCount = 0;
        for (int i = 0; i < count; i++)
        {
            if (runCount > 0 && runs[runCount - 1].day() == full[i].day() && runs[runCount - 1].afterTransfer() == full[i].afterTransfer())
            {
                runs[runCount - 1] = runs[runCount - 1].then(full[i]);
            }
            else
            {
                runs[runCount++] = full[i];
            }
        }
        return Arrays.copyOf(runs, Math.max(16, runCount * 2));
    }
}
