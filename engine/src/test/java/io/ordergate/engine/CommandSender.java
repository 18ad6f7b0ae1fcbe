package io.ordergate.engine;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;

/**
 * How the feature halves of {@link EngineDriver} make a command: start a frame, write its body with the production
 * encoder, finish it and apply it to the engine.
 */
interface CommandSender
{
    /** Starts a frame: reset, header, writer wrapped at the body. Finish with {@link #finish}. */
    BodyWriter begin(CommandEvent event, CommandType type);

    void finish(CommandEvent event);

    /** Journals the command when the driver journals, then applies it; answers the same event. */
    CommandEvent apply(CommandEvent event);
}
