package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A damaged byte in Chronicle's store header (the first metadata document of a day's file: its roll settings, write
 * position and index layout), which no checksum covers because Chronicle rewrites it as it appends. Every record is
 * intact, so open rewrites the file with all of them and keeps the original aside; then the journal goes on.
 *
 * <pre>
 *   write 0..4 ─► flip one byte of the store header ─► open: rewrite, replay 0..4, append 5..7 ─► open: replay 0..7
 * </pre>
 */
class JournalStoreHeaderDamageTest
{
    @TempDir
    Path root;

    /** Offsets inside the store header whose damage Chronicle could not read past (found by flipping bytes). */
    @ParameterizedTest
    @ValueSource(longs = {5, 12, 30, 90, 150})
    void shouldRewriteADayWhoseStoreHeaderChronicleCannotReadKeepingEveryRecord(final long at) throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, 5);
        Path file = DamagedFiles.lastCycleFile(directory);
        DamagedFiles.flipByte(file, at);
        String damagedDigest = DamagedFiles.digest(file);

        try (Journal journal = Journal.open(directory))
        {
            assertEquals(5, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, 5, 3);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(8, SequencedJournal.replayInOrder(journal), "every record kept, the appends after it replayed");
        }
        try (Stream<Path> aside = Files.walk(directory.resolve(JournalRepair.ASIDE_DIRECTORY_NAME)))
        {
            assertTrue(aside.anyMatch(path -> path.getFileName().equals(file.getFileName())
                && DamagedFiles.digest(path).equals(damagedDigest)), "the original is kept aside as it was");
        }
    }
}
