package io.ordergate.gateway.json;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.ordergate.fixed.FixedPoint;

/**
 * Binary floating-point noise in a number an executor sends: MetaTrader 5 and Python keep money, prices and lots as
 * IEEE doubles, so Python's json prints 100.1 + 200.2 as {@code 300.29999999999995} and lots as
 * {@code 0.30000000000000004}. Such text, read as an exact decimal, lies within a relative 1e-12 of the value at the
 * field's scale it stands for (at least 1e-12 absolute, for values near zero, and at most a hundredth of one step at
 * that scale, so a large value cannot swallow a real digit); it is taken as that value. Anything else finer than the
 * wire's digits stays refused. For executors' values only: clients' numbers stay exact. Reached only by text with more
 * decimals than the wire keeps, so the BigDecimal here is off the common, allocation-free path. Stateless.
 */
public final class FloatNoise
{
    /** Python prints at most 17 significant digits (and a denormal down to e-324); longer text is not a double's. */
    private static final int MAX_TEXT = 32;
    private static final int MAX_SCALE = 340;
    private static final BigDecimal RELATIVE = BigDecimal.ONE.movePointLeft(12);

    private FloatNoise()
    {
    }

    /**
     * The value, at {@code wireDigits}, of the decimal at {@code scale} digits that {@code chars} is binary noise of;
     * {@link FixedPoint#TOO_MANY_DIGITS} when it is not noise, {@link FixedPoint#OUT_OF_RANGE} when that value does not
     * fit. Call only for text {@link Decimals#parse} found well formed but too fine.
     */
    public static long nearest(final char[] chars, final int offset, final int length, final int scale, final int wireDigits)
    {
        if (length > MAX_TEXT)
        {
            return FixedPoint.TOO_MANY_DIGITS;
        }
        final BigDecimal exact;
        try
        {
            exact = new BigDecimal(chars, offset, length);
        }
        catch (final NumberFormatException ex)
        {
            return FixedPoint.TOO_MANY_DIGITS;  // an exponent beyond an int: nothing a double prints
        }
        if (exact.scale() > MAX_SCALE)
        {
            return FixedPoint.TOO_MANY_DIGITS;  // e.g. 1e-999999: aligning it with the scale would build a huge number
        }
        if (exact.scale() < -MAX_SCALE)
        {
            return FixedPoint.OUT_OF_RANGE;  // e.g. 1.5e999999999: as large, and far beyond a long whatever its digits
        }
        final BigDecimal nearest = exact.setScale(scale, RoundingMode.HALF_EVEN);
        final BigDecimal tolerance = RELATIVE.multiply(nearest.abs().max(BigDecimal.ONE)).min(BigDecimal.ONE.movePointLeft(scale + 2));
        if (exact.subtract(nearest).abs().compareTo(tolerance) > 0)
        {
            return FixedPoint.TOO_MANY_DIGITS;
        }
        try
        {
            final long value = nearest.movePointRight(wireDigits).longValueExact();
            return FixedPoint.isError(value) ? FixedPoint.OUT_OF_RANGE : value;
        }
        catch (final ArithmeticException ex)
        {
            return FixedPoint.OUT_OF_RANGE;
        }
    }
}
