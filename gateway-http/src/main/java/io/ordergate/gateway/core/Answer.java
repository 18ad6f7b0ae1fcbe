package io.ordergate.gateway.core;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.view.JsonWriter;

/**
 * How a feature answers one of its commands over HTTP: published with the command (the event's attachment) and called
 * by the reply stage with the event, once the engine has applied it. A static instance per kind of answer, or a small
 * object carrying what the answer needs and the journal must not see (a secret shown once). Reply thread only;
 * read the event before returning (its slot is reused after).
 */
@FunctionalInterface
public interface Answer
{
    /**
     * What {@link #render} returns when the request is not answered yet: the answer has published another command
     * with itself attached (a list read in slices), and the connection waits for that one's answer.
     */
    int PENDING = 0;

    /**
     * Writes the answer's JSON body.
     *
     * @return the HTTP status
     */
    int render(CommandEvent event, JsonWriter json);

    /** The answer's media type when it is not JSON (a CSV export), or null for {@code application/json}. */
    default CharSequence contentType()
    {
        return null;
    }
}
