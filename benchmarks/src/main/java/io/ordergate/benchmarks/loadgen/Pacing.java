package io.ordergate.benchmarks.loadgen;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.netty.channel.EventLoop;

/**
 * How the generator hands each request of a phase to its event loop at the request's planned time. Open loop either
 * way: it never waits for answers, so a stalled server's requests queue on their connections and count from their plan.
 */
enum Pacing
{
    /**
     * The event loop paces itself: a scheduled task hands what is due to the connections and schedules itself for the
     * next planned request. A request then costs the generator one thread's wake-up, not a pacer's and a loop's: on a
     * 2-vCPU machine that shares its cores with the server, the generator's own CPU is CPU the server waits for.
     * Needs Netty's native epoll transport, whose loop sleeps on a timerfd to the nanosecond (NIO's selector sleeps in
     * whole milliseconds).
     */
    LOOP("loop")
    {
        @Override
        void pace(final EventLoop loop, final PhaseStats stats, final Handoff handoff, final BooleanSupplier running)
            throws InterruptedException
        {
            final LoopPacer pacer = new LoopPacer(loop, stats, handoff, running);
            loop.schedule(pacer, stats.schedule.startNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
            pacer.handedAll.await();
            if (pacer.failure != null)
            {
                throw new IllegalStateException("the event loop stopped pacing: " + pacer.failure, pacer.failure);
            }
        }
    },

    /**
     * A pacing thread (the caller) parks until requests are due and hands each batch to the event loop with
     * {@code execute}: per batch a timed park of the pacer (50 us of timer slack) and a wake-up of the loop. The
     * generator's only way until 2026-12-06, with NIO; kept to compare with the numbers measured with it.
     */
    THREAD("thread")
    {
        @Override
        void pace(final EventLoop loop, final PhaseStats stats, final Handoff handoff, final BooleanSupplier running)
        {
            final Schedule schedule = stats.schedule;
            // The wait for the start is here, not in the loop: the loop then runs only what a phase at the rate runs, the code
            // the warm-up compiled (dueCount's before-the-start answer, taken once per phase, threw it back to the interpreter).
            for (long now = System.nanoTime(); now < schedule.startNanos(); now = System.nanoTime())
            {
                LockSupport.parkNanos(schedule.startNanos() - now);
            }
            long handed = 0;
            final long total = schedule.total();
            while (handed < total && running.getAsBoolean())
            {
                final long now = System.nanoTime();
                final long due = schedule.dueCount(now);
                if (due > handed)
                {
                    final long from = handed;
                    final long to = due;
                    loop.execute(() -> handoff.assign(schedule, from, to));
                    stats.handed(from, to, now);
                    handed = due;
                }
                else
                {
                    LockSupport.parkNanos(schedule.plannedNanos(handed) - now);
                }
            }
        }
    };

    /** The name on the command line ({@code --pacer}) and in the summary. */
    final String label;

    Pacing(final String label)
    {
        this.label = label;
    }

    /** Loop where the epoll transport loads, else the thread. */
    static Pacing defaultHere()
    {
        return LoadTransport.epollLoads() ? LOOP : THREAD;
    }

    /** Hands every request of the phase to {@code loop} at its planned time; returns once the last is handed (or {@code running} turned false). */
    abstract void pace(EventLoop loop, PhaseStats stats, Handoff handoff, BooleanSupplier running) throws InterruptedException;

    /** On the event loop: requests [from, to) of the schedule are due; give them to the connections. */
    interface Handoff
    {
        void assign(Schedule schedule, long from, long to);
    }

    /** {@link #LOOP}'s task: runs on the event loop at each planned time, then schedules itself for the next. */
    private static final class LoopPacer implements Runnable
    {
        private final EventLoop loop;
        private final PhaseStats stats;
        private final Schedule schedule;
        private final Handoff handoff;
        private final BooleanSupplier running;
        private final CountDownLatch handedAll = new CountDownLatch(1);
        private long handed;
        /** What stopped the pacing, for the waiting thread; null while it goes on or once it ended normally. */
        private volatile Throwable failure;

        LoopPacer(final EventLoop loop, final PhaseStats stats, final Handoff handoff, final BooleanSupplier running)
        {
            this.loop = loop;
            this.stats = stats;
            this.schedule = stats.schedule;
            this.handoff = handoff;
            this.running = running;
        }

        @Override
        public void run()
        {
            try
            {
                handDue();
            }
            catch (final RuntimeException | Error ex)
            {
                failure = ex;  // never left waiting for a task that will not come again
                handedAll.countDown();
                throw ex;
            }
        }

        private void handDue()
        {
            final long now = System.nanoTime();
            final long due = schedule.dueCount(now);
            if (due > handed)
            {
                stats.handed(handed, due, now);
                handoff.assign(schedule, handed, due);
                handed = due;
            }
            if (handed >= schedule.total() || !running.getAsBoolean())
            {
                handedAll.countDown();
                return;
            }
            loop.schedule(this, schedule.plannedNanos(handed) - now, TimeUnit.NANOSECONDS);
        }
    }
}
