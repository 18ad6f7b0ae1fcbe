package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Counts the bytes this thread allocates around a batch of appends (or a replay) after warm-up.
 *
 * <pre>
 *   warm-up: 50_000 appends ─► measure: allocated(thread) before ─► 10_000 appends ─► allocated(thread) after
 * </pre>
 * The bound is per batch, not per append: 64 KiB over 10_000 appends is under 7 bytes an append, so an allocation
 * on every append (an array, a lambda, a boxed long: 16 bytes or more) fails it.
 */
class JournalAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 10_000;
    private static final long BOUND_BYTES = 64 * 1024;

    private static com.sun.management.ThreadMXBean threads;

    @TempDir
    Path directory;

    @BeforeAll
    static void allocationCountingIsOn()
    {
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        assertTrue(threads.isThreadAllocatedMemoryEnabled());
    }

    @Test
    void shouldNotAllocatePerAppendInSteadyState()
    {
        try (Journal journal = Journal.open(directory))
        {
            JournalAppender appender = journal.appender();
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            appendMany(appender, buffer, WARM_UP);
            long allocated = allocatedBy(() -> appendMany(appender, buffer, MEASURED));
            System.out.printf("appends: %d bytes allocated for %d appends (%.2f per append)%n",
                    allocated, MEASURED, (double) allocated / MEASURED);
            assertTrue(allocated < BOUND_BYTES, allocated + " bytes allocated by " + MEASURED + " appends");
            assertEquals(WARM_UP + MEASURED, journal.replay((b, o, l, i) -> { }));
        }
    }

    @Test
    void shouldNotAllocatePerRecordOnReplay()
    {
        try (Journal journal = Journal.open(directory))
        {
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            appendMany(journal.appender(), buffer, MEASURED);
            long[] sum = {0};
            RecordHandler handler = (b, offset, length, index) -> sum[0] += b.getByte(offset + length - 1);
            journal.replay(handler); // warm-up
            long warmReplayAllocated = allocatedBy(() -> journal.replay(handler));
            appendMany(journal.appender(), buffer, 10 * MEASURED);
            long tenTimesLongerAllocated = allocatedBy(() -> journal.replay(handler));
            System.out.printf("replay: %d bytes for %d records, %d bytes for %d records%n",
                    warmReplayAllocated, MEASURED, tenTimesLongerAllocated, 11 * MEASURED);
            // A replay allocates its tailer; what it allocates must not grow with the number of records.
            assertTrue(tenTimesLongerAllocated - warmReplayAllocated < BOUND_BYTES,
                    "replay of " + 11 * MEASURED + " records allocated " + tenTimesLongerAllocated
                            + " bytes, of " + MEASURED + ": " + warmReplayAllocated);
        }
    }

    private static void appendMany(final JournalAppender appender, final UnsafeBuffer buffer, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            buffer.putInt(0, i);
            appender.append(buffer, 0, 16 + (i & 127));
        }
    }

    private static long allocatedBy(final Runnable work)
    {
        long threadId = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(threadId);
        work.run();
        return threads.getThreadAllocatedBytes(threadId) - before;
    }
}
