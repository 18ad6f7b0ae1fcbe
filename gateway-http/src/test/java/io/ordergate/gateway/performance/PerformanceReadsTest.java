package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The performance worker's rest after each read: it works {@code cpuPct}% of its time, whatever the reads cost. */
class PerformanceReadsTest
{
    @Test
    void restsSoThatReadsTakeTheConfiguredShareOfACore()
    {
        final long read = 60_000_000L;
        assertEquals(180_000_000L, PerformanceReads.restNanos(read, 25), "a quarter: 60 ms of work, 180 ms of rest");
        assertEquals(read, PerformanceReads.restNanos(read, 50));
        assertEquals(0, PerformanceReads.restNanos(read, 100), "all of a core: no rest");
        assertEquals(99 * read, PerformanceReads.restNanos(read, 1));
        final long work = 7_777_777L;
        assertEquals(0.25, work / (double)(work + PerformanceReads.restNanos(work, 25)), 1e-6);
    }
}
