package io.ordergate.engine.pipeline;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventTranslatorTwoArg;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;

import io.ordergate.config.PipelineConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.journal.Journal;

/**
 * The whole command path on one screen. Built and started by the start-up thread after replay.
 *
 * <pre>
 *   Netty event loops, quote feed, connectors ──tryPublish(translator)──► ring (multi-producer, preallocated events)
 *       1. og-journal : append the frame of every state-changing command to the journal
 *       2. og-engine  : apply the command (risk, state, routing); write the result into the event
 *       3. og-reply   : answer the waiting client, hand venue actions to connectors
 *       4. (follower) : optionally, a thread of the caller's polls behind stage 3 ({@link RingFollower}): streams,
 *                       outbound webhooks, logs; it gates the ring but no stage waits for it (stage 3 wakes it
 *                       only when it sleeps on a quiet ring)
 * </pre>
 *
 * Each stage waits for the one before it, so no client hears "accepted" before its command is journaled.
 * The {@link CommandLog} subscribes the stages: all three ({@link JournalLog}) in the embedded form; in the cluster
 * form the cluster's ingress and the reply stage, with the engine on the clustered service's thread in the cluster
 * log's order.
 * With {@code pipeline.stage_threads: 1} (the default on 2 cores or fewer) the same three stages run in turn on
 * one thread, og-pipeline, which saves two wake-ups per command where cores are scarce; and with
 * {@code pipeline.publishers_run_stages} an HTTP event loop that publishes while og-pipeline is not running them runs
 * them itself ({@link #tryPublishAndRun}, {@link TurnTakingStages}), saving the last hand-over: one thread at a time
 * either way.
 */
public final class Pipeline implements AutoCloseable
{
    /** Returned by {@link #tryClaim()} when the ring is full: answer 503 OVERLOADED. */
    public static final long RING_FULL = -1;

    private final Disruptor<CommandEvent> disruptor;
    private final RingBuffer<CommandEvent> ringBuffer;
    private final PipelineCounters counters;
    private final CommandLog log;
    private final RingFollower follower;
    /** The stages' consumer when publishers may run them ({@code pipeline.publishers_run_stages}), else null. */
    private final TurnTakingStages turnTaking;

    private Pipeline(final Disruptor<CommandEvent> disruptor, final PipelineCounters counters, final CommandLog log, final RingFollower follower,
        final TurnTakingStages turnTaking)
    {
        this.turnTaking = turnTaking;
        this.log = log;
        this.follower = follower;
        this.disruptor = disruptor;
        this.ringBuffer = disruptor.getRingBuffer();
        this.counters = counters;
    }

    /** The embedded single-node form: the journal, then the engine, then the replies ({@link JournalLog}). */
    public static Pipeline start(
        final PipelineConfig config, final Journal journal, final Engine engine, final ResultHandler replies)
    {
        return start(config, journal, engine, replies, false);
    }

    /**
     * @param follow true to gate the ring for a {@link RingFollower} behind the reply stage (see {@link #follower()}),
     *               registered before the first command so it sees every one
     */
    public static Pipeline start(
        final PipelineConfig config, final Journal journal, final Engine engine, final ResultHandler replies, final boolean follow)
    {
        return start(config, new JournalLog(journal, engine), replies, follow);
    }

    /** {@link #start(PipelineConfig, CommandLog, ResultHandler, boolean)} without a follower. */
    public static Pipeline start(final PipelineConfig config, final CommandLog log, final ResultHandler replies)
    {
        return start(config, log, replies, false);
    }

    /**
     * Builds the ring, has {@code log} subscribe its consumers (the journal, engine and reply stages, or the cluster's
     * ingress and the reply stage), optionally a {@link RingFollower} behind its reply stage, and starts it. The pipeline closes the log
     * after the ring.
     */
    public static Pipeline start(final PipelineConfig config, final CommandLog log, final ResultHandler replies, final boolean follow)
    {
        final PipelineCounters counters = new PipelineCounters();
        final WaitStrategy waitStrategy = waitStrategy(config);
        final RingStages stages = new RingStages(config, waitStrategy, counters, replies, follow);
        final Disruptor<CommandEvent> disruptor = new Disruptor<>(
            CommandEvent.FACTORY, config.ringSize(), new StageThreadFactory(log.threadNames(stages)),
            ProducerType.MULTI, waitStrategy);
        if (waitStrategy instanceof StageBlockingWaitStrategy)
        {
            ((StageBlockingWaitStrategy)waitStrategy).publishedBy(disruptor.getRingBuffer());
        }
        final SequenceBarrier answered = log.attach(disruptor, stages);
        final RingFollower follower = follow ? new RingFollower(disruptor.getRingBuffer(), answered, stages.followerBell()) : null;  // 4, polling
        disruptor.start();
        log.start();
        return new Pipeline(disruptor, counters, log, follower, stages.turnTaking());
    }

