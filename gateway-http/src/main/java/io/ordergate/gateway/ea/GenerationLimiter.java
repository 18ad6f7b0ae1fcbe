package io.ordergate.gateway.ea;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.gateway.core.ChannelFlushes;
import io.ordergate.gateway.core.ReplyListener;

/**
 * Seed 002's EA generation limit, {@code ea.generations_per_hour} (20) per principal in any rolling hour: checked and
 * counted on the event loop before the slow generation starts, and rebuilt at replay from the journaled generations
 * (so a restart does not reset it). Thread safe (a lock per principal's window).
 */
final class GenerationLimiter implements ReplyListener
{
    private static final long HOUR_MILLIS = 3_600_000L;

    private final int perHour;
    private final ConcurrentHashMap<Integer, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    GenerationLimiter(final int perHour)
    {
        this.perHour = perHour;
    }

    /**
     * Counts one generation now, if allowed.
     *
     * @return 0 when allowed, else the seconds until the oldest in the window leaves it
     */
    int acquire(final int principal, final long nowMillis)
    {
        final ArrayDeque<Long> window = windows.computeIfAbsent(principal, p -> new ArrayDeque<>());
        synchronized (window)
        {
            while (!window.isEmpty() && window.peekFirst() <= nowMillis - HOUR_MILLIS)
            {
                window.pollFirst();
            }
            if (window.size() >= perHour)
            {
                return (int)Math.max(1, (window.peekFirst() + HOUR_MILLIS - nowMillis + 999) / 1000);
            }
            window.addLast(nowMillis);
            return 0;
        }
    }

    int perHour()
    {
        return perHour;
    }

    @Override
    public void onReplayed(final CommandEvent event)
    {
        if (event.type == CommandType.EA_GENERATE && event.result != null && event.result.isSuccess())
        {
            acquire(event.principal(), event.wallMicros() / 1000);  // what was generated within the last hour still counts
        }
    }

    @Override
    public void onResult(final CommandEvent event, final ChannelFlushes flushes)
    {
        // counted when the request came, before its generation
    }
}
