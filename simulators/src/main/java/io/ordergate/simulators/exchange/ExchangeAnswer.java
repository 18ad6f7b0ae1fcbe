package io.ordergate.simulators.exchange;

/**
 * What a route answers: the status and JSON body, the weight the route cost and whether it counted an order (for the
 * usage headers), or {@link #SILENT} for a request the exchange never answers (the no-answer fault). Immutable.
 */
record ExchangeAnswer(int status, String json, long retryAfterSeconds, boolean countsOrder)
{
    static final ExchangeAnswer SILENT = new ExchangeAnswer(0, null, 0, true);

    static ExchangeAnswer ok(final Object body)
    {
        return new ExchangeAnswer(200, io.ordergate.simulators.SimulatorJson.write(body), 0, false);
    }

    static ExchangeAnswer order(final int status, final String json)
    {
        return new ExchangeAnswer(status, json, 0, true);
    }

    static ExchangeAnswer error(final ExchangeError error, final boolean countsOrder)
    {
        return new ExchangeAnswer(error.status, error.json(), error.retryAfterSeconds, countsOrder);
    }
}
