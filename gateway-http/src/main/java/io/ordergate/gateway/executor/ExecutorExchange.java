package io.ordergate.gateway.executor;

/**
 * What the reply stage needs to answer an executor route: which error format, and the secret of a new executor
 * (shown once, in the 201, never journaled or logged). Immutable.
 */
record ExecutorExchange(boolean seedFormat, String apiSecret)
{
    static final ExecutorExchange SEED = new ExecutorExchange(true, null);
    static final ExecutorExchange ADMIN = new ExecutorExchange(false, null);

    @Override
    public String toString()
    {
        return "ExecutorExchange{seedFormat=" + seedFormat + "}";
    }
}
