package io.ordergate.gateway.executors;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Counts the log lines of one class's logger that contain a phrase, from creation until closed. Thread safe. */
final class LogLines extends Handler implements AutoCloseable
{
    private final Logger log;
    private final String phrase;
    private final AtomicInteger count = new AtomicInteger();

    LogLines(final Class<?> of, final String phrase)
    {
        this.log = Logger.getLogger(of.getName());
        this.phrase = phrase;
        log.addHandler(this);
    }

    int count()
    {
        return count.get();
    }

    @Override
    public void publish(final LogRecord record)
    {
        if (record.getMessage() != null && record.getMessage().contains(phrase))
        {
            count.incrementAndGet();
        }
    }

    @Override
    public void flush()
    {
    }

    @Override
    public void close()
    {
        log.removeHandler(this);
    }
}
