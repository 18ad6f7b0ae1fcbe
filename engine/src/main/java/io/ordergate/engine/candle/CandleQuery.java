package io.ordergate.engine.candle;

import io.ordergate.engine.EngineContext;
import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.BodyReader;
import io.ordergate.engine.command.CandleBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.view.JsonWriter;

/**
 * {@code GET_CANDLES}: the newest candles of one instrument in one timeframe, oldest first, in API.md's shape
 * ({@code {"symbol", "timeframe", "candles": [{"time", "open", "high", "low", "close", "volume"}]}}) or seed 001's
 * ({@code "data": [{"timestamp", ...}]}). Market data: any caller may read it.
 * <b>Not thread safe</b>: owned by the engine thread; allocates nothing.
 */
public final class CandleQuery
{
    private final EngineContext context;
    private final Instruments instruments;
    private final Candles candles;
    private final BodyReader reader = new BodyReader();
    private final AsciiView symbol = new AsciiView();

    public CandleQuery(final EngineContext context, final Candles candles)
    {
        this.context = context;
        this.instruments = context.instruments();
        this.candles = candles;
    }

    public void getCandles(final CommandEvent event)
    {
        reader.wrap(event.frame, CommandFrame.BODY_OFFSET);
        final Instrument instrument = instruments.find(reader.readString(symbol));
        final Timeframe timeframe = Timeframe.fromOrdinal(reader.readInt());
        final int flags = reader.readInt();
        final int requested = reader.readInt();
        if (instrument == null)
        {
            event.reject(ResultCode.NOT_FOUND, "unknown symbol", "symbol");
            return;
        }
        if (timeframe == null || requested < 1 || requested > CandleBodies.MAX_COUNT)
        {
            event.reject(ResultCode.VALIDATION_ERROR, "invalid candle request", null);
            return;
        }
        answer(event, instrument, timeframe, flags, requested);
    }

    /**
     * Writes the newest {@code requested} (1..{@link CandleBodies#MAX_COUNT}) candles of the instrument in the timeframe
     * into the event, in the shape {@code flags} names; for other rooms' reads of market data (an expert's).
     */
    public void answer(final CommandEvent event, final Instrument instrument, final Timeframe timeframe, final int flags,
        final int requested)
    {
        final boolean seed001 = (flags & CandleBodies.SHAPE_SEED_001) != 0;
        // The minute still open has not been folded into the longer timeframes yet: it joins their newest candle, or
        // follows it as a candle of its own when it began a new period (see Candles).
        final boolean foldOpenMinute = timeframe != Timeframe.M1 && candles.stored(instrument, Timeframe.M1) > 0;
        final int stored = candles.stored(instrument, timeframe);
        long minuteStart = 0;
        boolean joinsNewest = false;
        if (foldOpenMinute)
        {
            minuteStart = candles.field(instrument, Timeframe.M1, 0, CandleSeries.START);
            joinsNewest = stored > 0 && Math.floorDiv(minuteStart, timeframe.micros()) * timeframe.micros()
                <= candles.field(instrument, timeframe, 0, CandleSeries.START);
        }
        final boolean extra = foldOpenMinute && !joinsNewest;
        final int count = Math.min(requested, stored + (extra ? 1 : 0));
        final JsonWriter json = context.beginJson(event).startObject();
        json.name("symbol").string(instrument.symbol);
        json.name("timeframe").string((flags & CandleBodies.SEED_NAMES) != 0 ? timeframe.seedName() : timeframe.apiName());
        json.name(seed001 ? "data" : "candles").startArray();
        for (int age = count - (extra ? 2 : 1); age >= 0; age--)
        {
            final boolean merge = age == 0 && joinsNewest;
            write(json, seed001, instrument,
                candles.field(instrument, timeframe, age, CandleSeries.START),
                candles.field(instrument, timeframe, age, CandleSeries.OPEN),
                merge ? Math.max(candles.field(instrument, timeframe, 0, CandleSeries.HIGH), minute(instrument, CandleSeries.HIGH))
                    : candles.field(instrument, timeframe, age, CandleSeries.HIGH),
                merge ? Math.min(candles.field(instrument, timeframe, 0, CandleSeries.LOW), minute(instrument, CandleSeries.LOW))
                    : candles.field(instrument, timeframe, age, CandleSeries.LOW),
                merge ? minute(instrument, CandleSeries.CLOSE) : candles.field(instrument, timeframe, age, CandleSeries.CLOSE),
                candles.field(instrument, timeframe, age, CandleSeries.VOLUME) + (merge ? minute(instrument, CandleSeries.VOLUME) : 0));
        }
        if (extra && count > 0)
        {
            write(json, seed001, instrument, Math.floorDiv(minuteStart, timeframe.micros()) * timeframe.micros(),
                minute(instrument, CandleSeries.OPEN), minute(instrument, CandleSeries.HIGH), minute(instrument, CandleSeries.LOW),
                minute(instrument, CandleSeries.CLOSE), minute(instrument, CandleSeries.VOLUME));
        }
        json.endArray().endObject();
        context.endJson(event);
        event.result = ResultCode.OK;
    }

    /** A field of the minute still open. */
    private long minute(final Instrument instrument, final int field)
    {
        return candles.field(instrument, Timeframe.M1, 0, field);
    }

    private static void write(final JsonWriter json, final boolean seed001, final Instrument instrument, final long start, final long open,
        final long high, final long low, final long close, final long volume)
    {
        json.startObject();
        json.name(seed001 ? "timestamp" : "time").time(start);
        json.name("open").decimal(open, instrument.priceDigits);
        json.name("high").decimal(high, instrument.priceDigits);
        json.name("low").decimal(low, instrument.priceDigits);
        json.name("close").decimal(close, instrument.priceDigits);
        json.name("volume").number(volume);
        json.endObject();
    }
}
