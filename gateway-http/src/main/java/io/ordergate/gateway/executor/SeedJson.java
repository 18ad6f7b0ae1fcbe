package io.ordergate.gateway.executor;

import java.nio.charset.StandardCharsets;

import io.ordergate.engine.command.ResultCode;

/**
 * Error bodies: seed 000's {@code {"error": "...", "code": "..."}} for the executor routes, API.md's
 * {@code {"error": {"code", "message", "field"?}}} for the admin routes. Stateless; error paths may allocate.
 */
final class SeedJson
{
    private SeedJson()
    {
    }

    /** Seed 000's message for a code, as its document writes them. */
    static String seedMessage(final ResultCode code, final String message)
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

    /** Seed 000 status: its table says 400 for EXECUTOR_OFFLINE; every other code keeps API.md's status. */
    static int seedStatus(final ResultCode code)
    {
        return code == ResultCode.EXECUTOR_OFFLINE ? 400 : code.httpStatus();
    }

    static byte[] seedError(final ResultCode code, final String message)
    {
        return seedError(code.name(), seedMessage(code, message));
    }

    static byte[] seedError(final String code, final String message)
    {
        return ("{\"error\":" + quote(message) + ",\"code\":" + quote(code) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] rateLimited(final int retryAfter)
    {
        return ("{\"error\":\"Rate limit exceeded\",\"code\":\"RATE_LIMIT_EXCEEDED\",\"retryAfter\":" + retryAfter + "}")
            .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] apiError(final String code, final String message, final String field)
    {
        return io.ordergate.gateway.http.ErrorJson.bytes(code, message, field);
    }

    /** A WebSocket error message: seed 000's error body with a type. */
    static byte[] socketError(final String code, final String message)
    {
        return ("{\"type\":\"error\",\"error\":" + quote(message) + ",\"code\":" + quote(code) + "}").getBytes(StandardCharsets.UTF_8);
    }

    static String quote(final String text)
    {
        return io.ordergate.gateway.http.JsonText.quote(text);
    }
}
