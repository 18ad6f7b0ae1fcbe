package io.ordergate.engine.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/** Counts what the pipeline did, for /metrics. Thread safe: written by one stage each, read by anyone. */
public final class PipelineCounters
{
    private final AtomicLong journaled = new AtomicLong();
    private final AtomicLong journalFailures = new AtomicLong();
    private final AtomicLong overloaded = new AtomicLong();
    private final AtomicLong ranByPublishers = new AtomicLong();

    void journaled()
    {
        journaled.lazySet(journaled.get() + 1);
    }

    void journalFailed()
    {
        journalFailures.incrementAndGet();
    }

    /** A publisher after its turn ({@link TurnTakingStages}); several may count at once. */
    void ranByPublisher(final int commands)
    {
        ranByPublishers.addAndGet(commands);
    }

    void overloaded()
    {
        overloaded.incrementAndGet();
    }

    public long journaledCount()
    {
        return journaled.get();
    }

    public long journalFailureCount()
    {
        return journalFailures.get();
    }

    /** Commands whose stages a publisher ran itself ({@code pipeline.publishers_run_stages}), not og-pipeline. */
    public long ranByPublishersCount()
    {
        return ranByPublishers.get();
    }

    public long overloadedCount()
    {
        return overloaded.get();
    }
}
