package io.ordergate.engine.command;

/**
 * Bodies of seed 001's expert commands. Decimals at {@link NewOrderBody#WIRE_DIGITS}; a strategy value that was not
 * given is absent by its {@code HAS_*} bit.
 *
 * <pre>
 *   CREATE_EXPERT:   account id | strategy name | timeframe | strategy id (long) | strategy values
 *                    [| futures asked (byte: trading_config.market_type futures) | margin mode (byte) | position mode (byte):
 *                    engine.venue.FuturesSettings codes; absent in records journaled before them]
 *   CONTROL_EXPERT:  expert id | action (byte: {@link #START}, {@link #STOP})
 *   EXPERT_STRATEGY: expert id | strategy values
 *   EXPERT_ORDER:    expert id | a NEW_ORDER body whose account id is empty (the expert's account is used) and whose
 *                    quantity is 0 when the expert sizes the order
 *   GET_EXPERT:      expert id | view (byte) | argument (long: an order id, or a limit) | symbol (string)
 *                    [VIEW_MARKET: | timeframe (int: a candle Timeframe's ordinal, -1 for the expert's own)]
 *   strategy values: symbol | flags (int) | leverage | max drawdown pct | size type (byte) | size value
 *                    | stop loss pct | take profit pct | trailing stop pct
 * </pre>
 */
public final class ExpertBodies
{
    public static final int HAS_STOP_LOSS_PCT = 1;
    public static final int HAS_TAKE_PROFIT_PCT = 1 << 1;
    public static final int HAS_TRAILING_STOP_PCT = 1 << 2;
    public static final int HAS_MAX_DRAWDOWN = 1 << 3;
    public static final int HAS_SIZE_TYPE = 1 << 4;
    public static final int HAS_SIZE_VALUE = 1 << 5;
    public static final int HAS_LEVERAGE = 1 << 6;
    public static final int HAS_SYMBOL = 1 << 7;

    /** The strategy parameters as seed 001 names them, in the order of the {@code HAS_*} bits above (seed 001's order). */
    public static final String[] PARAMETER_NAMES = {"stop_loss_pct", "take_profit_pct", "trailing_stop_pct", "max_drawdown_pct",
        "size_type", "size_value", "leverage", "symbol"};

    public static final int SIZE_FIXED = 1;
    public static final int SIZE_RISK_BASED = 2;
    public static final int SIZE_PERCENT_EQUITY = 3;
    /** Seed 001's names of the size types, indexed by the codes above. */
    public static final String[] SIZE_TYPE_NAMES = {"", "fixed", "risk_based", "percent_equity"};

    public static final int START = 1;
    public static final int STOP = 2;

    public static final int VIEW_STATUS = 1;
    public static final int VIEW_ORDER = 2;
    public static final int VIEW_ORDERS = 3;
    public static final int VIEW_POSITIONS = 4;
    public static final int VIEW_BALANCE = 5;
    public static final int VIEW_LOGS = 6;
    public static final int VIEW_MARKET = 7;

    private ExpertBodies()
    {
    }

    /** The strategy values as the engine reads them (the caller's scratch: engine thread, or one request). */
    public static final class Strategy
    {
        public final AsciiView symbol = new AsciiView();
        public int flags;
        public long leverage;
        public long maxDrawdownPct;
        public int sizeType;
        public long sizeValue;
        public long stopLossPct;
        public long takeProfitPct;
        public long trailingStopPct;

        public boolean has(final int flag)
        {
            return (flags & flag) != 0;
        }

        public Strategy decode(final BodyReader reader)
        {
            reader.readString(symbol);
            flags = reader.readInt();
            leverage = reader.readLong();
            maxDrawdownPct = reader.readLong();
            sizeType = reader.readByte();
            sizeValue = reader.readLong();
            stopLossPct = reader.readLong();
            takeProfitPct = reader.readLong();
            trailingStopPct = reader.readLong();
            return this;
        }
    }

    /** Writes strategy values; absent ones (by {@code flags}) are written as 0. */
    public static void encodeStrategy(final BodyWriter writer, final CharSequence symbol, final int flags, final long leverage,
        final long maxDrawdownPct, final int sizeType, final long sizeValue, final long stopLossPct, final long takeProfitPct,
        final long trailingStopPct)
    {
        writer.putString(symbol == null ? "" : symbol).putInt(flags)
            .putLong(present(flags, HAS_LEVERAGE, leverage))
            .putLong(present(flags, HAS_MAX_DRAWDOWN, maxDrawdownPct))
            .putByte((flags & HAS_SIZE_TYPE) != 0 ? sizeType : 0)
            .putLong(present(flags, HAS_SIZE_VALUE, sizeValue))
            .putLong(present(flags, HAS_STOP_LOSS_PCT, stopLossPct))
            .putLong(present(flags, HAS_TAKE_PROFIT_PCT, takeProfitPct))
            .putLong(present(flags, HAS_TRAILING_STOP_PCT, trailingStopPct));
    }

    private static long present(final int flags, final int flag, final long value)
    {
        return (flags & flag) != 0 ? value : 0;
    }
}
