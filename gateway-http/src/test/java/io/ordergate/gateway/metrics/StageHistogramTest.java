package io.ordergate.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * <pre>
 *   writer thread: record 1..1000 repeatedly ──► SingleWriterRecorder ──► interval ──► cumulative ◄── reader thread: snapshot, snapshot, ...
 * </pre>
 */
class StageHistogramTest
{
    private static final int VALUES = 2_000_000;
    private static final int DISTINCT = 1000;  // below 2048: every value has its own bucket, so sums are exact

    @Test
    void shouldLoseNoCountWhenOneThreadRecordsWhileAnotherReads() throws Exception
    {
        final StageHistogram histogram = new StageHistogram(Stage.INGRESS_TO_ANSWER);
        final CountDownLatch halfRecorded = new CountDownLatch(1);
        final CountDownLatch readMidway = new CountDownLatch(1);
        final AtomicLong reads = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread writer = new Thread(() ->
        {
            try
            {
                for (int i = 0; i < VALUES; i++)
                {
                    if (i == VALUES / 2)
                    {
                        halfRecorded.countDown();
                        // Guarantees at least one interval is taken mid-stream, however the threads are scheduled.
                        assertTrue(readMidway.await(10, TimeUnit.SECONDS), "reader took no snapshot");
                    }
                    histogram.record(i % DISTINCT + 1);
                }
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        }, "test-writer");
        final Thread reader = new Thread(() ->
        {
            try
            {
                long previous = 0;
                while (writer.isAlive())
                {
                    final long count = histogram.snapshot().count();
                    assertTrue(count >= previous, "count went back from " + previous + " to " + count);
                    previous = count;
                    reads.incrementAndGet();
                    if (halfRecorded.getCount() == 0)
                    {
                        readMidway.countDown();
                    }
                }
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        }, "test-reader");
        writer.start();
        reader.start();
        writer.join(TimeUnit.SECONDS.toMillis(30));
        reader.join(TimeUnit.SECONDS.toMillis(30));
        if (failure.get() != null)
        {
            throw new AssertionError(failure.get());
        }

        final StageSnapshot last = histogram.snapshot();
        assertEquals(VALUES, last.count());
        final long rounds = VALUES / DISTINCT;
        assertEquals(rounds * DISTINCT * (DISTINCT + 1) / 2, (long)last.sumNanos());
        assertEquals(DISTINCT, last.max());
        assertEquals(DISTINCT / 2, last.p50());
        assertTrue(reads.get() > 1, "the reader ran alongside the writer");
    }

    @Test
    void shouldClampValuesOutsideTheTrackableRangeInsteadOfFailing()
    {
        final StageHistogram histogram = new StageHistogram(Stage.INGRESS_TO_JOURNALED);
        histogram.record(-5);
        histogram.record(Long.MAX_VALUE);
        final StageSnapshot snapshot = histogram.snapshot();
        assertEquals(2, snapshot.count());
        assertEquals(0, snapshot.p50());
        assertTrue(snapshot.max() >= StageHistogram.HIGHEST_TRACKABLE_NANOS);
    }

    @Test
    void shouldMatchAResultToThePushOfTheSameCommandOnlyOnce()
    {
        final PushTimes pushes = new PushTimes();
        pushes.put(42L, 1_000L);
        pushes.put(43L, 2_000L);
        assertEquals(PushTimes.NONE, pushes.take(44L));
        assertEquals(1_000L, pushes.take(42L));
        assertEquals(PushTimes.NONE, pushes.take(42L));
        assertEquals(2_000L, pushes.take(43L));
    }
}
