package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRecoveryTest
{
    @TempDir
    Path directory;

    /**
     * A restarted container often gets the pid its killed predecessor had (pid 1), so Chronicle sees the holder of
     * the write lock alive and, by default, never takes the lock over. Simulated here by abandoning an open document
     * in this very process.
     */
    @Test
    void shouldTakeOverAWriteLockLeftBehindUnderOurOwnProcessId() throws Exception
    {
        try (Journal journal = Journal.open(directory))
        {
            journal.appender().append(new UnsafeBuffer(new byte[] {1}), 0, 1);
        }
        SingleChronicleQueue abandoned = ChronicleQueueStore.builder(directory).build();
        Thread deadWriter = new Thread(() -> {
            DocumentContext dc = abandoned.createAppender().writingDocument(); // never closed
            dc.wire().bytes().writeLong(0x7777_7777_7777_7777L);
        }, "dead-writer");
        deadWriter.start();
        deadWriter.join(60_000);

        long startNanos = System.nanoTime();
        try (Journal journal = Journal.open(directory))
        {
            journal.appender().append(new UnsafeBuffer(new byte[] {2, 2}), 0, 2);
            long millis = (System.nanoTime() - startNanos) / 1_000_000;
            System.out.println("took over a lock held under our own pid in " + millis + " ms");
            assertTrue(millis < 20 * ChronicleQueueStore.TIMEOUT_MS, "took " + millis + " ms");
            List<Integer> lengths = new ArrayList<>();
            assertEquals(2, journal.replay((b, o, l, i) -> lengths.add(l)));
            assertEquals(List.of(1, 2), lengths);
        }
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameDirectory()
    {
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(directory, journal.directory());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Journal.open(directory));
            assertTrue(e.getMessage().contains(directory.toString()), e.getMessage());
        }
        Journal.open(directory).close(); // the lock went with the close
    }

    @Test
    void shouldNameAQueueFileThatIsNotADayOfTheJournalAndSayWhatToDo() throws Exception
    {
        SequencedJournal.write(directory, 0, 3);
        Path copy = directory.resolve("backup copy.cq4");
        java.nio.file.Files.copy(DamagedFiles.lastCycleFile(directory), copy);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains(copy.toString()) && refused.getMessage().contains("move it out of"),
            refused.getMessage());
        java.nio.file.Files.delete(copy);
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(3, SequencedJournal.replayInOrder(journal));
        }
    }

    /**
     * POSIX record locks belong to the process, and closing any descriptor of the locked file drops them: a refused
     * second open that opened the lock file and closed it again would leave the directory open to another process (a
     * repair, a second gateway) while this one goes on appending.
     */
    @Test
    void shouldStillRefuseAnotherProcessAfterRefusingASecondOpenInThisOne(@TempDir final Path scratch) throws Exception
    {
        try (Journal journal = Journal.open(directory))
        {
            assertThrows(IllegalStateException.class, () -> Journal.open(directory));
            try (ChildJournalProcess other = new ChildJournalProcess(directory, scratch.resolve("child.err")))
            {
                AssertionError refused = assertThrows(AssertionError.class, () -> other.awaitLine("started at ", 0, 60),
                    "another process opened the journal this one has open");
                assertTrue(refused.getMessage().contains("is open in another process"), refused.getMessage());
            }
        }
    }
}