    /** The follower behind the reply stage, or null when the pipeline was started without one. */
    public RingFollower follower()
    {
        return follower;
    }

    /**
     * Claims a slot without blocking, has the translator fill it, and publishes it: how commands enter the ring
     * (gateway-http's {@code CommandPublisher} holds the one translator). Safe from any thread. The translator must
     * not throw: a fill that fails leaves the event skipped ({@code type} null and a result set), so stages 1 and 2
     * pass it by and the reply stage answers it; the slot is published either way.
     *
     * @return false when the ring is full (nothing was claimed; counted as overloaded)
     */
    public <A, B> boolean tryPublish(final EventTranslatorTwoArg<CommandEvent, A, B> translator, final A first, final B second)
    {
        if (ringBuffer.tryPublishEvent(translator, first, second))
        {
            return true;
        }
        counters.overloaded();
        return false;
    }

    /**
     * {@link #tryPublish}, from a thread that may run the stages itself (an HTTP event loop, whose handlers never block):
     * with {@code pipeline.publishers_run_stages}, when no other thread runs them, it publishes and then runs what is
     * published (its own command and any others', a bounded batch) before it returns, instead of waking og-pipeline
     * ({@link TurnTakingStages}); otherwise the same as {@link #tryPublish}.
     */
    public <A, B> boolean tryPublishAndRun(final EventTranslatorTwoArg<CommandEvent, A, B> translator, final A first, final B second)
    {
        final TurnTakingStages stages = turnTaking;
        if (stages == null || !stages.tryTakeTurn())
        {
            return tryPublish(translator, first, second);
        }
        try
        {
            return tryPublish(translator, first, second);
        }
        finally
        {
            stages.runPublished();
        }
    }

    /**
     * Claims the next slot without blocking, for tests and benchmarks that fill events by hand (production code
     * publishes with {@link #tryPublish}). Safe from any thread. Every claimed sequence MUST be published, even if
     * filling it failed (leave {@code type} null, or set a result, and stages 1 and 2 skip it).
     *
     * @return the sequence, or {@link #RING_FULL}
     */
    public long tryClaim()
    {
        try
        {
            return ringBuffer.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            counters.overloaded();
            return RING_FULL;
        }
    }

    public CommandEvent event(final long sequence)
    {
        return ringBuffer.get(sequence);
    }

    public void publish(final long sequence)
    {
        ringBuffer.publish(sequence);
    }

    public int capacity()
    {
        return ringBuffer.getBufferSize();
    }

    /** Slots claimed and not yet released by the last consumer (the reply stage, or the {@link RingFollower}). Any thread. */
    public long occupancy()
    {
        return ringBuffer.getBufferSize() - ringBuffer.remainingCapacity();
    }

    public PipelineCounters counters()
    {
        return counters;
    }

    /** Drains what is in flight, then stops the stage threads. */
    @Override
    public void close()
    {
        try
        {
            disruptor.shutdown(5, TimeUnit.SECONDS);
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
        }
        finally
        {
            log.close();
        }
    }

    static WaitStrategy waitStrategy(final PipelineConfig config)
    {
        switch (config.waitStrategy())
        {
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            case YIELDING: return new YieldingWaitStrategy();
            case SLEEPING: return new SleepingWaitStrategy();
            case BLOCKING:
            default: return new StageBlockingWaitStrategy(TimeUnit.MICROSECONDS.toNanos(config.yieldWindowMicros()));
        }
    }

    /** Names the stage threads (og-journal, og-engine, og-reply; or og-pipeline), in the order the Disruptor starts them. */
    private static final class StageThreadFactory implements ThreadFactory
    {
        private final String[] names;
        private final AtomicInteger next = new AtomicInteger();

        StageThreadFactory(final String[] names)
        {
            this.names = names;
        }

        @Override
        public Thread newThread(final Runnable runnable)
        {
            final int index = next.getAndIncrement();
            final Thread thread = new Thread(runnable, index < names.length ? names[index] : "og-stage-" + index);
            thread.setDaemon(true);
            return thread;
        }
    }
}
