package io.ordergate.benchmarks.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
