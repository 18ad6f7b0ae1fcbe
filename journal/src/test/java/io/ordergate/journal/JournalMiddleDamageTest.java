package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ordergate.journal.JournalTailDamageTest.Damage;

/**
 * Damage with intact records after it: open refuses, naming the repair command; the repair keeps what comes before
 * the damage and moves the rest aside; then the journal goes on and survives two more restarts.
 *
 * <pre>
 *   write 0..299 ─► damage record 150 ─► open: JournalDamagedException ("journal repair --data-dir ...")
 *                ─► repair: keep 0..149, aside ─► open: replay 0..149, append ─► open ─► open: all there
 * </pre>
 */
class JournalMiddleDamageTest
{
    private static final int RECORDS = 300;
    private static final int DAMAGED = 150;

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"CUT_SHORT", "CUT_INSIDE_HEADER", "CUT_AT_HEADER"}, mode = EnumSource.Mode.EXCLUDE)
    void shouldRefuseToOpenThenRepairByCuttingAtTheDamage(final Damage damage) throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, RECORDS);
        Path file = DamagedFiles.lastCycleFile(directory);
        long at = DamagedFiles.recordPositions(file).get(DAMAGED);
        damage.apply(file, at);
        String damagedDigest = DamagedFiles.digest(file);

        JournalDamagedException refused = assertThrows(JournalDamagedException.class, () -> Journal.open(directory));
        String message = refused.getMessage();
        assertTrue(message.contains(file.getFileName() + " at byte " + at), message);
        assertTrue(message.contains("then " + (RECORDS - DAMAGED - 1) + " intact records"), message);
        assertTrue(message.contains("java -jar ordergate.jar journal repair --data-dir '" + root.toAbsolutePath() + "'"), message);
        assertEquals(damagedDigest, DamagedFiles.digest(file), "a refused open changes nothing");

        JournalRepair.Report report = JournalRepair.repair(directory);
        assertTrue(report.changedAnything());
        assertTrue(report.summary().contains("Kept the " + DAMAGED + " records before it"), report.summary());
        assertTrue(report.summary().contains(RECORDS - DAMAGED - 1 + " intact records after the damage"), report.summary());
        assertEquals(damagedDigest, DamagedFiles.digest(report.asideDirectory().resolve(file.getFileName())));

        try (Journal journal = Journal.open(directory))
        {
            assertNull(journal.recovery());
            assertEquals(DAMAGED, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, DAMAGED, 5);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(DAMAGED + 5, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, DAMAGED + 5, 5);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(DAMAGED + 10, SequencedJournal.replayInOrder(journal), "appended after the repair, replayed twice");
        }
    }

    @Test
    void shouldTreatDamageAtTheEndOfAnEarlierDayAsDamageInTheMiddleAndMoveTheLaterDaysAside() throws Exception
    {
        Path directory = root.resolve("journal");
        int today;
        try (Journal journal = Journal.open(directory))
        {
            SequencedJournal.append(journal, 20, 10); // today's file: records 20..29
            today = CycleFile.list(directory).get(0).cycle();
        }
        SequencedJournal.writeIntoCycle(directory, today - 2, 0, 20); // an earlier day: records 0..19
        Path earlier = CycleFile.list(directory).get(0).path();
        List<Long> positions = DamagedFiles.recordPositions(earlier);
        Damage.ZEROED_HEADER.apply(earlier, positions.get(19));

        JournalDamagedException refused = assertThrows(JournalDamagedException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains("then 10 intact records in the 1 later file."), refused.getMessage());

        JournalRepair.Report report = JournalRepair.repair(directory);
        assertEquals(1, CycleFile.list(directory).size(), "today's file went aside with the damaged one");
        assertTrue(Files.exists(report.asideDirectory().resolve(CycleFile.pathOf(directory, today).getFileName())));
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(19, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, 19, 3);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(22, SequencedJournal.replayInOrder(journal));
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(22, SequencedJournal.replayInOrder(journal));
            assertFalse(Journal.inspect(directory).records() != 22);
        }
    }

    /** An earlier day is searched past its damage only so far ahead of the last record found, not to its end. */
    @Test
    void shouldCountEveryIntactRecordAfterDamageInAnEarlierDayHoweverFarTheyReach()
    {
        Path directory = root.resolve("journal");
        int today;
        try (Journal journal = Journal.open(directory))
        {
            SequencedJournal.append(journal, 0, 10);
            today = CycleFile.list(directory).get(0).cycle();
        }
        int earlierRecords = 120_000; // about 20 MB: past the damage by more than JournalScan.SEARCH_PAST_END_BYTES
        SequencedJournal.writeIntoCycle(directory, today - 1, 0, earlierRecords);
        Path earlier = CycleFile.list(directory).get(0).path();
        Damage.BAD_CHECKSUM.apply(earlier, DamagedFiles.recordPositions(earlier).get(10));

        JournalDamagedException refused = assertThrows(JournalDamagedException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains("then " + (earlierRecords - 11) + " intact records in this file and 10 in the 1 later file."),
            refused.getMessage());
    }

    @Test
    void shouldSayAnIntactJournalNeedsNoRepairAndChangeNothing() throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, 10);
        String before = DamagedFiles.digest(DamagedFiles.lastCycleFile(directory));
        JournalRepair.Report report = JournalRepair.repair(directory);
        assertFalse(report.changedAnything());
        assertTrue(report.summary().contains("is intact: 10 records"), report.summary());
        assertEquals(before, DamagedFiles.digest(DamagedFiles.lastCycleFile(directory)));
        assertFalse(Files.exists(directory.resolve(JournalRepair.ASIDE_DIRECTORY_NAME)));
    }

    @Test
    void shouldRefuseToRepairAJournalThatIsOpen()
    {
        Path directory = root.resolve("journal");
        try (Journal journal = Journal.open(directory))
        {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> JournalRepair.repair(directory));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
    }
}
