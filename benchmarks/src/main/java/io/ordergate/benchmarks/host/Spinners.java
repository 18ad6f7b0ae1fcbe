package io.ordergate.benchmarks.host;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Threads that do nothing but arithmetic until stopped, counting the rounds they got through (the CPU they were given). */
final class Spinners
{
    private static final int STEPS_PER_ROUND = 10_000;

    private final Thread[] threads;
    private final AtomicBoolean going = new AtomicBoolean(true);
    private final AtomicLong rounds = new AtomicLong();

    Spinners(final int count)
    {
        threads = new Thread[count];
        for (int i = 0; i < count; i++)
        {
            final long seed = i + 1;
            threads[i] = new Thread(() -> spin(seed), "spinner-" + i);
            threads[i].setDaemon(true);
        }
    }

    void start()
    {
        for (final Thread thread : threads)
        {
            thread.start();
        }
    }

    /** Stops the threads; the rounds all of them got through. */
    long stop() throws InterruptedException
    {
        going.set(false);
        for (final Thread thread : threads)
        {
            thread.join();
        }
        return rounds.get();
    }

    private void spin(final long seed)
    {
        long x = seed;
        long done = 0;
        while (going.get())
        {
            for (int step = 0; step < STEPS_PER_ROUND; step++)
            {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            done++;
        }
        rounds.addAndGet(done + (x == 0 ? 1 : 0));  // x read, so the loop is not removed as dead code
    }
}
