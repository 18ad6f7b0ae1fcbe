package io.ordergate.engine.group;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The drawdown of a group as a percent of its high-water mark, at the edges of a long. */
class DrawdownGuardTest
{
    private static final long PERCENT = 100_000_000L;

    @Test
    void drawdownIsThePercentOfThePeakLost()
    {
        final Group group = new Group("g", 1, 0);
        group.peakEquity = 10_000_000;  // 100,000.00
        assertEquals(25 * PERCENT, DrawdownGuard.drawdownPct(group, 7_500_000));
        assertEquals(0, DrawdownGuard.drawdownPct(group, 10_000_001));
    }

    @Test
    void aLossBillionsOfTimesThePeakIsTheMostPercentNotAThrow()
    {
        // a 0.01 peak (members' equity summed to a cent) and -100,000,000.00 since: 10^12 % of the peak, past a long at
        // wire digits; checked after every quote batch, it threw on the engine thread
        final Group group = new Group("g", 1, 0);
        group.peakEquity = 1;
        assertEquals(Long.MAX_VALUE, DrawdownGuard.drawdownPct(group, -10_000_000_000L));
    }
}
