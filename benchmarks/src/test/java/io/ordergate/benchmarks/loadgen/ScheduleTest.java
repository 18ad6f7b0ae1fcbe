package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ScheduleTest
{
    @Test
    void shouldPlanRequestsAtExactlyOneOverRateApart()
    {
        final Schedule schedule = new Schedule(1_000, 5_000, 30);

        assertEquals(150_000, schedule.total());
        assertEquals(1_000, schedule.plannedNanos(0));
        assertEquals(1_000 + 200_000, schedule.plannedNanos(1));
        assertEquals(1_000 + 200_000L * 149_999, schedule.plannedNanos(149_999));
    }

    @Test
    void shouldNotDriftOverALongRunAtARateThatDoesNotDivideASecond()
    {
        final Schedule schedule = new Schedule(0, 3, 3_600);

        // 3/s: 333,333,333.3 ns apart; after an hour request 10,800 would be due at exactly 3,600 s.
        assertEquals(333_333_334L, schedule.plannedNanos(1));
        assertEquals(3_600_000_000_000L - 333_333_333L, schedule.lastPlannedNanos());
    }

    @Test
    void shouldCountARequestAsDueFromItsPlannedTimeAndNotBefore()
    {
        final Random random = new Random(42);
        for (final int rate : new int[] {1, 3, 7, 1_000, 5_000, 9_999, 123_457})
        {
            final Schedule schedule = new Schedule(5_000_000L, rate, 10);
            for (int n = 0; n < 2_000; n++)
            {
                final long index = (long)(random.nextDouble() * (schedule.total() - 1));
                final long planned = schedule.plannedNanos(index);
                assertEquals(index + 1, schedule.dueCount(planned), "rate " + rate + " index " + index);
                assertEquals(index, schedule.dueCount(planned - 1), "rate " + rate + " index " + index);
            }
        }
    }

    @Test
    void shouldHaveNothingDueBeforeTheStartAndNeverMoreThanTheTotal()
    {
        final Schedule schedule = new Schedule(1_000_000, 100, 2);

        assertEquals(0, schedule.dueCount(999_999));
        assertEquals(1, schedule.dueCount(1_000_000));
        assertEquals(200, schedule.dueCount(Long.MAX_VALUE / 2));
        assertTrue(schedule.lastPlannedNanos() < 1_000_000 + 2_000_000_000L);
    }

    @Test
    void shouldRefuseARateOrDurationOfZero()
    {
        assertThrows(IllegalArgumentException.class, () -> new Schedule(0, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(0, 10, 0));
    }

    @Test
    void shouldRampTheRateFromZeroToTheFullRateOverTheDuration()
    {
        final Schedule ramp = Schedule.ramp(0, 20_000, 10);

        assertEquals(100_000, ramp.total(), "half the requests of a flat warm-up: the triangle's area");
        assertEquals(0, ramp.plannedNanos(0));
        // sqrt(2 × 10 s × i / 20,000/s): request 1 at 31.6 ms, the 25,000th at 5 s (a quarter of them in half the time)
        assertEquals(31_622_777, ramp.plannedNanos(1));
        assertEquals(5_000_000_000L, ramp.plannedNanos(25_000));
        assertTrue(ramp.lastPlannedNanos() < 10_000_000_000L);
        // The rate at the end is the full rate: the last 1,000 requests take 1,000 / 20,000 s, to within 3 %.
        final long lastThousand = ramp.plannedNanos(99_999) - ramp.plannedNanos(98_999);
        assertEquals(50_000_000, lastThousand, 1_500_000);
        // ...and near the start twenty times as long: the first 1,000 take a second.
        assertEquals(1_000_000_000L, ramp.plannedNanos(1_000));
    }

    @Test
    void shouldCountARequestOfTheRampAsDueFromItsPlannedTimeAndNotBefore()
    {
        final Random random = new Random(7);
        for (final int rate : new int[] {1, 3, 1_000, 20_000, 123_457})
        {
            final Schedule ramp = Schedule.ramp(5_000_000L, rate, 30);
            for (int n = 0; n < 2_000; n++)
            {
                final long index = (long)(random.nextDouble() * (ramp.total() - 1));
                final long planned = ramp.plannedNanos(index);
                assertTrue(index == 0 || planned > ramp.plannedNanos(index - 1), "strictly later than the one before");
                assertEquals(index + 1, ramp.dueCount(planned), "rate " + rate + " index " + index);
                assertEquals(index, ramp.dueCount(planned - 1), "rate " + rate + " index " + index);
            }
            assertEquals(ramp.total(), ramp.dueCount(Long.MAX_VALUE / 2));
            assertEquals(0, ramp.dueCount(4_999_999L));
        }
    }

    @Test
    void shouldRampOverTheWarmUpsFirstFourFifthsAndHoldTheRateOverTheLast()
    {
        final Schedule warmUp = Schedule.warmUp(1_000L, 20_000, 10);

        // 8 s of ramp (the triangle: 80,000 requests), then 2 s at 20,000/s (40,000)
        assertEquals(120_000, warmUp.total());
        assertEquals(Schedule.ramp(1_000L, 20_000, 8).plannedNanos(79_999), warmUp.plannedNanos(79_999), "the ramp as it was");
        assertEquals(1_000L + 8_000_000_000L, warmUp.plannedNanos(80_000), "the hold starts where the ramp ends");
        for (long index = 80_001; index < 120_000; index += 997)
        {
            assertEquals(50_000, warmUp.plannedNanos(index) - warmUp.plannedNanos(index - 1), "one request each 1/20,000 s");
        }
        assertEquals(1_000L + 10_000_000_000L - 50_000, warmUp.lastPlannedNanos());
    }

    @Test
    void shouldCountARequestOfTheWarmUpAsDueFromItsPlannedTimeAcrossTheRampsEnd()
    {
        for (final int rate : new int[] {1, 3, 1_000, 123_457})
        {
            final Schedule warmUp = Schedule.warmUp(5_000_000L, rate, 10);
            final long firstHeld = Math.max(1, rate * 8L / 2);  // the ramp's triangle over its 8 s
            final long rampEnd = warmUp.plannedNanos(firstHeld);
            final List<Long> indices = new ArrayList<>();
            for (long index = 1; index < warmUp.total(); index += Math.max(1, warmUp.total() / 3_000))
            {
                indices.add(index);
            }
            for (long index = Math.max(1, firstHeld - 3); index < Math.min(warmUp.total(), firstHeld + 4); index++)
            {
                indices.add(index);  // every request on both sides of the ramp's end
            }
            for (final long index : indices)
            {
                final long planned = warmUp.plannedNanos(index);
                assertTrue(planned > warmUp.plannedNanos(index - 1), "strictly later than the one before");
                assertEquals(index + 1, warmUp.dueCount(planned), "rate " + rate + " index " + index);
                assertEquals(index, warmUp.dueCount(planned - 1), "rate " + rate + " index " + index);
            }
            assertEquals(5_000_000L + 8_000_000_000L, rampEnd);
            assertEquals(warmUp.total(), warmUp.dueCount(Long.MAX_VALUE / 2));
        }
    }

    @Test
    void shouldNotHoldAOneSecondWarmUp()
    {
        assertEquals(Schedule.ramp(0, 20_000, 1).total(), Schedule.warmUp(0, 20_000, 1).total());
    }
}
