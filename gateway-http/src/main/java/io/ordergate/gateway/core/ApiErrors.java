package io.ordergate.gateway.core;

import org.agrona.ExpandableArrayBuffer;

import io.ordergate.engine.view.JsonWriter;

/** API.md's error body: {@code {"error": {"code", "message", "field"?}}}. Stateless. */
public final class ApiErrors implements ErrorFormat
{
    /** Codes the gateway answers itself, beside the engine's result codes. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String REQUEST_TIMEOUT = "REQUEST_TIMEOUT";
    public static final String GATEWAY_TIMEOUT = "GATEWAY_TIMEOUT";
    public static final String EXPECTATION_FAILED = "EXPECTATION_FAILED";

    /** Made once, for {@link ErrorFormat#API}; a field here would be null there when this class is initialised first. */
    ApiErrors()
    {
    }

    @Override
    public void write(final JsonWriter json, final String code, final String message, final String field)
    {
        json.startObject();
        member(json, code, message, field);
        json.endObject();
    }

    /** Writes the {@code "error": {...}} member into an object the caller has started (a 422 with its order). */
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

    /** The whole body as bytes, for answers made outside a reply (the aggregator's 413). Allocates. */
    public static byte[] bytes(final String code, final String message, final String field)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(128);
        final JsonWriter json = new JsonWriter().wrap(buffer, 0);
        API.write(json, code, message, field);
        final byte[] bytes = new byte[json.length()];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
