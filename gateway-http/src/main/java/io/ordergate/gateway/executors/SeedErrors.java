package io.ordergate.gateway.executors;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;
import io.ordergate.gateway.core.ErrorFormat;

/**
 * Seed 000's error body, {@code {"error": "Invalid API credentials", "code": "INVALID_CREDENTIALS"}}, with its wording
 * for the codes its document names and its status for EXECUTOR_OFFLINE (400); executors in the field parse exactly
 * this. Stateless.
 */
public final class SeedErrors implements ErrorFormat
{
    public static final ErrorFormat FORMAT = new SeedErrors();

    private SeedErrors()
    {
    }

    @Override
    public void write(final JsonWriter json, final String code, final String message, final String field)
    {
        json.startObject().name("error").string(message).name("code").string(code).endObject();
    }

    @Override
    public int status(final ResultCode code)
    {
        return code == ResultCode.EXECUTOR_OFFLINE ? 400 : code.httpStatus();
    }

    @Override
    public String message(final ResultCode code, final String message)
    {
        switch (code)
        {
            case INVALID_CREDENTIALS: return "Invalid API credentials";
            case EXECUTOR_NOT_FOUND: return "Executor not found";
            case RATE_LIMIT_EXCEEDED: return "Rate limit exceeded";
            case EXECUTOR_OFFLINE: return "Executor is not connected";
            default: return message != null ? message : code.defaultMessage();
        }
    }
}
