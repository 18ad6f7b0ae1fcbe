package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;

/** Stage 2: the engine applies each command. <b>Not thread safe</b>: owned by the engine thread. */
final class EngineStage implements EventHandler<CommandEvent>
{
    private final Engine engine;

    EngineStage(final Engine engine)
    {
        this.engine = engine;
    }

    @Override
    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == null || event.result != null)
        {
            return;
        }
        engine.apply(event);
    }
}
