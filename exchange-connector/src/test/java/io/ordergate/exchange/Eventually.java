package io.ordergate.exchange;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Polls a condition with a deadline (never a bare sleep standing in for synchronisation). */
final class Eventually
{
    private Eventually()
    {
    }

    static void holds(final String what, final Callable<Boolean> condition) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline)
        {
            if (condition.call())
            {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not within 10 s: " + what);
    }
}
