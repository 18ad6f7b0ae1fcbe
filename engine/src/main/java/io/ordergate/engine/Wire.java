package io.ordergate.engine;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;

/**
 * Converts wire decimals (8 digits) to a table's own scale, exactly or not at all. Stateless; public for the venues
 * above the engine (the MT5 connector), which read the same wire.
 */
public final class Wire
{
    /** The value has non-zero digits beyond the target scale. */
    public static final long INEXACT = Long.MIN_VALUE;

    private Wire()
    {
    }

    public static long exact(final long wireValue, final int digits)
    {
        final long factor = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS - digits);
        return wireValue % factor == 0 ? wireValue / factor : INEXACT;
    }

    /**
     * Pips (wire digits) times the pip size (price units), rounded half-even to price units; past a long it is
     * Long.MAX_VALUE or MIN_VALUE (by sign), never a throw: the pips are a user's, the caller is the engine thread, and
     * a distance that far is refused there as too far to value.
     */
    public static long pipsToPrice(final long wirePips, final long pipSize)
    {
        return FixedPoint.mulDivSaturated(wirePips, pipSize, FixedPoint.pow10(NewOrderBody.WIRE_DIGITS));
    }
}
