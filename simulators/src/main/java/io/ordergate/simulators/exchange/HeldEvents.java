package io.ordergate.simulators.exchange;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One user-data socket's events held back by {@link Faults#delayUserStreams}, handed out in the order they were pushed.
 *
 * <p>Why not one Netty scheduled write per event: a task scheduled from outside the event loop while the loop is awake
 * is queued lazily (no wake-up) in the loop's plain task queue, not its scheduled queue. If the loop then sleeps until
 * the earlier events' deadline, it wakes to find that task ahead of them, past its own deadline, and runs it first:
 * the fill's balance update reached the client before the placement's, leaving the placement's amounts as the last
 * word. So each push schedules a drain, and whichever drain runs first takes every event then due, oldest first.
 *
 * <p>Thread safe: the market's threads hold, the socket's event loop takes.
 */
final class HeldEvents
{
    private record Held(long dueNanos, String text)
    {
    }

    private final ArrayDeque<Held> held = new ArrayDeque<>();

    /** Holds {@code text} until {@code delayNanos} from now (read under the lock, so the due times never go backwards). */
    synchronized void hold(final String text, final long delayNanos)
    {
        held.addLast(new Held(System.nanoTime() + delayNanos, text));
    }

    /** Takes the events due at {@code nowNanos}, oldest first (none: an empty list). */
    synchronized List<String> takeDue(final long nowNanos)
    {
        final List<String> due = new ArrayList<>();
        for (Held first = held.peekFirst(); first != null && first.dueNanos() - nowNanos <= 0; first = held.peekFirst())
        {
            due.add(held.removeFirst().text());
        }
        return due;
    }
}
