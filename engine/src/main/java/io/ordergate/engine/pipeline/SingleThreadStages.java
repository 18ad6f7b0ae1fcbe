package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.ordergate.engine.command.CommandEvent;

/**
 * The three stages one after the other on one thread ({@code pipeline.stage_threads: 1}): journal, then engine,
 * then replies, for each command. Journal first still holds: the engine sees a command only after its append
 * returned. On a 2-core machine this saves two thread wake-ups per command.
 * <b>Not thread safe</b>: owned by the og-pipeline thread.
 */
final class SingleThreadStages implements EventHandler<CommandEvent>
{
    private final EventHandler<CommandEvent> journal;
    private final EventHandler<CommandEvent> engine;
    private final EventHandler<CommandEvent> replies;
    private final StageExceptionHandler failures;

    SingleThreadStages(
        final EventHandler<CommandEvent> journal, final EventHandler<CommandEvent> engine, final EventHandler<CommandEvent> replies,
        final StageExceptionHandler failures)
    {
        this.journal = journal;
        this.engine = engine;
        this.replies = replies;
        this.failures = failures;
    }

    @Override
    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        try
        {
            journal.onEvent(event, sequence, endOfBatch);
            engine.onEvent(event, sequence, endOfBatch);
        }
        catch (final Throwable ex)
        {
            // As with a thread per stage: the command goes on without a result, so its client still hears 500.
            failures.handleEventException(ex, sequence, event);
        }
        replies.onEvent(event, sequence, endOfBatch);
    }
}
