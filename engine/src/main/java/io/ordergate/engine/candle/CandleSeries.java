package io.ordergate.engine.candle;

/**
 * The last {@code capacity} candles of one instrument in one timeframe, in a ring of longs preallocated once, six per
 * candle:
 * <pre>
 *   data[slot * 6 + ...]   0 start (epoch micros)   1 open   2 high   3 low   4 close   5 volume (quotes)
 * </pre>
 * A price inside the newest candle's period updates it in place (a compare with its end, no division); a price past
 * it opens the next candle (one division, once per period). A price stamped before the newest candle's start (the
 * command clocks of two publishers may cross by a few microseconds) still goes to the newest candle, so candles never
 * reopen. Periods without a quote have no candle. Prices are in the instrument's units.
 * <b>Not thread safe</b>: owned by the engine thread.
 */
final class CandleSeries
{
    static final int START = 0;
    static final int OPEN = 1;
    static final int HIGH = 2;
    static final int LOW = 3;
    static final int CLOSE = 4;
    static final int VOLUME = 5;
    static final int FIELDS = 6;

    private final long periodMicros;
    private final int capacity;
    private final long[] data;
    /** Slot of the newest candle; meaningless while {@link #count} is 0. */
    private int newest;
    private int count;
    /** End (exclusive) of the newest candle's period; Long.MIN_VALUE while there is none. */
    private long newestEnd = Long.MIN_VALUE;

    CandleSeries(final Timeframe timeframe, final int capacity)
    {
        this.periodMicros = timeframe.micros();
        this.capacity = capacity;
        this.data = new long[capacity * FIELDS];
    }

    /**
     * One price at its time.
     *
     * @return true when it opened a new candle after an earlier one (the one before it is closed: see {@link #fold})
     */
    boolean onPrice(final long price, final long timeMicros)
    {
        if (timeMicros < newestEnd)
        {
            final int at = newest * FIELDS;
            if (price > data[at + HIGH])
            {
                data[at + HIGH] = price;
            }
            if (price < data[at + LOW])
            {
                data[at + LOW] = price;
            }
            data[at + CLOSE] = price;
            data[at + VOLUME]++;
            return false;
        }
        final boolean closedOne = count > 0;
        openNext(timeMicros, price, price, price, price, 1);
        return closedOne;
    }

    /**
     * A closed candle of a shorter timeframe, folded into this one's: into the newest candle when it falls in its
     * period (high and low widened, close and volume added), else as the next candle. Folding every closed 1-minute
     * candle in order gives the same candles as feeding every price (open is the first, high the max, low the min,
     * close the last, volume the sum), at one fold a minute instead of one update a quote.
     */
    void fold(final long start, final long open, final long high, final long low, final long close, final long volume)
    {
        if (count > 0 && start < newestEnd)
        {
            final int at = newest * FIELDS;
            data[at + HIGH] = Math.max(data[at + HIGH], high);
            data[at + LOW] = Math.min(data[at + LOW], low);
            data[at + CLOSE] = close;
            data[at + VOLUME] += volume;
            return;
        }
        openNext(start, open, high, low, close, volume);
    }

    /** Opens the next candle, for the period {@code timeMicros} falls in, in the ring's next slot (the oldest's once full). */
    private void openNext(final long timeMicros, final long open, final long high, final long low, final long close, final long volume)
    {
        final long start = Math.floorDiv(timeMicros, periodMicros) * periodMicros;
        newest = count == 0 ? 0 : (newest + 1) % capacity;
        if (count < capacity)
        {
            count++;
        }
        newestEnd = start + periodMicros;
        final int at = newest * FIELDS;
        data[at + START] = start;
        data[at + OPEN] = open;
        data[at + HIGH] = high;
        data[at + LOW] = low;
        data[at + CLOSE] = close;
        data[at + VOLUME] = volume;
    }

    int count()
    {
        return count;
    }

    /** A field of the candle {@code age} periods with quotes before the newest (0 = the newest). */
    long field(final int age, final int field)
    {
        final int slot = Math.floorMod(newest - age, capacity);
        return data[slot * FIELDS + field];
    }
}
