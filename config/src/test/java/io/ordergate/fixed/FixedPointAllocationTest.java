package io.ordergate.fixed;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/** The hot-path methods must not allocate: measured with the JVM's per-thread allocation counter. */
class FixedPointAllocationTest
{
    private static final int ROUNDS = 100_000;

    private final UnsafeBuffer text = new UnsafeBuffer("-1.5e-3|92233720368.54775807|1.084201".getBytes(
        StandardCharsets.US_ASCII));
    private final char[] chars = "67265.00".toCharArray();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[64]);
    private final String string = "1.08420";

    @Test
    void shouldParseFormatAndMultiplyWithoutAllocating()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs per-thread allocation counters");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        final long thread = Thread.currentThread().getId();

        long sink = work();  // warm up: class loading and the counter itself may allocate once
        threads.getThreadAllocatedBytes(thread);
        final long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10; i++)
        {
            sink += work();
        }
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        // One allocation per call would be >= 16 bytes x 10 million calls; a few bytes can come from the JIT
        // swapping in compiled code, so the bound is "far below one object per thousand calls".
        assertTrue(allocated < 1024, "bytes allocated: " + allocated + " (sink " + sink + ")");
    }

    private long work()
    {
        long sum = 0;
        for (int i = 0; i < ROUNDS; i++)
        {
            sum += FixedPoint.parse(text, 0, 7, 4);
            sum += FixedPoint.parse(text, 8, 20, 8);
            sum += FixedPoint.parse(text, 29, 8, 5);
            sum += FixedPoint.parse(chars, 0, chars.length, 2);
            sum += FixedPoint.parse(string, 5);
            sum += FixedPoint.putDecimal(out, 0, sum, 5);
            sum += FixedPoint.putDecimalTrimmed(out, 0, i * 100L, 5);
            sum += FixedPoint.mulDiv((sum & 0xFFFF_FFFFL) | 1, 1_000_003L + i, 7);
            sum += FixedPoint.mulDiv(Long.MAX_VALUE - i, 3, 5);
            sum += FixedPoint.rescale(i, 8, 2);
        }
        return sum;
    }
}
