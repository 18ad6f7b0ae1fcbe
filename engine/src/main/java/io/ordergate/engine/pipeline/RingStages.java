package io.ordergate.engine.pipeline;

import com.lmax.disruptor.WaitStrategy;

import io.ordergate.config.PipelineConfig;

/** What a {@link CommandLog} gets to build the ring's consumers with. Immutable. */
public final class RingStages
{
    private final PipelineConfig config;
    private final WaitStrategy waitStrategy;
    private final PipelineCounters counters;
    private final ResultHandler replies;
    private final boolean followed;

    RingStages(final PipelineConfig config, final WaitStrategy waitStrategy, final PipelineCounters counters, final ResultHandler replies,
        final boolean followed)
    {
        this.followed = followed;
        this.config = config;
        this.waitStrategy = waitStrategy;
        this.counters = counters;
        this.replies = replies;
    }

    public PipelineConfig config()
    {
        return config;
    }

    /** How the ring's consumers wait (the publishers signal it on each publish). */
    public WaitStrategy waitStrategy()
    {
        return waitStrategy;
    }

    public PipelineCounters counters()
    {
        return counters;
    }

    /** Whether a {@link RingFollower} reads each slot after the reply stage (then it, not the reply stage, drops the slot's references). */
    public boolean followed()
    {
        return followed;
    }

    /** Stage 3: every command reaches it once, after the engine applied it (or skipped it). */
    public ResultHandler replies()
    {
        return replies;
    }
}
