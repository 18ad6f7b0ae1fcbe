package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM appends in a tight loop and acknowledges each append on stdout; the test SIGKILLs it and checks that
 * the next open keeps every acknowledged record intact and appends after them.
 *
 * <pre>
 *   child: append(n) ─► "acked n" ─► append(n+1) ─► ...   ◄── SIGKILL, maybe mid-append
 *   test:  reads acks until n >= target ─► kill ─► open ─► replay 0..m (m >= n, contiguous, checksums) ─► append m+1
 * </pre>
 */
class JournalKillTest
{
    private static final int ACKS_PER_CYCLE = 2000;
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path directory;

    @Test
    void shouldKeepEveryAcknowledgedRecordAcrossRepeatedKills() throws Exception
    {
        Path journalDirectory = directory.resolve("journal");
        long expectedStart = 0;
        for (int cycle = 0; cycle < 3; cycle++)
        {
            long lastAcked;
            try (ChildJournalProcess child = new ChildJournalProcess(journalDirectory, directory.resolve("stderr-" + cycle)))
            {
                assertEquals(expectedStart, child.awaitLine("started at ", 0, TIMEOUT_SECONDS));
                lastAcked = child.awaitLine("acked ", expectedStart + ACKS_PER_CYCLE, TIMEOUT_SECONDS);
                child.kill();
            }
            long nextSequence = reopenCheckAndAppendOne(journalDirectory, lastAcked, "cycle " + cycle);
            expectedStart = nextSequence;
        }
    }

    @Test
    void shouldRecoverQuicklyFromAProcessKilledInsideAnAppend() throws Exception
    {
        Path journalDirectory = directory.resolve("journal");
        long torn;
        try (ChildJournalProcess child = new ChildJournalProcess(journalDirectory, directory.resolve("stderr"), "tear"))
        {
            torn = child.awaitLine("torn ", 0, TIMEOUT_SECONDS);
            child.kill();
        }
        long nextSequence = reopenCheckAndAppendOne(journalDirectory, torn - 1, "after a torn append");
        assertEquals(torn + 1, nextSequence, "the torn record must not be replayed; its sequence is reused");
    }

    /**
     * Opens the journal, checks records 0..m are all there and intact with m >= lastAcked, appends m+1, and checks
     * it is replayed last. Fails when open, recovery and the first append take longer than a few lock timeouts.
     *
     * @return the next sequence to append
     */
    private static long reopenCheckAndAppendOne(final Path journalDirectory, final long lastAcked, final String when)
    {
        long startNanos = System.nanoTime();
        try (Journal journal = Journal.open(journalDirectory))
        {
            long[] expected = {0};
            long[] lastReplayedIndex = {-1};
            long count = journal.replay((buffer, offset, length, index) -> {
                assertEquals(expected[0], SequencedRecords.decode(buffer, offset, length), when);
                expected[0]++;
                lastReplayedIndex[0] = index;
            });
            long replayedMillis = (System.nanoTime() - startNanos) / 1_000_000;
            assertEquals(expected[0], count);
            assertTrue(count - 1 >= lastAcked, when + ": replayed up to " + (count - 1) + " but " + lastAcked + " was acked");
            assertEquals(lastReplayedIndex[0], journal.lastIndex(), when + ": lastIndex is the last complete record");

            ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
            long index = journal.appender().append(buffer, 0, SequencedRecords.encode(count, buffer));
            long recoveredMillis = (System.nanoTime() - startNanos) / 1_000_000;
            System.out.printf("%s: %d records replayed in %d ms, first append after %d ms%n",
                    when, count, replayedMillis, recoveredMillis);
            assertTrue(recoveredMillis < 20 * ChronicleQueueStore.TIMEOUT_MS,
                    when + ": recovery took " + recoveredMillis + " ms");
            assertTrue(index > lastReplayedIndex[0]);

            long[] last = {-1};
            assertEquals(count + 1, journal.replay((b, o, l, i) -> last[0] = SequencedRecords.decode(b, o, l)));
            assertEquals(count, last[0]);
            assertEquals(index, journal.lastIndex());
            return count + 1;
        }
    }
}
