package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.ordergate.engine.command.CommandEvent;

/** Stage 3 adapter: hands each event to the {@link ResultHandler}, then drops references the slot held. */
final class ReplyStage implements EventHandler<CommandEvent>
{
    private final ResultHandler handler;

    ReplyStage(final ResultHandler handler)
    {
        this.handler = handler;
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
            event.replyTo = null;
            event.attachment = null;
        }
    }
}
