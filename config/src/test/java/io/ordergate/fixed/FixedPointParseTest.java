package io.ordergate.fixed;

import static io.ordergate.fixed.FixedPoint.NOT_A_NUMBER;
import static io.ordergate.fixed.FixedPoint.OUT_OF_RANGE;
import static io.ordergate.fixed.FixedPoint.TOO_MANY_DIGITS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FixedPointParseTest
{
    /** Every parse goes through all three sources, which must agree. */
    static long parseAll(final String text, final int digits)
    {
        final long fromString = FixedPoint.parse(text, digits);

        final char[] chars = ("##" + text + "##").toCharArray();
        final long fromChars = FixedPoint.parse(chars, 2, text.length(), digits);

        final byte[] bytes = ("##" + text + "##").getBytes(StandardCharsets.ISO_8859_1);
        final long fromBuffer = FixedPoint.parse(new UnsafeBuffer(bytes), 2, text.length(), digits);

        assertEquals(fromString, fromChars, () -> "char[] disagrees for " + text);
        assertEquals(fromString, fromBuffer, () -> "DirectBuffer disagrees for " + text);
        return fromString;
    }

    @ParameterizedTest(name = "\"{0}\" at {1} digits is {2}")
    @CsvSource(delimiter = '|', value = {
        "1.08420      | 5 | 108420",
        "1.0842       | 5 | 108420",
        "1.0842000    | 5 | 108420",
        "1            | 5 | 100000",
        "0            | 0 | 0",
        "-0           | 2 | 0",
        "-0.0         | 2 | 0",
        "007          | 0 | 7",
        "007.50       | 2 | 750",
        "-1.5         | 1 | -15",
        "-0.05        | 2 | -5",
        "1.5e-3       | 4 | 15",
        "1.5E-3       | 4 | 15",
        "15E2         | 0 | 1500",
        "15e+2        | 1 | 15000",
        "1.5e1        | 0 | 15",
        "150e-2       | 1 | 15",
        "0.0e0        | 3 | 0",
        "0e999999999  | 8 | 0",
        "0.000e-999999999 | 8 | 0",
        "1e0000000000000000000000000001 | 0 | 10",
        "9223372036854775807  | 0 | 9223372036854775807",
        "92233720368.54775807 | 8 | 9223372036854775807",
        "-9223372036854775805 | 0 | -9223372036854775805",
        "0.000000000000000001 | 18 | 1",
        "100000.10    | 2 | 10000010",
        "67265.00     | 2 | 6726500",
    })
    void shouldParseExactly(final String text, final int digits, final long expected)
    {
        assertEquals(expected, parseAll(text, digits));
    }

    @ParameterizedTest(name = "\"{0}\" is not a number")
    @ValueSource(strings = {
        "", "-", "NaN", "Infinity", "-Infinity", "+1", "1.", ".5", "-.5", "1e", "1e+", "1e-", "e5", "0x10",
        " 1", "1 ", "1 .0", "1,5", "1..2", "1.2.3", "--1", "1-", "1e1.5", "1e1e1", "١", "1_000", "\t",
    })
    void shouldRejectMalformedText(final String text)
    {
        assertEquals(NOT_A_NUMBER, parseAll(text, 5));
    }

    @Test
    void shouldPreferSyntaxErrorsOverDigitErrors()
    {
        assertEquals(NOT_A_NUMBER, parseAll("1.0842011x", 5));
        assertEquals(NOT_A_NUMBER, parseAll("99999999999999999999999x", 0));
    }

    @ParameterizedTest(name = "\"{0}\" at {1} digits has too many digits")
    @CsvSource(delimiter = '|', value = {
        "1.084201        | 5",
        "0.0015          | 3",
        "1.5e-3          | 3",
        "1e-999999999    | 8",
        "-0.001          | 2",
        "0.5             | 0",
        "1.00000000000000000001 | 18",
    })
    void shouldRejectDigitsBeyondTheScale(final String text, final int digits)
    {
        assertEquals(TOO_MANY_DIGITS, parseAll(text, digits));
    }

    @ParameterizedTest(name = "\"{0}\" at {1} digits is out of range")
    @CsvSource(delimiter = '|', value = {
        "9223372036854775808  | 0",
        "92233720368.54775808 | 8",
        "92233720369          | 8",
        "1e999999999          | 0",
        "1.5e19               | 0",
        "1e19                 | 0",
        "1e11                 | 8",
        "-9223372036854775806 | 0",
        "-9223372036854775808 | 0",
        "99999999999999999999999999999999 | 0",
    })
    void shouldRejectValuesThatDoNotFit(final String text, final int digits)
    {
        assertEquals(OUT_OF_RANGE, parseAll(text, digits));
    }

    @Test
    void shouldFlagOnlyTheSentinelsAsErrors()
    {
        assertTrue(FixedPoint.isError(NOT_A_NUMBER));
        assertTrue(FixedPoint.isError(TOO_MANY_DIGITS));
        assertTrue(FixedPoint.isError(OUT_OF_RANGE));
        assertFalse(FixedPoint.isError(OUT_OF_RANGE + 1));
        assertFalse(FixedPoint.isError(0));
        assertFalse(FixedPoint.isError(Long.MAX_VALUE));
    }

    @Test
    void shouldRejectScalesALongCannotCarry()
    {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse("1", 19));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.parse("1", -1));
    }

    @Test
    void shouldCheckBoundsOfArraysAndBuffers()
    {
        assertThrows(IndexOutOfBoundsException.class, () -> FixedPoint.parse(new char[3], 2, 2, 0));
        assertThrows(IndexOutOfBoundsException.class,
            () -> FixedPoint.parse(new UnsafeBuffer(new byte[3]), 2, 2, 0));
    }

    @ParameterizedTest(name = "pow10({0}) = {1}")
    @CsvSource({ "0, 1", "1, 10", "5, 100000", "18, 1000000000000000000" })
    void shouldGivePowersOfTen(final int n, final long expected)
    {
        assertEquals(expected, FixedPoint.pow10(n));
    }

    @Test
    void shouldRejectPowersOfTenBeyondALong()
    {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.pow10(19));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.pow10(-1));
    }

    @ParameterizedTest(name = "fractionDigits(\"{0}\") = {1}")
    @CsvSource(delimiter = '|', value = {
        "0.01    | 2", "100000 | 0", "0.0001 | 4", "1      | 0", "0.010  | 2", "0.1 | 1",
        "1e-3    | 3", "1.5e1  | 0", "100e-3 | 1", "0 | 0", "-0.50 | 1", "1.25e1 | 1", "0.001  | 3", "10.00  | 0", "abc | -1", "1. | -1",
    })
    void shouldCountTheFractionDigitsAValueNeeds(final String text, final int expected)
    {
        assertEquals(expected, FixedPoint.fractionDigits(text));
    }
}
