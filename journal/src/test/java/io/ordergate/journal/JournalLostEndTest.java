package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ordergate.journal.JournalTailDamageTest.Damage;
import io.ordergate.journal.cli.JournalCli;

/**
 * A cycle file whose end was lost whole (zeroed or cut where a record began), which only Chronicle's store header still
 * tells: {@code journal verify} says what open will do, and an earlier day's lost end stops open, naming the file,
 * instead of skipping to the next day with that day's last records gone.
 *
 * <pre>
 *   newest file:  write 0..29 ─► lose 29 ─► inspect: damaged at the tail, 29 intact, file unchanged ─► open cuts it
 *   earlier day:  0..19 (earlier) + 20..29 (today) ─► lose 19 ─► inspect: damaged, 10 records after
 *                 ─► open refuses naming the earlier file ─► repair keeps 0..18, today aside ─► open: 0..18
 * </pre>
 */
class JournalLostEndTest
{
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"CUT_AT_HEADER", "WHOLE_RECORD_ZEROED"})
    void shouldVerifyANewestFileWhoseEndWasLostAsDamagedAtTheTailAndChangeNothing(final Damage damage) throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, 30);
        Path file = DamagedFiles.lastCycleFile(directory);
        long at = DamagedFiles.recordPositions(file).get(29);
        damage.apply(file, at);
        String digest = DamagedFiles.digest(file);
        long length = Files.size(file);

        JournalInspection inspection = Journal.inspect(directory);
        assertFalse(inspection.intact(), "verify sees what open cuts");
        assertTrue(inspection.damage().atTail(), inspection.damage().describe());
        assertEquals(file, inspection.damage().file());
        assertEquals(at, inspection.damage().position());
        assertEquals(29, inspection.records());
        assertEquals(digest, DamagedFiles.digest(file), "verify changes nothing");
        assertEquals(length, Files.size(file), "verify does not grow the file as Chronicle does");
        assertTrue(inspection.damage().describe().endsWith("with the records written last); no intact record after it"),
            inspection.damage().describe());

        try (Journal journal = Journal.open(directory))
        {
            assertEquals(29, SequencedJournal.replayInOrder(journal), "open cuts where verify said");
        }
    }

    @ParameterizedTest
    @EnumSource(value = LostEnd.class)
    void shouldRefuseToOpenAJournalWhoseEarlierDayLostItsEndUntilRepaired(final LostEnd lostEnd) throws Exception
    {
        Path directory = root.resolve("journal");
        long at = earlierDayLosesItsEnd(directory, lostEnd);
        Path earlier = CycleFile.list(directory).get(0).path();
        int today = CycleFile.list(directory).get(1).cycle();

        JournalInspection inspection = Journal.inspect(directory);
        assertFalse(inspection.intact(), "verify sees the earlier day's lost end");
        assertEquals(earlier, inspection.damage().file());
        assertEquals(at, inspection.damage().position());
        assertEquals(19, inspection.records());
        assertEquals(10, inspection.damage().recordsAfter());
        assertFalse(inspection.damage().atTail(), "records acknowledged after it: open must not go on");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        assertEquals(1, JournalCli.run(new String[] {"verify", "--journal-dir", directory.toString()}, out, out));
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("The gateway will not start on it"), printed.toString(StandardCharsets.UTF_8));

        String message = assertThrows(JournalDamagedException.class, () -> Journal.open(directory)).getMessage();
        assertTrue(message.contains(earlier.getFileName() + " at byte " + at), message);
        assertTrue(message.contains("with the records written last); then 10 intact records in the 1 later file. The 19 records"),
            "the records after it are in the later file, and no byte is left of it: " + message);
        assertFalse(message.contains("bytes from there on") || message.contains("in this file"), message);
        assertTrue(message.contains("journal repair --data-dir '" + root.toAbsolutePath() + "'"), message);

        JournalRepair.Report report = JournalRepair.repair(directory);
        assertTrue(report.changedAnything(), report.summary());
        assertTrue(Files.exists(report.asideDirectory().resolve(CycleFile.pathOf(directory, today).getFileName())),
            "today's file went aside, whole");
        try (Journal journal = Journal.open(directory))
        {
            assertNull(journal.recovery());
            assertEquals(19, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, 19, 3);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(22, SequencedJournal.replayInOrder(journal));
            assertTrue(Journal.inspect(directory).intact());
        }
    }

    @ParameterizedTest
    @EnumSource(value = LostEnd.class)
    void shouldDumpALostEndNamingTheFileAndThatRecordsAfterItMayBeMissing(final LostEnd lostEnd)
    {
        Path directory = root.resolve("journal");
        long at = earlierDayLosesItsEnd(directory, lostEnd);
        Path earlier = CycleFile.list(directory).get(0).path();

        StringWriter dumped = new StringWriter();
        JournalDump.Result dump = new JournalDump(new PrintWriter(dumped), null, 4).dump(directory);
        String printed = dumped.toString();
        assertEquals(29, dump.intactRecords(), printed);
        assertEquals(1, dump.damages(), printed);
        assertTrue(printed.contains(earlier.getFileName() + " END LOST at byte " + at + ": Chronicle's store header says"), printed);
        assertTrue(printed.contains("; records written after the last one printed for " + earlier.getFileName() + " may be missing"),
            printed);
        assertTrue(printed.endsWith("29 intact records, 1 damaged places" + System.lineSeparator()), printed);
    }

    /**
     * Writes yesterday's records 0..19 and today's 19..28, then loses the end of yesterday's file from its record 19.
     *
     * @return where yesterday's record 19 began: where its file's end was lost
     */
    private static long earlierDayLosesItsEnd(final Path directory, final LostEnd lostEnd)
    {
        int today;
        try (Journal journal = Journal.open(directory))
        {
            SequencedJournal.append(journal, 19, 10); // today's file: records 19..28
            today = CycleFile.list(directory).get(0).cycle();
        }
        SequencedJournal.writeIntoCycle(directory, today - 1, 0, 20); // yesterday: records 0..19
        Path earlier = CycleFile.list(directory).get(0).path();
        long at = DamagedFiles.recordPositions(earlier).get(19);
        lostEnd.apply(earlier, at);
        return at;
    }

    /** What a machine crash leaves of the end of a day's file: its last page lost, or the file cut where a record began. */
    enum LostEnd
    {
        LAST_PAGE_ZEROED
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.zero(file, at, 4096); // the record and whatever Chronicle wrote after it (an end-of-cycle marker)
            }
        },
        CUT_AT_HEADER
        {
            @Override
            void apply(final Path file, final long at)
            {
                DamagedFiles.truncate(file, at);
            }
        };

        abstract void apply(Path file, long at);
    }
}
