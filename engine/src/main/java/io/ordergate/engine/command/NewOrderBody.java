package io.ordergate.engine.command;

/**
 * Body of {@link CommandType#NEW_ORDER}. Decimals are at {@link #WIRE_DIGITS}; the engine rescales them exactly to
 * the instrument's digits and rejects values that do not fit, so the gateway needs no instrument knowledge.
 *
 * <pre>
 *   account id (string) | symbol (string) | side (byte) | type (byte) | time in force (byte, 0 = default)
 *   | flags (int) | quantity (long) | price (long) | stop loss (long) | take profit (long)
 *   | stop loss pips (long) | take profit pips (long) | client order id (string, may be empty)
 * </pre>
 *
 * <b>Not thread safe</b>: a decoded instance belongs to the engine thread.
 */
public final class NewOrderBody
{
    /** Every decimal on the wire has 8 fractional digits. */
    public static final int WIRE_DIGITS = 8;

    public static final int HAS_PRICE = 1;
    public static final int HAS_STOP_LOSS = 1 << 1;
    public static final int HAS_TAKE_PROFIT = 1 << 2;
    public static final int HAS_STOP_LOSS_PIPS = 1 << 3;
    public static final int HAS_TAKE_PROFIT_PIPS = 1 << 4;

    public final AsciiView accountId = new AsciiView();
    public final AsciiView symbol = new AsciiView();
    public final AsciiView clientOrderId = new AsciiView();
    public Side side;
    public OrderType type;
    /** Null when the request named none: the engine applies the type's default. */
    public TimeInForce timeInForce;
    public int flags;
    public long quantity;
    public long price;
    public long stopLoss;
    public long takeProfit;
    public long stopLossPips;
    public long takeProfitPips;

    public NewOrderBody decode(final BodyReader reader)
    {
        reader.readString(accountId);
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
        reader.readString(clientOrderId);
        return this;
    }

    public boolean has(final int flag)
    {
        return (flags & flag) != 0;
    }

    /** Encodes a new order. Decimals must already be at {@link #WIRE_DIGITS}; absent ones are ignored via flags. */
    public static void encode(
        final BodyWriter writer,
        final CharSequence accountId,
        final CharSequence symbol,
        final Side side,
        final OrderType type,
        final TimeInForce timeInForce,
        final int flags,
        final long quantity,
        final long price,
        final long stopLoss,
        final long takeProfit,
        final long stopLossPips,
        final long takeProfitPips,
        final CharSequence clientOrderId)
    {
        writer.putString(accountId)
            .putString(symbol)
            .putByte(side.code())
            .putByte(type.code())
            .putByte(timeInForce == null ? 0 : timeInForce.code())
            .putInt(flags)
            .putLong(quantity)
            .putLong(price)
            .putLong(stopLoss)
            .putLong(takeProfit)
            .putLong(stopLossPips)
            .putLong(takeProfitPips)
            .putString(clientOrderId);
    }
}
