package io.ordergate.exchange.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cancels that reached a session before their order did. A placement waits for its link's instrument check, and the
 * connector's I/O threads may take an order's cancel before its placement: the exchange answers that cancel "no such
 * order", and the order, placed a moment later, would rest although it was cancelled. So a cancel of an order the
 * session does not follow is noted here, and the placement that comes for it takes the note and cancels once the
 * exchange has it. A note is kept as long as a "not found" order is waited for ({@link OrderSession.Settings}), so
 * cancels of orders that never come (done, or never sent) do not pile up. Thread safe: a concurrent set.
 */
final class CancelsAhead
{
    private final Set<String> clientOrderIds = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler;
    private final long keepMillis;

    CancelsAhead(final ScheduledExecutorService scheduler, final long keepMillis)
    {
        this.scheduler = scheduler;
        this.keepMillis = keepMillis;
    }

    /** A cancel of an order the session does not follow (yet). */
    void note(final String clientOrderId)
    {
        if (clientOrderIds.add(clientOrderId))
        {
            scheduler.schedule(() -> clientOrderIds.remove(clientOrderId), keepMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the order now being placed was cancelled before it came (the note is taken). */
    boolean take(final String clientOrderId)
    {
        return clientOrderIds.remove(clientOrderId);
    }

    /** The notes of the session this one replaces (a new link): its orders are placed here now. */
    void adopt(final CancelsAhead previous)
    {
        clientOrderIds.addAll(previous.clientOrderIds);
    }
}
