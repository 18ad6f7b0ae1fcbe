package io.ordergate.gateway.core;

import io.ordergate.engine.command.CommandEvent;

/**
 * Whoever waits for a command (the event's {@code replyTo}): an HTTP connection, a WebSocket, start-up. Called on the
 * reply thread with the event; read what is needed before returning, the slot is reused after.
 */
public interface ReplyTarget
{
    /** @param flushes where a write to a channel asks for its flush at the end of the reply stage's batch */
    void onReply(CommandEvent event, ChannelFlushes flushes);
}
