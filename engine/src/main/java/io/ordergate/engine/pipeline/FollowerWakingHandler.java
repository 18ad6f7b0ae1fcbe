package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import io.ordergate.engine.command.CommandEvent;

/**
 * Wraps the last stage when a {@link RingFollower} reads behind it: at the end of each batch it publishes the stage's
 * sequence (volatile, as the batch processor would a moment later) and then rings the follower's bell, so a follower
 * that sleeps on a quiet ring wakes for the batch (and, by the order of the two, finds it). A stage that throws is
 * left to the batch processor's exception handler, which publishes the sequence after it: the follower then finds the
 * command at its next poll, or when its bounded sleep ends. <b>Not thread safe</b>: runs on the last stage's thread.
 */
final class FollowerWakingHandler implements EventHandler<CommandEvent>
{
    private final EventHandler<CommandEvent> stage;
    private final FollowerBell bell;
    private Sequence sequence;

    FollowerWakingHandler(final EventHandler<CommandEvent> stage, final FollowerBell bell)
    {
        this.stage = stage;
        this.bell = bell;
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
        stage.onEvent(event, eventSequence, endOfBatch);
        if (endOfBatch)
        {
            sequence.setVolatile(eventSequence);
            bell.ringAfterProgress();
        }
    }
}
