package io.ordergate.gateway;

import io.ordergate.engine.command.CommandEvent;

/**
 * Who waits for a command that did not come over HTTP (start-up seeding): called on the reply thread with the
 * event; read what is needed before returning, the slot is reused after.
 */
public interface ReplyTarget
{
    void onReply(CommandEvent event);
}
