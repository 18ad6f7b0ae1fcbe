package io.ordergate.gateway.users;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open WebSockets per user ({@code auth.max_websockets_per_user}, 10 by default), for the streams that upgrade a
 * signed-in user's connection: {@link #tryOpen} before the upgrade, {@link #closed} when the channel closes.
 * Thread safe, lock-free on the counting path.
 */
public final class WebSocketCounter
{
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final int max;

    public WebSocketCounter(final int max)
    {
        this.max = max;
    }

    /** @return true, counting it, when the user may open one more; false at the limit */
    public boolean tryOpen(final String userId)
    {
        final AtomicInteger count = open.computeIfAbsent(userId, id -> new AtomicInteger());
        while (true)
        {
            final int now = count.get();
            if (now >= max)
            {
                return false;
            }
            if (count.compareAndSet(now, now + 1))
            {
                return true;
            }
        }
    }

    /** One the user opened has closed. */
    public void closed(final String userId)
    {
        final AtomicInteger count = open.get(userId);
        if (count != null)
        {
            count.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    public int openCount(final String userId)
    {
        final AtomicInteger count = open.get(userId);
        return count == null ? 0 : count.get();
    }

    public int max()
    {
        return max;
    }
}
