package io.ordergate.engine.venue;

/**
 * The codes of the futures settings an account or an expert asks a venue for ({@link Venue#futuresSettings}; seed
 * 001's {@code trading_config}: {@code margin_mode}, {@code position_mode}, and the strategy's {@code leverage}).
 * Journaled as bytes: never renumber. Stateless.
 */
public final class FuturesSettings
{
    /** Leave this setting as the venue has it (also a leverage of 0). */
    public static final int UNCHANGED = 0;

    public static final int MARGIN_ISOLATED = 1;
    public static final int MARGIN_CROSS = 2;

    public static final int POSITION_ONE_WAY = 1;
    public static final int POSITION_HEDGE = 2;

    /** The highest leverage any venue here takes (Binance USDⓈ-M: 125, lower for some symbols). */
    public static final int MAX_LEVERAGE = 125;

    private FuturesSettings()
    {
    }

    /** {@code isolated} or {@code cross} (also {@code crossed}), any case; -1 for anything else. */
    public static int marginMode(final String text)
    {
        switch (text.toLowerCase(java.util.Locale.ROOT))
        {
            case "isolated": return MARGIN_ISOLATED;
            case "cross":
            case "crossed": return MARGIN_CROSS;
            default: return -1;
        }
    }

    /** {@code one_way} (also {@code oneway}, {@code one-way}) or {@code hedge}, any case; -1 for anything else. */
    public static int positionMode(final String text)
    {
        switch (text.toLowerCase(java.util.Locale.ROOT))
        {
            case "one_way":
            case "oneway":
            case "one-way": return POSITION_ONE_WAY;
            case "hedge": return POSITION_HEDGE;
            default: return -1;
        }
    }

    /** The API's name of a margin mode code, or null for {@link #UNCHANGED}. */
    public static String marginName(final int code)
    {
        return code == MARGIN_ISOLATED ? "isolated" : code == MARGIN_CROSS ? "cross" : null;
    }

    /** The API's name of a position mode code, or null for {@link #UNCHANGED}. */
    public static String positionName(final int code)
    {
        return code == POSITION_ONE_WAY ? "one_way" : code == POSITION_HEDGE ? "hedge" : null;
    }
}
