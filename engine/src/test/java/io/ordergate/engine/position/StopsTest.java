package io.ordergate.engine.position;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.OrderView;

class StopsTest
{
    private static final long NONE = OrderView.NONE;

    private final Stops stops = new Stops(3);

    @Test
    void aReductionTakesTheUncoveredPartFirstThenTheOldestLegs()
    {
        // position 100: 20 opened by hand (no leg), 50 by order 7, 30 by order 8
        stops.add(50, 900, NONE, 0, 0, 7);
        stops.add(30, 950, NONE, 0, 0, 8);
        stops.trimTo(80);
        assertEquals(2, stops.count(), "the 20 nobody protected went first");
        assertEquals(50, stops.quantity(0));
        stops.trimTo(60);
        assertEquals(30, stops.quantity(0), "then the oldest leg");
        assertEquals(30, stops.quantity(1));
        stops.trimTo(20);
        assertEquals(1, stops.count(), "an emptied leg goes");
        assertEquals(8, stops.orderId(0));
        assertEquals(20, stops.quantity(0));
    }

    @Test
    void aFullTableJoinsTheNewestLegWithTheNewestStops()
    {
        stops.add(10, 900, NONE, 0, 0, 1);
        stops.add(10, 910, NONE, 0, 0, 2);
        stops.add(10, 920, NONE, 0, 0, 3);
        stops.add(5, 930, 1200, 0, 0, 4);
        assertEquals(3, stops.count());
        assertEquals(15, stops.quantity(2));
        assertEquals(930, stops.stopLoss(2));
        assertEquals(1200, stops.takeProfit(2));
        assertEquals(4, stops.orderId(2));
    }

    @Test
    void aWholeLegReplacesEveryOtherAndIsNeverTrimmed()
    {
        stops.add(10, 900, NONE, 0, 0, 1);
        stops.add(10, 910, NONE, 0, 0, 2);
        stops.setWhole(950, 1100, 0, 0);
        assertEquals(1, stops.count());
        stops.trimTo(1);
        assertEquals(Stops.WHOLE, stops.quantity(0));
        assertEquals(0, stops.shown());
        stops.setWhole(NONE, NONE, 0, 0);
        assertEquals(0, stops.count(), "no stops at all is no leg");
        assertEquals(-1, stops.shown());
    }

    @Test
    void aLegPutBackWhereItWasTakenFromLeavesTheLegsAsTheyWere()
    {
        stops.add(10, 900, NONE, 0, 0, 1);
        stops.add(20, 910, 1200, 7, 0, 2);
        stops.add(30, 920, NONE, 0, 0, 3);
        final long before = stops.digest(0);
        stops.remove(1);
        assertEquals(3, stops.orderId(1));
        stops.insert(1, 20, 910, 1200, 7, 0, 2);
        assertEquals(before, stops.digest(0));
        assertEquals(2, stops.orderId(1));
        assertEquals(3, stops.orderId(2));
    }

    @Test
    void oneFieldSetOnEveryLegKeepsTheOthersAndTrailingUnlessTheStopLossIsGiven()
    {
        stops.add(10, 900, NONE, 0, 0, 1);
        stops.add(20, NONE, NONE, 0, 15, 2);
        assertEquals(true, stops.setOnEveryLeg(false, NONE, true, 1200, 30));
        assertEquals(900, stops.stopLoss(0));
        assertEquals(15, stops.trailingDistance(1), "a trailing stop keeps trailing when only the target is given");
        assertEquals(1200, stops.takeProfit(1));
        assertEquals(true, stops.setOnEveryLeg(true, 950, false, NONE, 30));
        assertEquals(0, stops.trailingDistance(1), "a stop loss given ends the trailing");
        assertEquals(950, stops.stopLoss(1));
    }

    @Test
    void theUncoveredPartGetsTheOldestLegOrTheChangeIsRefusedWhenNoSlotIsFree()
    {
        stops.add(10, 900, NONE, 0, 0, 1);
        stops.add(20, 910, NONE, 0, 0, 2);
        assertEquals(true, stops.setOnEveryLeg(false, NONE, true, 1200, 35));
        assertEquals(3, stops.count());
        assertEquals(5, stops.quantity(0));
        assertEquals(NONE, stops.stopLoss(0));
        assertEquals(1200, stops.takeProfit(0));
        final long before = stops.digest(0);
        assertEquals(false, stops.setOnEveryLeg(true, 800, false, NONE, 40), "three legs and 5 more held (another fill without stops): no slot for it");
        assertEquals(before, stops.digest(0), "a refused change changes nothing");
    }
}
