package io.ordergate.gateway.core;

import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.view.JsonWriter;

/**
 * How a route's errors look: API.md's {@code {"error": {"code", "message", "field"?}}} ({@link #API}) unless a seed's
 * programs expect their own (seed 000's executors, seed 003's TradingView webhook). Every route row names one; the
 * core and the feature's answers render every refusal of that route through it. Implementations are stateless.
 */
public interface ErrorFormat
{
    /**
     * API.md's error body. Constructed here, not read from a field of {@link ApiErrors}: initialising that class first
     * initialises this interface (it has default methods) in the middle, which would read the field while still null.
     */
    ErrorFormat API = new ApiErrors();

    /** Writes the whole error body. */
    void write(JsonWriter json, String code, String message, String field);

    /** The HTTP status of a result code: API.md's table, unless the seed's own table differs. */
    default int status(final ResultCode code)
    {
        return code.httpStatus();
    }

    /** The message for a result code: the one given (or the code's default) unless the seed fixes its own wording. */
    default String message(final ResultCode code, final String message)
    {
        return message != null ? message : code.defaultMessage();
    }
}
