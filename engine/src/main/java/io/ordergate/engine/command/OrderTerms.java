package io.ordergate.engine.command;

/**
 * The terms of an order as a client states them: what a NEW_ORDER body, a group order's or webhook's signal and
 * one pass down the engine's single-order path have in common, listed (and encoded, decoded, copied) only here.
 * Decimals are at {@link NewOrderBody#WIRE_DIGITS}; which optional ones are present is in {@link #flags}
 * ({@link NewOrderBody}'s {@code HAS_*} bits). Layout, the same inside every body that carries it:
 *
 * <pre>
 *   symbol (string) | side (byte, 0 = none) | type (byte) | time in force (byte, 0 = default) | flags (int)
 *   | quantity (long) | price (long) | stop loss (long) | take profit (long)
 *   | stop loss pips (long) | take profit pips (long)
 * </pre>
 *
 * <b>Not thread safe</b>: an instance belongs to the thread that fills it; {@link #symbol} is a view into the
 * buffer it was decoded from, valid while that buffer holds the command.
 */
public abstract class OrderTerms
{
    private static final OrderTerms NONE = new OrderTerms()
    {
    };

    public final AsciiView symbol = new AsciiView();
    public Side side;
    public OrderType type;
    /** Null when none was named: the engine applies the type's default. */
    public TimeInForce timeInForce;
    public int flags;
    public long quantity;
    public long price;
    public long stopLoss;
    public long takeProfit;
    public long stopLossPips;
    public long takeProfitPips;

    public final boolean has(final int flag)
    {
        return (flags & flag) != 0;
    }

    /** Encodes the terms (a null side as 0, which decodes back to null). */
    public static void encodeTerms(
        final BodyWriter writer, final CharSequence symbol, final Side side, final OrderType type, final TimeInForce timeInForce,
        final int flags, final long quantity, final long price, final long stopLoss, final long takeProfit,
        final long stopLossPips, final long takeProfitPips)
    {
        writer.putString(symbol)
            .putByte(side == null ? 0 : side.code())
            .putByte(type.code())
            .putByte(timeInForce == null ? 0 : timeInForce.code())
            .putInt(flags)
            .putLong(quantity)
            .putLong(price)
            .putLong(stopLoss)
            .putLong(takeProfit)
            .putLong(stopLossPips)
            .putLong(takeProfitPips);
    }

    protected final void decodeTerms(final BodyReader reader)
    {
        reader.readString(symbol);
        side = Side.fromCode(reader.readByte());
        type = OrderType.fromCode(reader.readByte());
        timeInForce = TimeInForce.fromCode(reader.readByte());
        flags = reader.readInt();
        quantity = reader.readLong();
        price = reader.readLong();
        stopLoss = reader.readLong();
        takeProfit = reader.readLong();
        stopLossPips = reader.readLong();
        takeProfitPips = reader.readLong();
    }

    /** Copies another's terms; the symbol view then points into the same buffer. Allocates nothing. */
    public final void copyTerms(final OrderTerms other)
    {
        symbol.wrap(other.symbol.buffer(), other.symbol.offset(), other.symbol.length());
        side = other.side;
        type = other.type;
        timeInForce = other.timeInForce;
        flags = other.flags;
        quantity = other.quantity;
        price = other.price;
        stopLoss = other.stopLoss;
        takeProfit = other.takeProfit;
        stopLossPips = other.stopLossPips;
        takeProfitPips = other.takeProfitPips;
    }

    /** Clears every term: an empty symbol, no side, type or time in force, zeros. */
    public final void clearTerms()
    {
        copyTerms(NONE);
    }
}
