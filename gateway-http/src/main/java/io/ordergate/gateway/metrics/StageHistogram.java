package io.ordergate.gateway.metrics;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One stage's latency distribution since start, in nanoseconds, to 3 significant digits.
 *
 * <p><b>Single writer</b>: {@link #record} is called by ONE thread (the reply thread), and is wait-free and
 * allocation-free (HdrHistogram's {@link SingleWriterRecorder}: a counter increment in preallocated buckets between two
 * atomic phase increments). Readers, on any thread, take the interval recorded since the last read and add it into a
 * cumulative histogram under this object's monitor; the writer never takes that monitor, so a slow reader cannot
 * stall the pipeline, and no count is lost or counted twice between intervals.
 */
final class StageHistogram
{
    /** Longer intervals are recorded as this (a stalled executor, a debugger): the max then reads "at least a minute". */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(1);
    static final int SIGNIFICANT_DIGITS = 3;

    private final Stage stage;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram cumulative = new Histogram(1, HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);
    private Histogram interval;

    StageHistogram(final Stage stage)
    {
        this.stage = stage;
    }

    /** Records one interval. The owning thread only. Negative values (cannot happen with nanoTime) count as 0. */
    void record(final long nanos)
    {
        recorder.recordValue(nanos <= 0 ? 0 : Math.min(nanos, HIGHEST_TRACKABLE_NANOS));
    }

    /** Everything recorded up to now. Any thread; allocates the snapshot. */
    synchronized StageSnapshot snapshot()
    {
        interval = recorder.getIntervalHistogram(interval);
        cumulative.add(interval);
        final long count = cumulative.getTotalCount();
        if (count == 0)
        {
            return new StageSnapshot(stage, 0, 0, 0, 0, 0, 0, 0);
        }
        return new StageSnapshot(stage, count,
            cumulative.getValueAtPercentile(50.0),
            cumulative.getValueAtPercentile(90.0),
            cumulative.getValueAtPercentile(99.0),
            cumulative.getValueAtPercentile(99.9),
            cumulative.getMaxValue(),
            // Each value at its bucket's representative value: exact to the histogram's 3 digits, and monotonic.
            cumulative.getMean() * count);
    }
}
