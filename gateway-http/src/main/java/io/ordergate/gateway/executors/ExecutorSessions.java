package io.ordergate.gateway.executors;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The open WebSocket of each executor, by engine index: at most one; a new connection replaces (and closes) the
 * old. Thread safe: event loops register and remove, the reply stage looks up.
 */
public final class ExecutorSessions
{
    private final ConcurrentHashMap<Integer, ExecutorSocket> byIndex = new ConcurrentHashMap<>();

    void open(final int executorIndex, final ExecutorSocket socket)
    {
        final ExecutorSocket previous = byIndex.put(executorIndex, socket);
        if (previous != null && previous != socket)
        {
            previous.close("replaced by a new connection");
        }
    }

    void closed(final int executorIndex, final ExecutorSocket socket)
    {
        byIndex.remove(executorIndex, socket);
    }

    ExecutorSocket get(final int executorIndex)
    {
        return byIndex.get(executorIndex);
    }

    /** Whether the executor of this engine index has a WebSocket open now. */
    public boolean isOpen(final int executorIndex)
    {
        return byIndex.containsKey(executorIndex);
    }

    public int size()
    {
        return byIndex.size();
    }
}
