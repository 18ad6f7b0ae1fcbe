package io.ordergate.engine.candle;

/**
 * The candle timeframes, by their API names ({@code 1m 5m 15m 30m 1h 4h 1d}) and seed 002's ({@code M1 M5 M15 M30 H1
 * H4 D1}). The code is journaled in nothing (reads only) but is the index of a timeframe's series. Immutable.
 */
public enum Timeframe
{
    M1("1m", "M1", 60),
    M5("5m", "M5", 300),
    M15("15m", "M15", 900),
    M30("30m", "M30", 1_800),
    H1("1h", "H1", 3_600),
    H4("4h", "H4", 14_400),
    D1("1d", "D1", 86_400);

    public static final int COUNT = 7;
    /** The names {@link #fromClientName} reads, as a refusal names them. */
    public static final String CLIENT_NAMES = "1m 5m 15m 30m 1h 4h 1d or M1 M5 M15 M30 H1 H4 D1";
    private static final Timeframe[] VALUES = values();

    private final String apiName;
    private final String seedName;
    private final long micros;

    Timeframe(final String apiName, final String seedName, final long seconds)
    {
        this.apiName = apiName;
        this.seedName = seedName;
        this.micros = seconds * 1_000_000L;
    }

    public String apiName()
    {
        return apiName;
    }

    /** Seed 002's name (MetaTrader's). */
    public String seedName()
    {
        return seedName;
    }

    /** The candle's length in microseconds; candles start at multiples of it since the epoch (UTC). */
    public long micros()
    {
        return micros;
    }

    public static Timeframe fromOrdinal(final int ordinal)
    {
        return ordinal >= 0 && ordinal < VALUES.length ? VALUES[ordinal] : null;
    }

    /** @return the timeframe of an API or seed name (exact case: {@code 1h}, {@code H1}), or null */
    public static Timeframe fromName(final String name)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.apiName.equals(name) || timeframe.seedName.equals(name))
            {
                return timeframe;
            }
        }
        return null;
    }

    /**
     * @return the timeframe a client names, by its API or seed name in any letter case ({@code 1H} is {@code 1h},
     *         {@code h1} is {@code H1}), or null; see {@link #fromClientApiName} for the one refused
     */
    public static Timeframe fromClientName(final String name)
    {
        return clientNamed(name, true);
    }

    /**
     * @return the timeframe a client names by its API name in any letter case, or null. A number and an upper-case
     *         {@code M} ({@code 1M}) is refused: in trading it is months (TradingView's {@code 1M}, MetaTrader's
     *         {@code MN1}), and reading it as minutes would answer a monthly chart with minute candles
     */
    public static Timeframe fromClientApiName(final String name)
    {
        return clientNamed(name, false);
    }

    /**
     * @return true for a number and an upper-case {@code M} ({@code 1M}, {@code 15M}): months in trading (TradingView's
     *         {@code 1M}, MetaTrader's {@code MN1}), which whatever reads a timeframe in any letter case must not take
     *         for minutes (the bots' timeframes, which are not candles', too)
     */
    public static boolean namesMonths(final String name)
    {
        return !name.isEmpty() && Character.isDigit(name.charAt(0)) && name.charAt(name.length() - 1) == 'M';
    }

    private static Timeframe clientNamed(final String name, final boolean seedNames)
    {
        for (final Timeframe timeframe : VALUES)
        {
            if (timeframe.apiName.equalsIgnoreCase(name))
            {
                return namesMonths(name) ? null : timeframe;
            }
            if (seedNames && timeframe.seedName.equalsIgnoreCase(name))
            {
                return timeframe;
            }
        }
        return null;
    }
}
