package io.ordergate.fixed;

/**
 * Products and quotients truncated toward zero, for sizes bounded by a limit: a size rounded half-even to the nearest
 * unit can sit above the limit it was computed from, one truncated cannot. Stateless: safe from any thread; allocates
 * nothing. (Beside {@link FixedPoint}, whose other operations round half-even.)
 */
public final class TowardZero
{
    private TowardZero()
    {
    }

    /** {@code a * b / c} over an exact 128-bit product, truncated toward zero; past a long, Long.MAX_VALUE or MIN_VALUE by sign. */
    public static long mulDivSaturated(final long a, final long b, final long c)
    {
        return WideArithmetic.mulDiv(a, b, c, true, false);
    }
}
