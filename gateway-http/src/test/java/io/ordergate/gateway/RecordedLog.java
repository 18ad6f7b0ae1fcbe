package io.ordergate.gateway;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one class's logger writes from creation until closed, in order. Thread safe. */
public final class RecordedLog extends Handler implements AutoCloseable
{
    private final Logger log;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public RecordedLog(final Class<?> of)
    {
        this.log = Logger.getLogger(of.getName());
        log.addHandler(this);
    }

    public List<LogRecord> records()
    {
        return records;
    }

    public List<String> messages()
    {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void publish(final LogRecord record)
    {
        records.add(record);
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
