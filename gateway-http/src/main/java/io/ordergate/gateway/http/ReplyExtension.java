package io.ordergate.gateway.http;

import io.ordergate.engine.command.CommandEvent;

/**
 * The reply stage's part owned by a feature package: state rebuilt from the journal, messages from the event's
 * outbox, and the answers to requests it submitted with an exchange object. Reply thread (or replay) only.
 */
public interface ReplyExtension
{
    /** Every journaled command at replay, after the engine applied it. */
    void onReplayed(CommandEvent event);

    /** Every command, before its answer is written. */
    void onResult(CommandEvent event);

    /** Answers a request submitted with HttpConnection#submit with an exchange. */
    void answer(CommandEvent event, HttpConnection connection);
}
