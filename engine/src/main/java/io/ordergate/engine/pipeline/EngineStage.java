package io.ordergate.engine.pipeline;

import com.lmax.disruptor.EventHandler;

import io.ordergate.engine.Engine;
import io.ordergate.engine.command.CommandEvent;

/**
 * Stage 2: the engine applies each command. <b>Not thread safe</b>: owned by the engine thread (og-engine, or og-pipeline
 * with one stage thread).
 */
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
        if (event.type == null || event.result != null || event.stageFailed)
        {
            return;
        }
        engine.apply(event);
        // Read here in the stage wrapper, never inside the engine: the engine reads time only from the command
        // (invariant 2). The reply stage turns this into the journaled_to_engine_done histogram.
        event.engineDoneNanos = System.nanoTime();
    }
}
