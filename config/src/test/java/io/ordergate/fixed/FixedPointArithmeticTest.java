package io.ordergate.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointArithmeticTest
{
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @ParameterizedTest(name = "rescale({0}, {1} -> {2}) = {3}")
    @CsvSource({
        "15, 1, 3, 1500",
        "-15, 1, 3, -1500",
        "0, 0, 18, 0",
        "125, 2, 1, 12",    // tie, 2 is even
        "135, 2, 1, 14",    // tie, 3 is odd
        "-125, 2, 1, -12",
        "-135, 2, 1, -14",
        "126, 2, 1, 13",
        "124, 2, 1, 12",
        "-126, 2, 1, -13",
        "5, 1, 0, 0",
        "15, 1, 0, 2",
        "-5, 1, 0, 0",
        "-15, 1, 0, -2",
        "499999, 6, 0, 0",
        "500001, 6, 0, 1",
        "9223372036854775807, 18, 0, 9",
        "-9223372036854775808, 18, 0, -9",
        "-9223372036854775808, 1, 0, -922337203685477581",
    })
    void shouldRescaleExactlyOrHalfEven(final long value, final int from, final int to, final long expected)
    {
        assertEquals(expected, FixedPoint.rescale(value, from, to));
    }

    @Test
    void shouldThrowWhenWideningOverflows()
    {
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(Long.MAX_VALUE / 10 + 1, 0, 1));
        assertThrows(ArithmeticException.class, () -> FixedPoint.rescale(-10, 0, 18));
    }

    @Test
    void shouldRescaleRandomValuesLikeBigDecimal()
    {
        final Random random = new Random(7L);
        for (int i = 0; i < 20_000; i++)
        {
            final long value = FixedPointFormatTest.randomValue(random);
            final int from = random.nextInt(19);
            final int to = random.nextInt(from + 1);
            final long expected = BigDecimal.valueOf(value, from).setScale(to, RoundingMode.HALF_EVEN)
                .unscaledValue().longValueExact();
            assertEquals(expected, FixedPoint.rescale(value, from, to), value + " " + from + "->" + to);
        }
    }

    @ParameterizedTest(name = "mulDiv({0}, {1}, {2}) = {3}")
    @CsvSource({
        "10, 10, 4, 25",
        "5, 1, 2, 2",       // 2.5 -> 2
        "7, 1, 2, 4",       // 3.5 -> 4
        "-5, 1, 2, -2",
        "-7, 1, 2, -4",
        "5, -1, -2, 2",
        "1, 1, 3, 0",
        "2, 1, 3, 1",
        "-2, 1, 3, -1",
        "9223372036854775807, 9223372036854775807, 9223372036854775807, 9223372036854775807",
        "-9223372036854775808, 1, 1, -9223372036854775808",
        "-9223372036854775808, -9223372036854775808, -9223372036854775808, -9223372036854775808",
        "-9223372036854775808, 3, 6, -4611686018427387904",
        "4611686018427387904, 4, 2, 0",  // 2^63 overflows: expected unused, must throw
    })
    void shouldMultiplyThenDivideHalfEven(final long a, final long b, final long c, final long expected)
    {
        final BigInteger exact = roundHalfEven(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)),
            BigInteger.valueOf(c));
        if (exact.compareTo(LONG_MAX) > 0 || exact.compareTo(LONG_MIN) < 0)
        {
            assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(a, b, c));
        }
        else
        {
            assertEquals(expected, FixedPoint.mulDiv(a, b, c));
        }
    }

    @Test
    void shouldThrowOnOverflowAndDivisionByZero()
    {
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(1, 1, 0));
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(Long.MAX_VALUE, 2, 1));
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(Long.MIN_VALUE, 1, -1));
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(Long.MIN_VALUE, Long.MIN_VALUE, 1));
        assertEquals(Long.MIN_VALUE, FixedPoint.mulDiv(Long.MIN_VALUE, -1, -1));
    }

    @Test
    void saturatedMulDivGivesTheNearestLongInsteadOfThrowingAndAgreesOtherwise()
    {
        assertEquals(Long.MAX_VALUE, FixedPoint.mulDivSaturated(Long.MAX_VALUE, 2, 1));
        assertEquals(Long.MAX_VALUE, FixedPoint.mulDivSaturated(100_000_000L, 1_000_000_000_000L, 1L), "1e20: a sized quantity past the long");
        assertEquals(Long.MIN_VALUE, FixedPoint.mulDivSaturated(Long.MIN_VALUE, Long.MIN_VALUE, -1));
        assertEquals(Long.MAX_VALUE, FixedPoint.mulDivSaturated(Long.MIN_VALUE, 1, -1));
        assertEquals(Long.MAX_VALUE, FixedPoint.mulDivSaturated(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals(FixedPoint.mulDiv(-7, 1, 2), FixedPoint.mulDivSaturated(-7, 1, 2));
        assertThrows(ArithmeticException.class, () -> FixedPoint.mulDivSaturated(1, 1, 0), "a zero divisor is still a bug");
    }

    @Test
    void shouldAgreeWithBigIntegerOnRandomInputs()
    {
        final Random random = new Random(42L);
        int checkedInRange = 0;
        for (int i = 0; i < 200_000; i++)
        {
            final long a = random.nextLong() >> random.nextInt(64);
            final long b = random.nextLong() >> random.nextInt(64);
            // Every seventh divisor is at the edge of the range, where the top bit is set.
            final long c = i % 7 == 0
                ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE)
                : random.nextLong() >> random.nextInt(64);
            if (c == 0)
            {
                continue;
            }
            final BigInteger exact = roundHalfEven(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)),
                BigInteger.valueOf(c));
            if (exact.compareTo(LONG_MAX) > 0 || exact.compareTo(LONG_MIN) < 0)
            {
                assertThrows(ArithmeticException.class, () -> FixedPoint.mulDiv(a, b, c),
                    () -> a + " * " + b + " / " + c);
            }
            else
            {
                assertEquals(exact.longValueExact(), FixedPoint.mulDiv(a, b, c), () -> a + " * " + b + " / " + c);
                checkedInRange++;
            }
        }
        // The shifts above must exercise the in-range path a lot, or this test proves little.
        assertTrue(checkedInRange > 50_000, "in-range cases: " + checkedInRange);
    }

    @Test
    void shouldRoundExactTiesOfLargeProductsToEven()
    {
        // (2^62 + 1) * 2 / 4 = 2^61 + 0.5 -> 2^61 (even); (2^62 + 3) * 2 / 4 = 2^61 + 1.5 -> 2^61 + 2.
        assertEquals(1L << 61, FixedPoint.mulDiv((1L << 62) + 1, 2, 4));
        assertEquals((1L << 61) + 2, FixedPoint.mulDiv((1L << 62) + 3, 2, 4));
        // Product beyond 64 bits: (2^63 - 1) * 3 / 6 = 2^62 - 0.5 -> 2^62 (even).
        assertEquals(1L << 62, FixedPoint.mulDiv(Long.MAX_VALUE, 3, 6));
        assertEquals(-(1L << 62), FixedPoint.mulDiv(Long.MAX_VALUE, -3, 6));
    }

    private static BigInteger roundHalfEven(final BigInteger numerator, final BigInteger denominator)
    {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, RoundingMode.HALF_EVEN)
            .toBigIntegerExact();
    }
}
