package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cycle file with nothing written in it, between two days that have records: what a machine crash leaves when it
 * comes just after Chronicle created a new day's file, before its header reached the disk. It holds no record, so
 * open moves it aside and the journal goes on; left in place, Chronicle's appender fails on it at the first append.
 *
 * <pre>
 *   day -2: 0..4, day -1: empty ─► open: aside, replay 0..4, append 5..7 today ─► open: replay 0..7
 * </pre>
 */
class JournalEmptyCycleFileTest
{
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(ints = {0, 1 << 20})
    void shouldMoveAnEmptyCycleFileAsideAndGoOn(final int zeroBytes) throws Exception
    {
        Path directory = root.resolve("journal");
        int today;
        try (Journal journal = Journal.open(directory))
        {
            today = (int) (System.currentTimeMillis() / CycleFile.rollCycle().lengthInMillis());
        }
        SequencedJournal.writeIntoCycle(directory, today - 2, 0, 5);
        Path empty = CycleFile.pathOf(directory, today - 1);
        Files.createFile(empty);
        DamagedFiles.zero(empty, 0, zeroBytes);

        try (Journal journal = Journal.open(directory))
        {
            assertEquals(5, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, 5, 3);
        }
        assertFalse(Files.exists(empty), "the empty cycle file was moved out of the journal");
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(8, SequencedJournal.replayInOrder(journal), "appended after the empty day, replayed");
        }
        try (Stream<Path> aside = Files.walk(directory.resolve(JournalRepair.ASIDE_DIRECTORY_NAME)))
        {
            assertTrue(aside.anyMatch(path -> path.getFileName().equals(empty.getFileName())), "kept aside, not deleted");
        }
    }
}
