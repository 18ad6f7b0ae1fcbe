package io.ordergate.engine.command;

/**
 * Body of {@link CommandType#NEW_ORDER}: the account, the {@link OrderTerms} and a client order id. Decimals are at
 * {@link #WIRE_DIGITS}; the engine rescales them exactly to the instrument's digits and rejects values that do not
 * fit, so the gateway needs no instrument knowledge.
 *
 * <pre>
 *   account id (string) | order terms | client order id (string, may be empty)
 * </pre>
 *
 * <b>Not thread safe</b>: a decoded instance belongs to the engine thread.
 */
public final class NewOrderBody extends OrderTerms
{
    /** Every decimal on the wire has 8 fractional digits. */
    public static final int WIRE_DIGITS = 8;

    public static final int HAS_PRICE = 1;
    public static final int HAS_STOP_LOSS = 1 << 1;
    public static final int HAS_TAKE_PROFIT = 1 << 2;
    public static final int HAS_STOP_LOSS_PIPS = 1 << 3;
    public static final int HAS_TAKE_PROFIT_PIPS = 1 << 4;
    /** Seed 001's stops as a percent of the entry price, and trailing stops (bits 8 and 9 are a signal's own). */
    public static final int HAS_STOP_LOSS_PCT = 1 << 5;
    public static final int HAS_TAKE_PROFIT_PCT = 1 << 6;
    public static final int HAS_TRAILING_STOP_PCT = 1 << 7;
    public static final int HAS_TRAILING_STOP_PIPS = 1 << 10;
    /** Any of these means the terms carry their extension ({@link OrderTerms}). */
    public static final int EXTENDED_TERMS = HAS_STOP_LOSS_PCT | HAS_TAKE_PROFIT_PCT | HAS_TRAILING_STOP_PCT | HAS_TRAILING_STOP_PIPS;

    public final AsciiView accountId = new AsciiView();
    public final AsciiView clientOrderId = new AsciiView();

    public NewOrderBody decode(final BodyReader reader)
    {
        reader.readString(accountId);
        decodeTerms(reader);
        reader.readString(clientOrderId);
        return this;
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
        encode(writer, accountId, symbol, side, type, timeInForce, flags, quantity, price, stopLoss, takeProfit, stopLossPips,
            takeProfitPips, 0, 0, 0, 0, clientOrderId);
    }

    /** Encodes a new order with seed 001's percentage and trailing stops (see {@link OrderTerms}). */
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
        final long stopLossPct,
        final long takeProfitPct,
        final long trailingStopPct,
        final long trailingStopPips,
        final CharSequence clientOrderId)
    {
        writer.putString(accountId);
        encodeTerms(writer, symbol, side, type, timeInForce, flags, quantity, price, stopLoss, takeProfit, stopLossPips, takeProfitPips,
            stopLossPct, takeProfitPct, trailingStopPct, trailingStopPips);
        writer.putString(clientOrderId);
    }
}
