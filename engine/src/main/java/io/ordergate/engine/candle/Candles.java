package io.ordergate.engine.candle;

import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;

/**
 * OHLCV candles of every instrument in every {@link Timeframe}, built from the bid of each quote the engine applies,
 * stamped with the command's time: the same journal gives the same candles after a restart. Every series is
 * allocated at start-up ({@code engine.candles_per_timeframe} candles each; 0 builds none), so a quote allocates
 * nothing.
 *
 * <p>A quote updates only the 1-minute series; each minute that closes is folded into the longer timeframes
 * ({@link CandleSeries#fold}), and a read of a longer timeframe folds the minute still open into its newest candle as
 * it answers ({@link CandleQuery}). The candles are the same as feeding every quote to every timeframe, for an
 * update per quote instead of seven. <b>Not thread safe</b>: owned by the engine thread.
 */
public final class Candles
{
    /** Per instrument, its series in timeframe order; null when candles are off. */
    private final CandleSeries[] series;

    public Candles(final Instruments instruments, final int perTimeframe)
    {
        if (perTimeframe == 0)
        {
            series = null;
            return;
        }
        series = new CandleSeries[instruments.count() * Timeframe.COUNT];
        for (int i = 0; i < instruments.count(); i++)
        {
            for (final Timeframe timeframe : Timeframe.values())
            {
                // the minutes keep the one before the open one, whatever the count: it is folded when the next opens
                series[i * Timeframe.COUNT + timeframe.ordinal()] = new CandleSeries(timeframe,
                    timeframe == Timeframe.M1 ? Math.max(2, perTimeframe) : perTimeframe);
            }
        }
    }

    /** The instrument's quote was just applied: its bid goes into the newest minute; a minute that closed, further up. */
    public void quoted(final Instrument instrument)
    {
        if (series == null)
        {
            return;
        }
        final int first = instrument.index * Timeframe.COUNT;
        final CandleSeries minutes = series[first];
        if (minutes.onPrice(instrument.bid, instrument.quoteMicros))
        {
            final long start = minutes.field(1, CandleSeries.START);
            final long open = minutes.field(1, CandleSeries.OPEN);
            final long high = minutes.field(1, CandleSeries.HIGH);
            final long low = minutes.field(1, CandleSeries.LOW);
            final long close = minutes.field(1, CandleSeries.CLOSE);
            final long volume = minutes.field(1, CandleSeries.VOLUME);
            for (int t = 1; t < Timeframe.COUNT; t++)
            {
                series[first + t].fold(start, open, high, low, close, volume);
            }
        }
    }

    /** Closed candles held for the instrument in the timeframe, the open minute aside (0 when candles are off). */
    int stored(final Instrument instrument, final Timeframe timeframe)
    {
        return series == null ? 0 : of(instrument, timeframe).count();
    }

    /** A field ({@code CandleSeries} field index) of the stored candle {@code age} candles before the newest. */
    long field(final Instrument instrument, final Timeframe timeframe, final int age, final int field)
    {
        return of(instrument, timeframe).field(age, field);
    }

    private CandleSeries of(final Instrument instrument, final Timeframe timeframe)
    {
        return series[instrument.index * Timeframe.COUNT + timeframe.ordinal()];
    }

    /** Mixes every candle held, oldest first, into {@code digest} (the state digest's mixer). */
    public void digest(final java.util.function.LongConsumer digest)
    {
        if (series == null)
        {
            return;
        }
        for (final CandleSeries one : series)
        {
            digest.accept(one.count());
            for (int age = one.count() - 1; age >= 0; age--)
            {
                for (int field = 0; field < CandleSeries.FIELDS; field++)
                {
                    digest.accept(one.field(age, field));
                }
            }
        }
    }
}
