package io.ordergate.gateway.json;

import io.ordergate.engine.command.ResultCode;

/**
 * A request the gateway refuses before it reaches the ring: 400 with a code, a message and maybe the field at
 * fault. Thrown on the error path only, without a stack trace (the message says everything). Immutable.
 */
public final class BadRequest extends Exception
{
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final String field;
    private final int retryAfterSeconds;

    public BadRequest(final ResultCode code, final String message, final String field)
    {
        this(code, message, field, 0);
    }

    /** A refusal answered with a {@code Retry-After} header of {@code retryAfterSeconds} (429 limits). */
    public BadRequest(final ResultCode code, final String message, final String field, final int retryAfterSeconds)
    {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static BadRequest validation(final String field, final String message)
    {
        return new BadRequest(ResultCode.VALIDATION_ERROR, message, field);
    }

    public static BadRequest invalidJson(final String message)
    {
        return new BadRequest(ResultCode.INVALID_JSON, message, null);
    }

    public ResultCode code()
    {
        return code;
    }

    /** Seconds for a {@code Retry-After} header, or 0 for none. */
    public int retryAfterSeconds()
    {
        return retryAfterSeconds;
    }

    /** The request field at fault, or null. */
    public String field()
    {
        return field;
    }
}
