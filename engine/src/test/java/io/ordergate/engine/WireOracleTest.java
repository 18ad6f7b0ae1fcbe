package io.ordergate.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.NewOrderBody;

/**
 * Seeded property test of {@link Wire} against BigDecimal: a wire value (8 digits) converts to a table's scale exactly
 * or is INEXACT, never rounded; pips times a pip size is the half-even price, or the end of the long range past it, never wrapped.
 */
class WireOracleTest
{
    private static final long SEED = 0x77697265L;
    private static final int CASES = 20_000;

    @Test
    void everyWireValueConvertsExactlyOrIsInexact()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < CASES; i++)
        {
            final long wire = random.nextBoolean() ? random.nextLong() >> random.nextInt(64)
                : (random.nextLong(2_000_001) - 1_000_000) * (long)Math.pow(10, random.nextInt(9));
            final int digits = random.nextInt(NewOrderBody.WIRE_DIGITS + 1);
            final BigDecimal scaled = BigDecimal.valueOf(wire, NewOrderBody.WIRE_DIGITS).movePointRight(digits);
            final boolean exact = scaled.stripTrailingZeros().scale() <= 0;
            assertEquals(exact ? scaled.longValueExact() : Wire.INEXACT, Wire.exact(wire, digits),
                "seed " + SEED + " case " + i + ": " + wire + " to " + digits + " digits");
        }
    }

    @Test
    void everyPipDistanceIsTheHalfEvenPriceOrSaturated()
    {
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        final BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        final BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        for (int i = 0; i < CASES; i++)
        {
            final long pips = random.nextLong() >> random.nextInt(64);
            final long pipSize = 1 + (random.nextLong(Long.MAX_VALUE) >> random.nextInt(64));
            final String where = "seed " + (SEED + 1) + " case " + i + ": " + pips + " pips of " + pipSize;
            final BigInteger price = BigDecimal.valueOf(pips, NewOrderBody.WIRE_DIGITS).multiply(BigDecimal.valueOf(pipSize))
                .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
            assertEquals(price.max(min).min(max).longValueExact(), Wire.pipsToPrice(pips, pipSize), where);
        }
    }
}
