package io.ordergate.exchange.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The governor's counts and the exchange's headers: an answer's count is what the exchange had counted when it took
 * that request, so it may raise the local count (another client on the key) but must not lower it below the
 * requests that left after it. Times are fixed inside one window, so nothing here depends on the clock.
 */
class RateGovernorTest
{
    /** Early in a 10 s order window and a minute's weight window. */
    private static final long NOW = 600_000L + 1_000L;

    @Test
    void shouldHoldTheFifthOrderBackWhenTheFirstOrdersAnswerComesLate()
    {
        final RateGovernor governor = new RateGovernor(6_000, 5, 10_000);
        for (int order = 1; order <= 4; order++)
        {
            assertEquals(0, governor.admit(1, true, NOW), "order " + order + " leaves at once");
        }
        governor.observed(1, 1, NOW, NOW + 5);  // the first order's answer: the exchange had counted one order then
        final long wait = governor.admit(1, true, NOW + 6);
        assertTrue(wait > 0, "the fifth of five (90% headroom) waits for the next window, was " + wait);
        assertEquals(1, governor.heldBack());
        assertEquals(4, governor.usedWeight(), "the four requests still count");
    }

    @Test
    void shouldRaiseTheCountsToTheExchangesWhenTheyAreHigher()
    {
        final RateGovernor governor = new RateGovernor(100, 5, 10_000);
        assertEquals(0, governor.admit(1, true, NOW));
        governor.observed(89, 4, NOW, NOW + 1);  // another client on the same key used most of both limits
        assertTrue(governor.admit(1, true, NOW + 2) > 0, "a fifth order in the window waits");
        assertTrue(governor.admit(2, false, NOW + 3) > 0, "weight 89 + 2 passes 90 of 100: waits for the next minute");
        assertEquals(0, governor.admit(1, false, NOW + 4), "weight 89 + 1 stays within 90 of 100");
    }

    @Test
    void shouldNotCarryTheLastWindowsCountIntoTheNextWhenAnAnswerArrivesAfterTheTurn()
    {
        final RateGovernor governor = new RateGovernor(1_200, 50, 10_000);
        final long lastMillisOfAMinute = 660_000L - 10;
        assertEquals(0, governor.admit(1, false, lastMillisOfAMinute));
        // its answer comes after the minute turned, telling the weight the exchange had counted in the minute that ended
        governor.observed(1_100, 40, lastMillisOfAMinute, lastMillisOfAMinute + 20);
        assertEquals(0, governor.admit(1, true, lastMillisOfAMinute + 30), "the new minute's (and order window's) first request leaves at once");
        assertEquals(0, governor.heldBack());
    }

    @Test
    void shouldForgetTheCountsWhenTheWindowTurns()
    {
        final RateGovernor governor = new RateGovernor(6_000, 5, 10_000);
        governor.observed(10, 4, NOW, NOW);
        assertTrue(governor.admit(1, true, NOW + 1) > 0, "held in this window");
        assertEquals(0, governor.admit(1, true, NOW + 10_000), "the next 10 s window starts empty");
    }
}
