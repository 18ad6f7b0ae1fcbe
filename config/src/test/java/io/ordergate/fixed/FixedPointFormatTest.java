package io.ordergate.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FixedPointFormatTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);

    private String put(final long value, final int digits)
    {
        buffer.setMemory(0, 64, (byte)'#');
        final int length = FixedPoint.putDecimal(buffer, 3, value, digits);
        assertEquals('#', buffer.getByte(2), "wrote before index");
        assertEquals('#', buffer.getByte(3 + length), "wrote past the returned length");
        return buffer.getStringWithoutLengthAscii(3, length);
    }

    private String putTrimmed(final long value, final int digits)
    {
        buffer.setMemory(0, 64, (byte)'#');
        final int length = FixedPoint.putDecimalTrimmed(buffer, 3, value, digits);
        assertEquals('#', buffer.getByte(3 + length), "wrote past the returned length");
        return buffer.getStringWithoutLengthAscii(3, length);
    }

    @ParameterizedTest(name = "{0} at {1} digits is \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "108420               | 5  | 1.08420",
        "-5                   | 2  | -0.05",
        "0                    | 0  | 0",
        "0                    | 3  | 0.000",
        "7                    | 0  | 7",
        "-7                   | 0  | -7",
        "150                  | 2  | 1.50",
        "-12345               | 2  | -123.45",
        "1                    | 18 | 0.000000000000000001",
        "9223372036854775807  | 8  | 92233720368.54775807",
        "-9223372036854775808 | 8  | -92233720368.54775808",
        "-9223372036854775808 | 0  | -9223372036854775808",
        "-9223372036854775808 | 18 | -9.223372036854775808",
        "9223372036854775807  | 18 | 9.223372036854775807",
    })
    void shouldFormatTheSameTextBothWays(final long value, final int digits, final String expected)
    {
        assertEquals(expected, FixedPoint.toString(value, digits));
        assertEquals(expected, put(value, digits));
    }

    @ParameterizedTest(name = "{0} at {1} digits trims to \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "150    | 2 | 1.5",
        "200    | 2 | 2",
        "0      | 5 | 0",
        "-50    | 2 | -0.5",
        "108420 | 5 | 1.0842",
        "100    | 0 | 100",
        "-9223372036854775808 | 8 | -92233720368.54775808",
    })
    void shouldTrimTrailingFractionalZeros(final long value, final int digits, final String expected)
    {
        assertEquals(expected, putTrimmed(value, digits));
    }

    @Test
    void shouldRoundTripRandomValuesThroughTextAtEveryScale()
    {
        final Random random = new Random(20240611L);
        for (int i = 0; i < 20_000; i++)
        {
            final int digits = random.nextInt(19);
            final long value = randomValue(random);
            final String text = FixedPoint.toString(value, digits);
            assertEquals(value, FixedPoint.parse(text, digits), text);

            final int length = FixedPoint.putDecimal(buffer, 0, value, digits);
            assertEquals(text, buffer.getStringWithoutLengthAscii(0, length));
            assertEquals(value, FixedPoint.parse(buffer, 0, length, digits), text);

            final int trimmed = FixedPoint.putDecimalTrimmed(buffer, 0, value, digits);
            assertEquals(value, FixedPoint.parse(buffer, 0, trimmed, digits), text);
        }
    }

    @Test
    void shouldWriteAsciiBytes()
    {
        final int length = FixedPoint.putDecimal(buffer, 0, -108420, 5);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        assertEquals("-1.08420", new String(bytes, StandardCharsets.US_ASCII));
    }

    /** Values spread over every magnitude, avoiding the three sentinels at the bottom of the range. */
    static long randomValue(final Random random)
    {
        final long raw = random.nextLong() >> random.nextInt(64);
        return FixedPoint.isError(raw) ? raw + 3 : raw;
    }
}
