package io.ordergate.gateway.testing;

import java.lang.management.ManagementFactory;

/**
 * Bytes the calling thread allocates around a piece of work, for the allocation tests: the fewest of up to N rounds,
 * stopping at the first under the bound, as on a busy machine the JIT may not have compiled the loop after one warm-up
 * round (2 KB a request was seen in CI: once after one round, and once in all of five, on 2026-12-06, with the test
 * JVM's C2 queue full of the other test classes' methods). An allocation per request or per message shows in every
 * round, so a bound on the fewest still catches it; a warm loop stops at the first round.
 */
public final class ThreadAllocation
{
    /** Work whose allocation is measured; it may check what it did and throw. */
    @FunctionalInterface
    public interface Work
    {
        void run() throws Exception;
    }

    private ThreadAllocation()
    {
    }

    /** The fewest bytes allocated by one run of {@code work} in up to {@code rounds} runs, stopping at the first under {@code bound}. */
    public static long fewestBytes(final int rounds, final long bound, final Work work) throws Exception
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long fewest = Long.MAX_VALUE;
        for (int round = 0; round < rounds && fewest >= bound; round++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            work.run();
            fewest = Math.min(fewest, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return fewest;
    }
}
