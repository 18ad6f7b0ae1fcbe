package io.ordergate.gateway.webhook;

import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.ApiErrors;
import io.ordergate.gateway.core.ErrorFormat;

/** Seed 003's failure body with API.md's error object: {@code {"success": false, "message", "error": {...}}}. Stateless. */
public final class WebhookErrors implements ErrorFormat
{
    public static final ErrorFormat FORMAT = new WebhookErrors();

    private WebhookErrors()
    {
    }

    @Override
    public void write(final JsonWriter json, final String code, final String message, final String field)
    {
        json.startObject();
        json.name("success").bool(false);
        json.name("message").string(message);
        ApiErrors.member(json, code, message, field);
        json.endObject();
    }
}
