package io.ordergate.gateway.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * HTTP responses by status class (1xx..5xx), and how many answers and executor frames the reply thread wrote itself. Thread safe: counted by every
 * event loop and the reply thread, where each response is made; read by anyone.
 */
public final class HttpStatusCounts
{
    private final LongAdder[] byClass = new LongAdder[6];
    private final LongAdder writtenByReplyThread = new LongAdder();
    private final LongAdder framesByReplyThread = new LongAdder();

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

    /**
     * An answer the reply thread writes to its socket itself, not through the connection's event loop (all of it, or what
     * the socket takes and the rest through the loop); counted before its bytes can reach the client.
     */
    public void countWrittenByReplyThread()
    {
        writtenByReplyThread.increment();
    }

    public long writtenByReplyThread()
    {
        return writtenByReplyThread.sum();
    }

    /** Executor WebSocket frames the reply thread writes to their socket itself, counted before they can reach the executor. */
    public void countFramesByReplyThread(final int frames)
    {
        framesByReplyThread.add(frames);
    }

    public long framesByReplyThread()
    {
        return framesByReplyThread.sum();
    }

    /** @param statusClass 1 to 5 */
    public long ofClass(final int statusClass)
    {
        return byClass[statusClass].sum();
    }
}
