package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.fixed.FixedPoint;

/** The one decimal grammar: JSON's number grammar, for numbers and strings alike. */
class DecimalsTest
{
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"0.01, 1000000", "1e-2, 1000000", "1E-2, 1000000", "0.1e1, 100000000", "-0.5, -50000000", "0, 0", "10, 1000000000"})
    void shouldReadJsonNumbers(final String text, final long wire)
    {
        assertEquals(wire, Decimals.parse(text, 8));
        assertEquals(wire, Decimals.parse(text.toCharArray(), 0, text.length(), 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {".1", "1.", "+1", "01", "-01", "00.5", " 1", "1 ", "0x10", "1_000", "", "-", "1e", "NaN"})
    void shouldRefuseWhatJsonRefuses(final String text)
    {
        assertTrue(FixedPoint.isError(Decimals.parse(text, 8)), text);
        assertTrue(FixedPoint.isError(Decimals.parse(text.toCharArray(), 0, text.length(), 8)), text);
    }
}
