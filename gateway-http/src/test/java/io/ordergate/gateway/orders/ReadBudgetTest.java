package io.ordergate.gateway.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The per-caller list budget on an injected clock: a burst of two seconds' worth, refilled at the rate, per caller. */
class ReadBudgetTest
{
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(123 * SECOND);
    private final ReadBudget budget = new ReadBudget(5000, 0, now::get);

    @Test
    void shouldAdmitUntilTwoSecondsWorthIsReadThenAskToWaitUntilItRefills()
    {
        assertEquals(0, budget.callerWaitSeconds(7), "a caller that never read");
        budget.spend(7, 9_999);  // 9,999 rows + the slice itself: exactly the burst
        assertEquals(0, budget.callerWaitSeconds(7), "the burst is two seconds' worth");
        budget.spend(7, 2_499);  // half a second past the burst
        assertEquals(1, budget.callerWaitSeconds(7), "Retry-After rounds up to a whole second");
        now.addAndGet(SECOND / 2 - 1);
        assertEquals(1, budget.callerWaitSeconds(7));
        now.addAndGet(1);
        assertEquals(0, budget.callerWaitSeconds(7), "refilled at 5,000 rows a second");
    }

    @Test
    void shouldKeepEachCallersBudgetApartAndRefillNoFurtherThanTheBurst()
    {
        budget.spend(7, 30_000);
        assertEquals(5, budget.callerWaitSeconds(7), "6 s overdrawn less the 2 s burst, rounded up: " + budget.callerWaitSeconds(7));
        assertEquals(0, budget.callerWaitSeconds(8), "another caller is not charged");
        now.addAndGet(3600 * SECOND);  // an hour idle does not bank an hour of reads
        budget.spend(7, 10_000);
        assertEquals(1, budget.callerWaitSeconds(7));
    }

    @Test
    void shouldChargeEmptySlicesAndNeverRefuseWhenTheBudgetIsOff()
    {
        for (int slice = 0; slice < 10_000; slice++)
        {
            budget.spend(9, 0);  // each slice still costs a look
        }
        assertEquals(0, budget.callerWaitSeconds(9));
        budget.spend(9, 0);
        assertEquals(1, budget.callerWaitSeconds(9));
        final ReadBudget off = new ReadBudget(0, 0, now::get);
        off.spend(9, 1_000_000);
        assertEquals(0, off.callerWaitSeconds(9));
        assertEquals(0, off.gatewayWaitSeconds(), "no ceiling either");
    }

    @Test
    void shouldRefuseEveryCallerOnceAllTogetherPassTheCeilingWhileEachIsWithinItsOwn()
    {
        final ReadBudget shared = new ReadBudget(1000, 4000, now::get);  // bursts: 2,000 rows a caller, 8,000 in all
        for (int caller = 1; caller <= 4; caller++)
        {
            assertEquals(0, shared.gatewayWaitSeconds(), "caller " + caller + " finds capacity left");
            shared.spend(caller, 1_999);  // each exactly its own burst
            assertEquals(0, shared.callerWaitSeconds(caller));
        }
        assertEquals(0, shared.gatewayWaitSeconds(), "four bursts are exactly the gateway's");
        shared.spend(5, 1_999);  // a fifth key, within its own budget, half a second past the ceiling
        assertEquals(0, shared.callerWaitSeconds(5), "its own budget is not spent");
        assertEquals(0, shared.callerWaitSeconds(6), "nor a sixth's");
        assertEquals(1, shared.gatewayWaitSeconds(), "but the gateway's is, for everyone: wait half a second, rounded up");
        now.addAndGet(SECOND / 2);
        assertEquals(0, shared.gatewayWaitSeconds(), "refilled at 4,000 rows a second");
    }
}
