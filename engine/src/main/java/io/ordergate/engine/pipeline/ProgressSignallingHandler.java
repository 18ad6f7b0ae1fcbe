package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;

import io.ordergate.engine.command.CommandEvent;

/**
 * Wraps a stage that later stages wait for: at the end of each batch it publishes its own sequence (volatile) and
 * wakes the waiters, so with {@link StageBlockingWaitStrategy} they can park instead of spinning. A command that
 * throws is marked failed ({@link StageExceptionHandler}) before its sequence is published: a later stage must never
 * see it half-answered.
 * <b>Not thread safe</b>: runs on its stage's thread.
 */
final class ProgressSignallingHandler implements EventHandler<CommandEvent>
{
    private final EventHandler<CommandEvent> stage;
    private final WaitStrategy waitStrategy;
    private final StageExceptionHandler failures;
    private Sequence sequence;

    ProgressSignallingHandler(final EventHandler<CommandEvent> stage, final WaitStrategy waitStrategy, final StageExceptionHandler failures)
    {
        this.stage = stage;
        this.waitStrategy = waitStrategy;
        this.failures = failures;
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.sequence = sequenceCallback;
        stage.setSequenceCallback(sequenceCallback);
    }

    @Override
    public void onEvent(final CommandEvent event, final long eventSequence, final boolean endOfBatch) throws Exception
    {
        try
        {
            stage.onEvent(event, eventSequence, endOfBatch);
        }
        catch (final Exception ex)
        {
            failures.handleEventException(ex, eventSequence, event);
        }
        finally
        {
            if (endOfBatch)
            {
                sequence.setVolatile(eventSequence);
                waitStrategy.signalAllWhenBlocking();
            }
        }
    }
}
