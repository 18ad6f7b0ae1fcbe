package io.ordergate.engine.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.fixed.DecimalTexts;
import io.ordergate.fixed.FixedPoint;

/**
 * Seeded property test of {@link JsonWriter#decimal} against BigDecimal: every fixed-point long, the range's ends
 * included, is written as a JSON number (no exponent, no {@code -0}, no trailing fractional zeros) whose value is
 * exactly the long's, and which {@link FixedPoint#parse} reads back at the same digits. A failure names its seed and case.
 */
class JsonWriterDecimalOracleTest
{
    private static final long SEED = 0x76696577L;
    private static final int CASES = 20_000;
    private static final int PER_ARRAY = 50;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?");

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(16);
    private final JsonWriter json = new JsonWriter();

    @Test
    void everyDecimalIsWrittenAsItsExactValueAndReadsBack()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final long[] values = new long[PER_ARRAY];
        final int[] digits = new int[PER_ARRAY];
        for (int batch = 0; batch < CASES / PER_ARRAY; batch++)
        {
            json.wrap(buffer, 0).startArray();
            for (int i = 0; i < PER_ARRAY; i++)
            {
                values[i] = DecimalTexts.interestingLong(random);
                digits[i] = random.nextInt(FixedPoint.MAX_DIGITS + 1);
                json.decimal(values[i], digits[i]);
            }
            json.endArray();
            final String text = buffer.getStringWithoutLengthAscii(0, json.length());
            final String[] written = text.substring(1, text.length() - 1).split(",", -1);
            assertEquals(PER_ARRAY, written.length, () -> "seed " + SEED + ": " + text);
            for (int i = 0; i < PER_ARRAY; i++)
            {
                final String where = "seed " + SEED + " case " + (batch * PER_ARRAY + i) + ": " + values[i] + " at " + digits[i] + " digits";
                final String number = written[i];
                assertTrue(JSON_NUMBER.matcher(number).matches() && !number.equals("-0"), where + ": not a plain JSON number: " + number);
                assertEquals(0, BigDecimal.valueOf(values[i], digits[i]).compareTo(new BigDecimal(number)), where + ": wrote " + number);
                if (!FixedPoint.isError(values[i]))
                {
                    assertEquals(values[i], FixedPoint.parse(number, digits[i]), where + ": " + number + " reads back otherwise");
                }
            }
        }
    }
}
