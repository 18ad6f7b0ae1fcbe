package io.ordergate.gateway.http;

import io.ordergate.engine.view.JsonWriter;

/** The error body of API.md: {@code {"error": {"code", "message", "field"?}}}. Stateless. */
public final class ErrorJson
{
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

    private ErrorJson()
    {
    }

    /** Writes the {@code "error": {...}} member into an object the caller has started. */
    public static void member(final JsonWriter json, final String code, final String message, final String field)
    {
        json.name("error").startObject()
            .name("code").string(code)
            .name("message").string(message);
        if (field != null)
        {
            json.name("field").string(field);
        }
        json.endObject();
    }

    static void write(final JsonWriter json, final String code, final String message, final String field)
    {
        json.startObject();
        member(json, code, message, field);
        json.endObject();
    }

    /** The whole body as bytes, for answers built outside a reply buffer (the executor routes' admin errors). */
    public static byte[] bytes(final String code, final String message, final String field)
    {
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer(128);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        write(json, code, message, field);
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
