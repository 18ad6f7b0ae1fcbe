package io.ordergate.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests of {@link FixedPoint}'s parser and formatters against {@link BigDecimal}: every text either
 * parses to exactly BigDecimal's value at the scale or is refused with a sentinel, never rounded or wrapped; every long
 * formats to text BigDecimal reads back as the same value. A failure names its seed and case, so it can be replayed.
 */
class FixedPointOracleTest
{
    private static final long SEED = 0x6F72646572L;
    private static final int CASES = 20_000;
    /** The accepted grammar, written out independently of the parser: JSON's, with leading zeros allowed. */
    private static final Pattern GRAMMAR = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** Both refusals apply (too fine and too large): the parser may give either. */
    private static final long EITHER_REFUSAL = Long.MIN_VALUE + 50;

    /** What the parse must give, from BigDecimal: the exact value, or which refusal. */
    static long expected(final String text, final int digits)
    {
        return DecimalTexts.expected(text, digits, GRAMMAR, EITHER_REFUSAL);
    }

    static long parseAll(final String text, final int digits)
    {
        final long fromString = FixedPoint.parse(text, digits);
        final char[] chars = ("9." + text + "e9").toCharArray();
        final long fromChars = FixedPoint.parse(chars, 2, text.length(), digits);
        final byte[] bytes = ("-1" + text + "00").getBytes(StandardCharsets.ISO_8859_1);
        final long fromBuffer = FixedPoint.parse(new UnsafeBuffer(bytes), 2, text.length(), digits);
        assertEquals(fromString, fromChars, () -> "char[] disagrees for " + text);
        assertEquals(fromString, fromBuffer, () -> "DirectBuffer disagrees for " + text);
        return fromString;
    }

    @Test
    void everyParseIsBigDecimalsExactValueOrARefusal()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++)
        {
            final int digits = random.nextInt(FixedPoint.MAX_DIGITS + 1);
            final String text = DecimalTexts.any(random, digits);
            checkParse(text, digits, i);
        }
    }

    @Test
    void valuesAtAndJustPastTheLongRangeAreExactOrOutOfRange()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        final BigInteger[] edges = {
            BigInteger.valueOf(Long.MAX_VALUE), BigInteger.valueOf(Long.MIN_VALUE), BigInteger.valueOf(Long.MIN_VALUE + 3),
        };
        for (int i = 0; i < CASES; i++)
        {
            final int digits = random.nextInt(FixedPoint.MAX_DIGITS + 1);
            final BigInteger edge = edges[random.nextInt(edges.length)].add(BigInteger.valueOf(random.nextInt(7) - 3));
            final BigDecimal value = new BigDecimal(edge, digits);
            final String text = random.nextBoolean() ? value.toPlainString() : value.toString();
            checkParse(text.replace("E+", random.nextBoolean() ? "e" : "E+"), digits, i);
        }
    }

    private static void checkParse(final String text, final int digits, final int i)
    {
        final long oracle = expected(text, digits);
        final long actual = parseAll(text, digits);
        final String where = "seed " + SEED + " case " + i + ": \"" + text + "\" at " + digits + " digits";
        if (oracle != EITHER_REFUSAL)
        {
            assertEquals(oracle, actual, where);
        }
        else if (!FixedPoint.isError(actual) || actual == FixedPoint.NOT_A_NUMBER)
        {
            // Too fine and too large at once may be either refusal; a number must never come back.
            fail(where + ": expected too many digits or out of range, got " + actual);
        }
    }

    @Test
    void everyLongFormatsToItsExactValueAndParsesBack()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 2);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        for (int i = 0; i < CASES; i++)
        {
            final long value = DecimalTexts.interestingLong(random);
            final int digits = random.nextInt(FixedPoint.MAX_DIGITS + 1);
            final String where = "seed " + SEED + " case " + i + ": " + value + " at " + digits + " digits";
            final BigDecimal exact = BigDecimal.valueOf(value, digits);

            final String text = FixedPoint.toString(value, digits);
            assertEquals(exact.toPlainString(), text, where);
            final int length = FixedPoint.putDecimal(buffer, 3, value, digits);
            assertEquals(text, buffer.getStringWithoutLengthAscii(3, length), where);

            final int trimmedLength = FixedPoint.putDecimalTrimmed(buffer, 3, value, digits);
            final String trimmed = buffer.getStringWithoutLengthAscii(3, trimmedLength);
            final String plain = value == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
            assertEquals(plain, trimmed, where);
            assertTrue(!trimmed.startsWith("-0") || trimmed.startsWith("-0."), where + ": negative zero " + trimmed);

            if (!FixedPoint.isError(value))
            {
                assertEquals(value, parseAll(text, digits), where);
                assertEquals(value, parseAll(trimmed, digits), where);
            }
            else
            {
                assertTrue(FixedPoint.isError(parseAll(text, digits)), where + ": a sentinel's text must not parse as a number");
            }
        }
    }
}
