package io.ordergate.simulators.exchange;

/**
 * A refusal in the exchange's own words: the HTTP status and Binance's {@code {"code": -1121, "msg": "Invalid symbol."}}.
 * Thrown by request checks and the market, turned into the answer by {@link RestRouter}. Immutable.
 */
final class ExchangeError extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    final int status;
    final int code;
    /** Seconds for a {@code Retry-After} header (429, 418), or 0 for none. */
    final long retryAfterSeconds;

    ExchangeError(final int status, final int code, final String message)
    {
        this(status, code, message, 0);
    }

    ExchangeError(final int status, final int code, final String message, final long retryAfterSeconds)
    {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ExchangeError badRequest(final int code, final String message)
    {
        return new ExchangeError(400, code, message);
    }

    static ExchangeError mandatory(final String name)
    {
        return badRequest(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    static ExchangeError notRequired(final String name)
    {
        return badRequest(-1106, "Parameter '" + name + "' sent when not required.");
    }

    static ExchangeError filter(final String filterType)
    {
        return badRequest(-1013, "Filter failure: " + filterType);
    }

    static ExchangeError newOrderRejected(final String message)
    {
        return badRequest(-2010, message);
    }

    static ExchangeError noSuchOrder()
    {
        return badRequest(-2013, "Order does not exist.");
    }

    static ExchangeError cancelRejected()
    {
        return badRequest(-2011, "Unknown order sent.");
    }

    static ExchangeError invalidSymbol()
    {
        return badRequest(-1121, "Invalid symbol.");
    }

    String json()
    {
        return "{\"code\":" + code + ",\"msg\":" + io.ordergate.simulators.SimulatorJson.write(getMessage()) + "}";
    }
}
