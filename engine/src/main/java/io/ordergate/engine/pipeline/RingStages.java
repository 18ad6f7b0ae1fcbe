package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.WaitStrategy;

import io.ordergate.config.PipelineConfig;
import io.ordergate.engine.command.CommandEvent;

/** What a {@link CommandLog} gets to build the ring's consumers with. Not thread safe: built and read by the start-up thread. */
public final class RingStages
{
    private final PipelineConfig config;
    private final WaitStrategy waitStrategy;
    private final PipelineCounters counters;
    private final ResultHandler replies;
    private final boolean followed;
    private final FollowerBell followerBell;
    /** Set once by the log's {@code attach}, before the ring starts; read by the pipeline after it. */
    private TurnTakingStages turnTaking;

    RingStages(final PipelineConfig config, final WaitStrategy waitStrategy, final PipelineCounters counters, final ResultHandler replies,
        final boolean followed)
    {
        this.followed = followed;
        this.followerBell = followed ? new FollowerBell() : null;
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

    /**
     * The last stage as {@link JournalLog} subscribes it: when a {@link RingFollower} reads behind it, wrapped so that
     * each batch wakes a follower sleeping on a quiet ring (the cluster's log runs no follower: its fan-out follows the
     * reply stage on the member's thread).
     */
    EventHandler<CommandEvent> lastStage(final EventHandler<CommandEvent> stage, final StageExceptionHandler failures)
    {
        return followed ? new ProgressSignallingHandler(stage, followerBell::ringAfterProgress, failures) : stage;
    }

    /**
     * Whether a log running the three stages on one thread may let publishers run them in turns with it
     * ({@code pipeline.publishers_run_stages}, with one stage thread and the blocking strategy, whose signals the turn
     * gates).
     */
    boolean publishersMayRun()
    {
        return config.publishersRunStages() && config.stageThreads() == 1 && waitStrategy instanceof StageBlockingWaitStrategy;
    }

    /** The log's consumer when publishers run the stages in turns with og-pipeline; returns it. */
    TurnTakingStages turnTaking(final TurnTakingStages consumer)
    {
        this.turnTaking = consumer;
        return consumer;
    }

    /** The consumer publishers take turns with, or null. */
    TurnTakingStages turnTaking()
    {
        return turnTaking;
    }

    FollowerBell followerBell()
    {
        return followerBell;
    }

    /** Stage 3: every command reaches it once, after the engine applied it (or skipped it). */
    public ResultHandler replies()
    {
        return replies;
    }
}
