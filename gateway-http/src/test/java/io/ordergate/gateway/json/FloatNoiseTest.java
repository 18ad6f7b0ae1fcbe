package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.fixed.FixedPoint;

/** Binary floating-point noise of a value at a field's scale is that value; anything else finer stays refused. */
class FloatNoiseTest
{
    @ParameterizedTest(name = "{0} at {1} digits = {2}")
    @CsvSource({
        "300.29999999999995, 2, 30030000000",
        "0.30000000000000004, 8, 30000000",
        "1.0842800000000001, 8, 108428000",
        "-17.199999999999999, 2, -1720000000",
        "5.551115123125783e-17, 2, 0",  // 0.1 + 0.2 - 0.3: noise around zero
        "1234567.8899999999, 2, 123456789000000"})
    void shouldTakeNoiseAsTheValueItStandsFor(final String text, final int scale, final long wire)
    {
        assertEquals(wire, FloatNoise.nearest(text.toCharArray(), 0, text.length(), scale, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"300.295000001", "300.299999999", "1.084280001", "0.000000001", "1e-999999", "1e-99999999999",
        "0.300000000000000000000000000000004"})
    void shouldRefuseWhatIsFinerThanNoise(final String text)
    {
        assertEquals(FixedPoint.TOO_MANY_DIGITS, FloatNoise.nearest(text.toCharArray(), 0, text.length(), 2, 8), text);
    }

    /** A huge positive exponent is out of range at once: aligning it with the scale would build a number of that many digits. */
    @Test
    void shouldRefuseAHugeExponentAsOutOfRangeWithoutBuildingIt()
    {
        final String text = "1.2345678912345e999999999";
        assertEquals(FixedPoint.OUT_OF_RANGE, FloatNoise.nearest(text.toCharArray(), 0, text.length(), 2, 8));
    }
}
