package io.ordergate.gateway.streams;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Work the stream sockets' event loops hand the fan-out thread (it owns the subscriptions), all sockets together. The
 * per-socket limits do not bound it (a quote subscribe or an unsubscribe owes no reply the socket counts, and each socket
 * has its own limit), so it has a bound of its own, {@code streams.max_pending_requests}: past it work is refused, and a
 * fan-out that falls behind holds a bounded queue, not the heap. Thread safe: {@link #offer} and {@link #add} from any
 * event loop, {@link #runAll} on the fan-out thread.
 */
final class FanOutRequests
{
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    /** Work queued and not yet run. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final int maxPending;
    /** Wakes the fan-out thread for the queue (it sleeps on an idle gateway). */
    private volatile Runnable fanOutWaker = () -> { };

    FanOutRequests(final int maxPending)
    {
        this.maxPending = maxPending;
    }

    void wakeWith(final Runnable waker)
    {
        fanOutWaker = waker;
    }

    /** Queues {@code work} and wakes the fan-out; false, nothing queued and the refusal counted, when {@code maxPending} wait. */
    boolean offer(final Runnable work)
    {
        if (pending.incrementAndGet() > maxPending)
        {
            pending.decrementAndGet();
            refused.incrementAndGet();
            return false;
        }
        queue.add(work);
        fanOutWaker.run();
        return true;
    }

    /** Queues {@code work} whatever waits: for work that must never be refused and comes at most once per socket (its close). */
    void add(final Runnable work)
    {
        pending.incrementAndGet();
        queue.add(work);
        fanOutWaker.run();
    }

    /** Runs what was queued, oldest first. Fan-out thread. */
    void runAll()
    {
        Runnable work;
        while ((work = queue.poll()) != null)
        {
            pending.decrementAndGet();
            work.run();
        }
    }

    /** Work refused since start-up. */
    long refused()
    {
        return refused.get();
    }
}
