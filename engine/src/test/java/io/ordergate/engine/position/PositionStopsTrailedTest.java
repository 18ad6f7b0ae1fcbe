package io.ordergate.engine.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.fixed.FixedPoint;

/** Where a trailing stop stands at the edges of a long: a short's stop saturates there, never wraps to a negative price. */
class PositionStopsTrailedTest
{
    private static final long PERCENT = FixedPoint.pow10(NewOrderBody.WIRE_DIGITS);

    @Test
    void aShortsStopAFixedDistanceAboveAMarkNearALongSaturates()
    {
        assertEquals(Long.MAX_VALUE, PositionStops.trailed(false, Long.MAX_VALUE - 10, 0, 100));
        assertEquals(Long.MAX_VALUE, PositionStops.trailed(false, 1, 0, Long.MAX_VALUE), "a saturated pips distance");
        assertEquals(Long.MAX_VALUE - 10, PositionStops.trailed(false, Long.MAX_VALUE - 110, 0, 100), "below the bound: exact");
    }

    @Test
    void aShortsStopAPercentAboveAMarkNearALongSaturates()
    {
        final long mark = Long.MAX_VALUE / 4 * 3;
        assertEquals(Long.MAX_VALUE, PositionStops.trailed(false, mark, 50 * PERCENT, 0));
        assertEquals(1_500, PositionStops.trailed(false, 1_000, 50 * PERCENT, 0));
    }

    @Test
    void aSaturatedStopIsNeverTighterThanAStopTheLegHas()
    {
        final long saturated = PositionStops.trailed(false, Long.MAX_VALUE - 10, 0, 100);
        assertFalse(PositionStops.tighter(false, saturated, 2_000), "the leg keeps its stop below it");
        assertFalse(PositionStops.tighter(false, saturated, Long.MAX_VALUE - 1), "nor any stop a short can have");
    }

    @Test
    void aLongsStopIsTheMarkLessTheDistance()
    {
        assertEquals(900, PositionStops.trailed(true, 1_000, 0, 100));
        assertEquals(500, PositionStops.trailed(true, 1_000, 50 * PERCENT, 0));
        assertEquals(1 - Long.MAX_VALUE, PositionStops.trailed(true, 1, 0, Long.MAX_VALUE), "below zero, never tighter");
    }
}
