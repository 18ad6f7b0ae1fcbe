package io.ordergate.engine.command;

/**
 * The body of {@code GET_CANDLES} (a read: never journaled), beside the layout the engine reads back:
 * symbol (string) | timeframe ordinal (int) | flags (int) | count (int).
 * Safe from any thread (stateless).
 */
public final class CandleBodies
{
    /** API.md's bound on {@code count}. */
    public static final int MAX_COUNT = 1000;
    /** Flag: answer the timeframe by seed 002's name ({@code H1}) rather than the API's ({@code 1h}). */
    public static final int SEED_NAMES = 1;
    /** Flag: answer in seed 001's shape ({@code "data"}, {@code "timestamp"}) rather than API.md's. */
    public static final int SHAPE_SEED_001 = 1 << 1;

    private CandleBodies()
    {
    }

    public static void getCandles(final BodyWriter writer, final String symbol, final int timeframeOrdinal, final int flags, final int count)
    {
        writer.putString(symbol).putInt(timeframeOrdinal).putInt(flags).putInt(count);
    }
}
