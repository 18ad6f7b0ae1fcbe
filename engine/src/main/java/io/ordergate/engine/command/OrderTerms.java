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
 *   [ | stop loss pct (long) | take profit pct (long) | trailing stop pct (long) | trailing stop pips (long) ]
 * </pre>
 *
 * The bracketed extension (seed 001's percentage and trailing stops) is present only when {@link #flags} has one of
 * {@link NewOrderBody#EXTENDED_TERMS}: commands journaled before it existed never have those bits, so they decode as
 * they always did.
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
    /** Percent of the entry price (wire digits), when {@link NewOrderBody#HAS_STOP_LOSS_PCT} is set. */
    public long stopLossPct;
    public long takeProfitPct;
    /** A trailing stop's distance: percent of the price, or pips (wire digits), as flagged. */
    public long trailingStopPct;
    public long trailingStopPips;

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
        encodeTerms(writer, symbol, side, type, timeInForce, flags, quantity, price, stopLoss, takeProfit, stopLossPips, takeProfitPips,
            0, 0, 0, 0);
    }

    /** Encodes the terms with seed 001's stops (written only when {@code flags} has an {@link NewOrderBody#EXTENDED_TERMS} bit). */
    public static void encodeTerms(
        final BodyWriter writer, final CharSequence symbol, final Side side, final OrderType type, final TimeInForce timeInForce,
        final int flags, final long quantity, final long price, final long stopLoss, final long takeProfit,
        final long stopLossPips, final long takeProfitPips, final long stopLossPct, final long takeProfitPct,
        final long trailingStopPct, final long trailingStopPips)
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
        if ((flags & NewOrderBody.EXTENDED_TERMS) != 0)
        {
            writer.putLong(stopLossPct).putLong(takeProfitPct).putLong(trailingStopPct).putLong(trailingStopPips);
        }
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
        if ((flags & NewOrderBody.EXTENDED_TERMS) != 0)
        {
            stopLossPct = reader.readLong();
            takeProfitPct = reader.readLong();
            trailingStopPct = reader.readLong();
            trailingStopPips = reader.readLong();
        }
        else
        {
            stopLossPct = 0;
            takeProfitPct = 0;
            trailingStopPct = 0;
            trailingStopPips = 0;
        }
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
        stopLossPct = other.stopLossPct;
        takeProfitPct = other.takeProfitPct;
        trailingStopPct = other.trailingStopPct;
        trailingStopPips = other.trailingStopPips;
    }

    /**
     * A fingerprint of the terms as stated (not as the engine resolved them): a repeat of a client order id with the
     * same fingerprint is the same order; with another, a conflict. Stable across runs (no identity hashes).
     */
    public final long fingerprint()
    {
        long hash = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < symbol.length(); i++)
        {
            hash = mix(hash, symbol.byteAt(i));
        }
        hash = mix(hash, side == null ? 0 : side.code());
        hash = mix(hash, type == null ? 0 : type.code());
        hash = mix(hash, timeInForce == null ? 0 : timeInForce.code());
        hash = mix(hash, flags);
        hash = mix(hash, quantity);
        hash = mix(hash, price);
        hash = mix(hash, stopLoss);
        hash = mix(hash, takeProfit);
        hash = mix(hash, stopLossPips);
        hash = mix(hash, takeProfitPips);
        hash = mix(hash, stopLossPct);
        hash = mix(hash, takeProfitPct);
        hash = mix(hash, trailingStopPct);
        return mix(hash, trailingStopPips);
    }

    private static long mix(final long hash, final long value)
    {
        long h = (hash ^ value) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return h * 0x94D049BB133111EBL;
    }

    /** Clears every term: an empty symbol, no side, type or time in force, zeros. */
    public final void clearTerms()
    {
        copyTerms(NONE);
    }
}
