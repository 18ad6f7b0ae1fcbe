package io.ordergate.engine;

import io.ordergate.engine.command.CommandEvent;

/**
 * Applies one command type that a module above the engine owns (the MT5 connector's executor commands).
 * Runs on the engine thread under the engine's rules: deterministic, no I/O, no clock, no allocation per command.
 */
@FunctionalInterface
public interface CommandHandler
{
    void apply(CommandEvent event);
}
