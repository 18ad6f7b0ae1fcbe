package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.journal.Journal;

/**
 * The embedded single-node form of the log: 1. og-journal appends each state-changing frame to the Chronicle
 * Queue journal, 2. og-engine applies it, 3. og-reply answers; with {@code pipeline.stage_threads: 1} the three in
 * turn on og-pipeline. Each stage waits for the one before it, so no client hears "accepted" before its command is
 * journaled.
 */
public final class JournalLog implements CommandLog
{
    private static final String[] THREAD_PER_STAGE = {"og-journal", "og-engine", "og-reply"};
    private static final String[] ONE_THREAD = {"og-pipeline"};

    private final Journal journal;
    private final Engine engine;

    public JournalLog(final Journal journal, final Engine engine)
    {
        this.journal = journal;
        this.engine = engine;
    }

    @Override
    public String[] threadNames(final RingStages stages)
    {
        return stages.config().stageThreads() == 1 ? ONE_THREAD : THREAD_PER_STAGE;
    }

    @Override
    public SequenceBarrier attach(final Disruptor<CommandEvent> disruptor, final RingStages stages)
    {
        final StageExceptionHandler failures = new StageExceptionHandler();
        disruptor.setDefaultExceptionHandler(failures);
        final JournalStage journaling = new JournalStage(journal.appender()::append, stages.counters());
        final EngineStage applying = new EngineStage(engine);
        final ReplyStage replying = new ReplyStage(stages.replies(), !stages.followed());
        final EventHandlerGroup<CommandEvent> last;
        if (stages.config().stageThreads() == 1)
        {
            final EventHandler<CommandEvent> inTurn = stages.lastStage(new SingleThreadStages(journaling, applying, replying, failures), failures);
            if (stages.publishersMayRun())
            {
                // 1, 2, 3 in turn, run by og-pipeline or by a publisher
                final TurnTakingStages turns = new TurnTakingStages(disruptor.getRingBuffer(), inTurn, failures,
                    (StageBlockingWaitStrategy)stages.waitStrategy(), journal.appender()::handOver, stages.counters());
                last = disruptor.handleEventsWith(stages.turnTaking(turns));
            }
            else
            {
                last = disruptor.handleEventsWith(inTurn);  // 1, 2, 3 in turn
            }
        }
        else
        {
            final WaitStrategy waitStrategy = stages.waitStrategy();
            last = disruptor
                .handleEventsWith(signalling(journaling, waitStrategy, failures))  // 1
                .then(signalling(applying, waitStrategy, failures))                // 2
                .then(stages.lastStage(replying, failures));                       // 3
        }
        return last.asSequenceBarrier();
    }

    /** A stage later stages wait for signals its progress when they block on it; spinning strategies need no signal. */
    private static EventHandler<CommandEvent> signalling(
        final EventHandler<CommandEvent> stage, final WaitStrategy waitStrategy, final StageExceptionHandler failures)
    {
        return waitStrategy instanceof StageBlockingWaitStrategy ? new ProgressSignallingHandler(stage, waitStrategy::signalAllWhenBlocking, failures) : stage;
    }
}
