package io.ordergate.gateway.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP responses by status class (1xx..5xx). Thread safe: counted by every event loop and the reply thread, where each
 * response is made; read by anyone.
 */
public final class HttpStatusCounts
{
    private final LongAdder[] byClass = new LongAdder[6];

    public HttpStatusCounts()
    {
        for (int i = 1; i < byClass.length; i++)
        {
            byClass[i] = new LongAdder();
        }
    }

    public void count(final int status)
    {
        final int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5)
        {
            byClass[statusClass].increment();
        }
    }

    /** @param statusClass 1 to 5 */
    public long ofClass(final int statusClass)
    {
        return byClass[statusClass].sum();
    }
}
