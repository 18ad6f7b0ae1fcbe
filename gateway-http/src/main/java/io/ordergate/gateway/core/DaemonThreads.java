package io.ordergate.gateway.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's helper threads (mail, password hashing, exchange I/O, webhook delivery, fan-out...): daemons, so only
 * the event loops decide when the process may end, and named, so a thread dump or {@code chrt}/{@code top -H} shows
 * whose work it is.
 */
public final class DaemonThreads
{
    private DaemonThreads()
    {
    }

    /** Every thread it makes is called {@code name}. */
    public static ThreadFactory named(final String name)
    {
        return runnable -> unstarted(name, runnable);
    }

    /** Its threads are called {@code prefix1}, {@code prefix2}... */
    public static ThreadFactory numbered(final String prefix)
    {
        final AtomicInteger next = new AtomicInteger();
        return runnable -> unstarted(prefix + next.incrementAndGet(), runnable);
    }

    /** A daemon thread to run {@code body}, not yet started. */
    public static Thread unstarted(final String name, final Runnable body)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }
}
