package io.ordergate.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TowardZeroTest
{
    @Test
    void truncatesWhereHalfEvenRoundsUpAndSaturatesPastALong()
    {
        // 10^19 / 9 090 909 091 = 1 099 999 999.989...: half-even says 1 100 000 000, toward zero 1 099 999 999
        assertEquals(1_100_000_000L, FixedPoint.mulDivSaturated(100_000L, 100_000_000_000_000L, 9_090_909_091L));
        assertEquals(1_099_999_999L, TowardZero.mulDivSaturated(100_000L, 100_000_000_000_000L, 9_090_909_091L));
        assertEquals(-3, TowardZero.mulDivSaturated(-7, 1, 2));
        assertEquals(3, TowardZero.mulDivSaturated(7, 1, 2));
        assertEquals(Long.MAX_VALUE, TowardZero.mulDivSaturated(Long.MAX_VALUE, 4, 2));
        assertEquals(Long.MIN_VALUE, TowardZero.mulDivSaturated(Long.MIN_VALUE, 4, 2));
    }
}
