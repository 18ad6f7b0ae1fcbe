package io.ordergate.gateway.streams;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

import io.netty.util.concurrent.EventExecutor;

/**
 * Quotes written to the sockets of one event loop in bounded turns (issue 12: 1,000 subscribers). A quote pass touches
 * every subscribed socket at once; writing them all in one go holds the loop, and a core, for milliseconds (a write
 * and a flush per socket): on the HTTP loop ({@code streams.event_loop_threads: 0}) every order that arrived then
 * waited behind the whole pass, and on a stream loop of its own the burst still takes a core from the order path on a
 * two-core machine (measured: unpaced 1.70x, paced 1.49x the order p99). Here the sockets a pass touched wait in a
 * queue, and the loop writes them in turns of
 * at most {@code turn} (checked after each socket), then leaves a pause of {@code pause} in which it reads and answers
 * whatever else came, so the pass is spread over a few tens of milliseconds instead of taken in one burst.
 *
 * <pre>
 *   fan-out thread: pass ends -&gt; offer(socket) x N -&gt; loop.execute(this) once
 *   event loop:     [turn: drain sockets until turn is spent] pause [turn] pause ... until the queue is empty
 * </pre>
 * A socket still waiting when the next pass comes is not queued twice: its outbox slot already holds the newer quote
 * (newest wins), which it writes at its turn. Messages that must arrive (orders, positions, accounts) never wait
 * here: the socket drains at once for them ({@link StreamSocket#push}), writing any quote it holds with them. With
 * {@code turn} 0 every socket is drained at once, as before pacing. Thread safe: the fan-out thread offers (one
 * producer at a time; the queue takes many), the event loop drains.
 */
final class PacedDrains implements Runnable
{
    /** A socket the loop writes for. */
    interface Target
    {
        /** True while the target waits in a queue (set by {@link #offer}, cleared before it is drained). */
        AtomicBoolean pacing();

        /** Writes what is pending, now (event loop). */
        void drainNow();

        /** Asks its event loop to write what is pending as soon as it can (any thread). */
        void drainSoon();
    }

    private final EventExecutor loop;
    private final ManyToOneConcurrentArrayQueue<Target> waiting;
    private final long turnNanos;
    private final long pauseNanos;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable paused;

    /** {@code paused} is run (on the loop) each time a turn ends with targets still waiting. */
    PacedDrains(final EventExecutor loop, final int capacity, final long turnMicros, final long pauseMicros, final Runnable paused)
    {
        this.loop = loop;
        this.paused = paused;
        this.waiting = new ManyToOneConcurrentArrayQueue<>(Math.max(2, capacity));
        this.turnNanos = TimeUnit.MICROSECONDS.toNanos(turnMicros);
        this.pauseNanos = TimeUnit.MICROSECONDS.toNanos(pauseMicros);
    }

    /** Queues a target for its loop's next turns (fan-out thread); once, however often offered before its turn. */
    void offer(final Target target)
    {
        if (turnNanos == 0)
        {
            target.drainSoon();
            return;
        }
        if (!target.pacing().compareAndSet(false, true))
        {
            return;  // waiting already: its outbox holds the newest quote, written at its turn
        }
        if (!waiting.offer(target))
        {
            target.pacing().set(false);  // more sockets than the queue holds: this one is written at once
            target.drainSoon();
            return;
        }
        if (scheduled.compareAndSet(false, true))
        {
            loop.execute(this);
        }
    }

    /** Targets waiting for a turn. */
    int waiting()
    {
        return waiting.size();
    }

    /** One turn (event loop): drains targets until the turn is spent, then pauses, or ends when none wait. */
    @Override
    public void run()
    {
        final long end = System.nanoTime() + turnNanos;
        Target target;
        while ((target = waiting.poll()) != null)
        {
            target.pacing().set(false);
            target.drainNow();
            if (System.nanoTime() - end >= 0 && !waiting.isEmpty())
            {
                // A scheduled task runs only on a later pass of the loop, after the I/O that came meanwhile.
                loop.schedule(this, pauseNanos, TimeUnit.NANOSECONDS);
                paused.run();
                return;
            }
        }
        scheduled.set(false);
        if (!waiting.isEmpty() && scheduled.compareAndSet(false, true))
        {
            loop.execute(this);  // offered between the last poll and the flag's reset
        }
    }
}
