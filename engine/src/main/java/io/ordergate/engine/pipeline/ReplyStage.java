package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.ordergate.engine.command.CommandEvent;

/**
 * Stage 3 adapter: hands each event to the {@link ResultHandler}, then drops references the slot held (unless a
 * {@link RingFollower} reads the slot after it: the follower drops them).
 */
final class ReplyStage implements EventHandler<CommandEvent>
{
    private final ResultHandler handler;
    private final boolean dropReferences;

    ReplyStage(final ResultHandler handler, final boolean dropReferences)
    {
        this.handler = handler;
        this.dropReferences = dropReferences;
    }

    @Override
    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        try
        {
            handler.onResult(event, sequence, endOfBatch);
        }
        finally
        {
            if (dropReferences)
            {
                event.replyTo = null;
                event.attachment = null;
            }
        }
    }
}
