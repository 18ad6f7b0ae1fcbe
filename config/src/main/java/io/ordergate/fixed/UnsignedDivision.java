package io.ordergate.fixed;

/**
 * Unsigned 128-by-64-bit division for {@link FixedPoint#mulDiv}. Stateless: safe from any thread; allocates
 * nothing (JDK 17's {@code Long.divideUnsigned} may allocate a BigInteger).
 *
 * <p>Knuth's algorithm D in base 2^32, after Hacker's Delight {@code divlu}.
 */
final class UnsignedDivision
{
    private static final long BASE = 1L << 32;
    private static final long LOW_MASK = BASE - 1;

    private UnsignedDivision()
    {
    }

    /**
     * Quotient of the unsigned 128-bit {@code (high:low)} by the unsigned {@code divisor}.
     * Requires {@code high < divisor} (unsigned), so the quotient fits in 64 bits; the caller checks that.
     */
    static long divide(final long high, final long low, final long divisor)
    {
        final int shift = Long.numberOfLeadingZeros(divisor);
        final long v = divisor << shift;  // normalized: top bit set
        final long vn1 = v >>> 32;
        final long vn0 = v & LOW_MASK;
        final long un32 = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long un10 = low << shift;
        final long un1 = un10 >>> 32;
        final long un0 = un10 & LOW_MASK;

        long q1 = divideByPositive(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (q1 >= BASE || Long.compareUnsigned(q1 * vn0, (rhat << 32) + un1) > 0)
        {
            q1--;
            rhat += vn1;
            if (rhat >= BASE)
            {
                break;
            }
        }

        final long un21 = (un32 << 32) + un1 - q1 * v;
        long q0 = divideByPositive(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (q0 >= BASE || Long.compareUnsigned(q0 * vn0, (rhat << 32) + un0) > 0)
        {
            q0--;
            rhat += vn1;
            if (rhat >= BASE)
            {
                break;
            }
        }
        return (q1 << 32) + q0;
    }

    /** Unsigned {@code dividend} divided by a positive {@code divisor}, without BigInteger. */
    private static long divideByPositive(final long dividend, final long divisor)
    {
        if (dividend >= 0)
        {
            return dividend / divisor;
        }
        long q = ((dividend >>> 1) / divisor) << 1;
        final long r = dividend - q * divisor;
        if (Long.compareUnsigned(r, divisor) >= 0)
        {
            q++;
        }
        return q;
    }
}
