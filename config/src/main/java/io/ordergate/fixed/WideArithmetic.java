package io.ordergate.fixed;

/**
 * The 128-bit arithmetic behind {@link FixedPoint#mulDiv}: an exact product, then an unsigned 128-by-64-bit
 * division. Stateless: safe from any thread; allocates nothing (JDK 17's {@code Long.divideUnsigned} may
 * allocate a BigInteger).
 *
 * <p>Knuth's algorithm D in base 2^32, after Hacker's Delight {@code divlu}.
 */
final class WideArithmetic
{
    private static final long BASE = 1L << 32;
    private static final long LOW_MASK = BASE - 1;

    private WideArithmetic()
    {
    }

    /**
     * See {@link FixedPoint#mulDiv(long, long, long)}; with {@code saturate}, a result that does not fit is the long
     * nearest it ({@link Long#MAX_VALUE} or {@link Long#MIN_VALUE}) instead of an exception.
     */
    static long mulDiv(final long a, final long b, final long c, final boolean saturate)
    {
        return mulDiv(a, b, c, saturate, true);
    }

    /** As above; {@code halfEven} false truncates toward zero instead (a bound that must never be exceeded). */
    static long mulDiv(final long a, final long b, final long c, final boolean saturate, final boolean halfEven)
    {
        if (c == 0)
        {
            throw new ArithmeticException("mulDiv by zero");
        }
        final boolean negative = (a < 0) ^ (b < 0) ^ (c < 0);
        // Magnitudes as unsigned longs: |Long.MIN_VALUE| is 2^63, which an unsigned long holds.
        final long x = a < 0 ? -a : a;
        final long y = b < 0 ? -b : b;
        final long m = c < 0 ? -c : c;
        final long lo = x * y;
        final long hi = Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
        final long q;
        final long r;
        if (hi == 0 && lo >= 0 && m > 0)
        {
            q = lo / m;
            r = lo % m;
        }
        else
        {
            if (Long.compareUnsigned(hi, m) >= 0)
            {
                return overflow(a, b, c, negative, saturate);
            }
            q = divide(hi, lo, m);
            r = lo - q * m;  // exact modulo 2^64, and the true remainder is < m < 2^64
        }
        long result = q;
        final long rest = m - r;
        final int cmp = Long.compareUnsigned(r, rest);
        if (halfEven && (cmp > 0 || (cmp == 0 && (q & 1) != 0)))
        {
            result++;
            if (result == 0)
            {
                return overflow(a, b, c, negative, saturate);
            }
        }
        if (negative)
        {
            if (Long.compareUnsigned(result, Long.MIN_VALUE) > 0)
            {
                return overflow(a, b, c, negative, saturate);
            }
            return -result;
        }
        if (result < 0)
        {
            return overflow(a, b, c, negative, saturate);
        }
        return result;
    }

    private static long overflow(final long a, final long b, final long c, final boolean negative, final boolean saturate)
    {
        if (saturate)
        {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        throw new ArithmeticException("mulDiv overflow: " + a + " * " + b + " / " + c);
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
