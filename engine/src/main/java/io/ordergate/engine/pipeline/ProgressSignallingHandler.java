package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import io.ordergate.engine.command.CommandEvent;

/**
 * Wraps a stage that later stages wait for: at the end of each batch it publishes its own sequence (volatile) and
 * wakes the waiters, so with {@link StageBlockingWaitStrategy} they can park instead of spinning; and the last stage
 * when a {@link RingFollower} reads behind it, so a follower sleeping on a quiet ring wakes for the batch
 * ({@link FollowerBell}). The signal comes after the sequence, so whoever it wakes finds the batch. A command that
 * throws is marked failed ({@link StageExceptionHandler}) before its sequence is published: a later stage must never
 * see it half-answered.
 * <b>Not thread safe</b>: runs on its stage's thread.
 */
final class ProgressSignallingHandler implements EventHandler<CommandEvent>
{
    private final EventHandler<CommandEvent> stage;
    private final Runnable signal;
    private final StageExceptionHandler failures;
    private Sequence sequence;

    ProgressSignallingHandler(final EventHandler<CommandEvent> stage, final Runnable signal, final StageExceptionHandler failures)
    {
        this.stage = stage;
        this.signal = signal;
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
        catch (final Throwable ex)
        {
            failures.handleEventException(ex, eventSequence, event);
        }
        finally
        {
            if (endOfBatch)
            {
                sequence.setVolatile(eventSequence);
                signal.run();
            }
        }
    }
}
