package io.ordergate.gateway.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.DecimalTexts;
import io.ordergate.fixed.FixedPoint;

/**
 * Seeded property tests of the request path's decimals against BigDecimal: {@link Decimals} and {@link RequestReader}'s
 * decimal fields give exactly the value at the wire's digits or a clear refusal, never a rounded or wrapped value; and
 * {@link FloatNoise} takes a double's noise of a value at a field's scale as exactly that value. A failure names its
 * seed and case.
 */
class DecimalsOracleTest
{
    private static final long SEED = 0x6A736F6EL;
    private static final int CASES = 20_000;
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final String[] FIELD_REFUSALS = {" must be a decimal number", " has more than 8 decimal places", " is out of range"};
    private final RequestReader reader = new RequestReader();

    /** The value at {@code digits}, or the sentinel of the one refusal that applies (any refusal when both do: 0 here). */
    static long expected(final String text, final int digits)
    {
        return DecimalTexts.expected(text, digits, JSON_NUMBER, FixedPoint.TOO_MANY_DIGITS);
    }

    @Test
    void everyDecimalIsBigDecimalsExactValueOrARefusal()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++)
        {
            final int digits = random.nextInt(FixedPoint.MAX_DIGITS + 1);
            final String text = DecimalTexts.any(random, digits);
            final String where = "seed " + SEED + " case " + i + ": \"" + text + "\" at " + digits + " digits";
            final long oracle = expected(text, digits);
            final long fromText = Decimals.parse(text, digits);
            final char[] chars = ("1" + text + "0").toCharArray();
            assertEquals(fromText, Decimals.parse(chars, 1, text.length(), digits), where + ": char[] disagrees");
            if (!FixedPoint.isError(oracle) || oracle == FixedPoint.NOT_A_NUMBER)
            {
                assertEquals(oracle, fromText, where);
            }
            else
            {
                // too fine and too large at once may be either; a number must never come back
                assertTrue(FixedPoint.isError(fromText) && fromText != FixedPoint.NOT_A_NUMBER, where + ": got " + fromText);
            }
        }
    }

    /** The order path: a body's field as a JSON number and as a string, at the wire's 8 digits. */
    @Test
    void everyDecimalFieldIsTheExactWireValueOrAFieldError() throws BadRequest
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < CASES / 4; i++)
        {
            final String text = DecimalTexts.any(random, NewOrderBody.WIRE_DIGITS);
            final long oracle = expected(text, NewOrderBody.WIRE_DIGITS);
            final String where = "seed " + (SEED + 1) + " case " + i + ": " + text;
            checkField("{\"quantity\": \"" + text + "\"}", oracle, where + " as a string");
            if (JSON_NUMBER.matcher(text).matches())
            {
                checkField("{\"quantity\": " + text + "}", oracle, where + " as a number");
            }
        }
    }

    private void checkField(final String json, final long oracle, final String where) throws BadRequest
    {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        reader.begin(body, body.length, false);
        assertTrue(reader.nextField(), where);
        final long value = reader.decimal("quantity");
        assertTrue(!reader.nextField(), where);
        if (!FixedPoint.isError(oracle) && oracle != RequestReader.NULL && oracle != RequestReader.BAD)
        {
            assertEquals(oracle, value, where);
            reader.finish();
            return;
        }
        assertEquals(RequestReader.BAD, value, where);
        final BadRequest refusal = assertThrows(BadRequest.class, reader::finish, where);
        assertEquals("quantity", refusal.field(), where);
        final String message = refusal.getMessage();
        boolean named = false;
        for (final String reason : FIELD_REFUSALS)
        {
            named |= message.equals("quantity" + reason);
        }
        assertTrue(named, where + ": unclear refusal " + message);
    }

    /** A double near a value at 2..5 digits (a sum's or a difference's noise), printed as Java prints it: that value. */
    @Test
    void aDoublesNoiseOfAValueAtTheFieldsScaleIsExactlyThatValue()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 2);
        int noisy = 0;
        for (int i = 0; i < CASES; i++)
        {
            final int scale = 2 + random.nextInt(4);
            final long unscaled = random.nextLong(-100_000_000_000L, 100_000_000_000L) / (random.nextBoolean() ? 1 : 100_000);
            final BigDecimal value = BigDecimal.valueOf(unscaled, scale);
            final double other = BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_000), scale).doubleValue();
            final String text = Double.toString((value.doubleValue() + other) - other);
            final String where = "seed " + (SEED + 2) + " case " + i + ": " + value + " as " + text + " at " + scale + " digits";
            if (new BigDecimal(text).subtract(value).abs().compareTo(value.abs().max(BigDecimal.ONE).movePointLeft(13)) > 0)
            {
                continue;  // the sum lost more than noise (a large value beside a small one): not this property's case
            }
            final long wire = value.movePointRight(NewOrderBody.WIRE_DIGITS).longValueExact();
            final long exact = Decimals.parse(text, NewOrderBody.WIRE_DIGITS);
            final long read = exact == FixedPoint.TOO_MANY_DIGITS
                ? FloatNoise.nearest(text.toCharArray(), 0, text.length(), scale, NewOrderBody.WIRE_DIGITS) : exact;
            assertEquals(wire, read, where);
            noisy += exact == FixedPoint.TOO_MANY_DIGITS ? 1 : 0;
        }
        assertTrue(noisy > CASES / 10, "too few noisy texts to prove anything: " + noisy);
    }
}
