package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The performance read's sort: by time, ties in the order added, against the JDK's stable sort of objects. */
class TimedLongsTest
{
    @Test
    void sortsByTimeKeepingTheOrderOfEqualTimes()
    {
        final Random random = new Random(12);
        for (final int size : new int[] {0, 1, 2, 3, 64, 65, 1_000, 4_097})
        {
            final TimedLongs order = new TimedLongs(64);
            final List<long[]> expected = new ArrayList<>();
            long time = 0;
            for (int i = 0; i < size; i++)
            {
                // mostly rising runs with ties and jumps back, as records of several accounts are
                time = random.nextInt(8) == 0 ? random.nextInt(50) : time + random.nextInt(3);
                order.add(time, i);
                expected.add(new long[] {time, i});
            }
            expected.sort(Comparator.comparingLong(e -> e[0]));
            order.sort();
            for (int i = 0; i < size; i++)
            {
                assertEquals(expected.get(i)[0], order.time(i), "time at " + i + " of " + size);
                assertEquals(expected.get(i)[1], order.value(i), "entry at " + i + " of " + size);
            }
        }
    }
}
