package io.ordergate.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Seeded property test of the sizing arithmetic ({@link FixedPoint#mulDiv}, {@link FixedPoint#mulDivSaturated},
 * {@link TowardZero#mulDivSaturated}) against BigDecimal: {@code a * b / c} exact, rounded as documented, and past a long
 * either a throw or the saturated end by sign, never a wrapped value.
 */
class MulDivOracleTest
{
    private static final long SEED = 0x73697A65L;
    private static final int CASES = 20_000;
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    @Test
    void everyProductAndQuotientIsBigDecimalsRoundedOrRefused()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++)
        {
            final long a = DecimalTexts.interestingLong(random);
            final long b = DecimalTexts.interestingLong(random);
            long c = DecimalTexts.interestingLong(random);
            if (c == 0)
            {
                c = 1;
            }
            final String where = "seed " + SEED + " case " + i + ": " + a + " * " + b + " / " + c;
            final BigDecimal product = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
            final BigInteger down = product.divide(BigDecimal.valueOf(c), 0, RoundingMode.DOWN).toBigInteger();
            final BigInteger halfEven = product.divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN).toBigInteger();

            assertEquals(saturate(down), TowardZero.mulDivSaturated(a, b, c), where + " toward zero");
            assertEquals(saturate(halfEven), FixedPoint.mulDivSaturated(a, b, c), where + " half-even, saturated");
            final boolean fits = halfEven.compareTo(MIN) >= 0 && halfEven.compareTo(MAX) <= 0;
            try
            {
                final long result = FixedPoint.mulDiv(a, b, c);
                if (!fits)
                {
                    fail(where + ": past a long, yet " + result);
                }
                assertEquals(halfEven.longValueExact(), result, where + " half-even");
            }
            catch (final ArithmeticException ex)
            {
                if (fits)
                {
                    fail(where + ": fits a long (" + halfEven + ") yet refused: " + ex.getMessage());
                }
            }
        }
    }

    @Test
    void everyRescaleIsExactWideningOrHalfEvenNarrowingOrRefused()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < CASES; i++)
        {
            final long value = DecimalTexts.interestingLong(random);
            final int from = random.nextInt(FixedPoint.MAX_DIGITS + 1);
            final int to = random.nextInt(FixedPoint.MAX_DIGITS + 1);
            final String where = "seed " + SEED + " case " + i + ": " + value + " from " + from + " to " + to + " digits";
            final BigInteger expected = BigDecimal.valueOf(value, from).setScale(to, RoundingMode.HALF_EVEN).unscaledValue();
            if (expected.compareTo(MIN) >= 0 && expected.compareTo(MAX) <= 0)
            {
                assertEquals(expected.longValueExact(), FixedPoint.rescale(value, from, to), where);
            }
            else
            {
                try
                {
                    fail(where + ": past a long, yet " + FixedPoint.rescale(value, from, to));
                }
                catch (final ArithmeticException expectedRefusal)
                {
                    // refused, as it must be
                }
            }
        }
    }

    private static long saturate(final BigInteger value)
    {
        return value.compareTo(MAX) > 0 ? Long.MAX_VALUE : value.compareTo(MIN) < 0 ? Long.MIN_VALUE : value.longValueExact();
    }
}
