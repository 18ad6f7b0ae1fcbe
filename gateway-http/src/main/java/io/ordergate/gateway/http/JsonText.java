package io.ordergate.gateway.http;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.view.JsonWriter;

/**
 * JSON text for the admin and error paths that build small bodies as strings: one escaper, the engine's
 * {@link JsonWriter}. Stateless; allocates (never on the order path).
 */
public final class JsonText
{
    private JsonText()
    {
    }

    /** The text as a JSON string literal, quotes included. */
    public static String quote(final String text)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(text.length() + 8);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        json.string(text);
        return buffer.getStringWithoutLengthUtf8(0, json.length());
    }
}
