package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ordergate.journal.JournalTailDamageTest.Damage;

/**
 * A journal written before records carried checksums (each document a bare payload, no format file): refused at
 * open, naming the migration; migrated, it keeps every record and its index, and then works like any journal.
 */
class JournalMigrationTest
{
    private static final int RECORDS = 30;

    @TempDir
    Path root;

    @Test
    void shouldRefuseALegacyJournalThenMigrateItKeepingEveryRecordAndIndex() throws Exception
    {
        Path directory = root.resolve("journal");
        long[] legacyIndexes = writeLegacyJournal(directory);

        LegacyJournalException refused = assertThrows(LegacyJournalException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains("java -jar ordergate.jar journal migrate --data-dir '" + root.toAbsolutePath() + "'"),
            refused.getMessage());

        String report = JournalMigration.migrate(directory);
        assertTrue(report.contains("migrated " + RECORDS + " records in 1 cycle files"), report);
        assertTrue(report.contains("has bytes after its last record"), "the torn append is reported: " + report);
        assertTrue(Files.isDirectory(directory.resolve(JournalMigration.ASIDE_DIRECTORY_NAME)), "the originals are kept");
        assertTrue(JournalMigration.migrate(directory).contains("already in format"), "a second run does nothing");

        try (Journal journal = Journal.open(directory))
        {
            long[] indexes = new long[RECORDS];
            journal.replay((buffer, offset, length, index) ->
                indexes[(int) SequencedRecords.decode(buffer, offset, length)] = index);
            assertEquals(java.util.Arrays.toString(legacyIndexes), java.util.Arrays.toString(indexes));
            assertEquals(RECORDS, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, RECORDS, 5);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(RECORDS + 5, SequencedJournal.replayInOrder(journal));
        }
    }

    @Test
    void shouldSendVerifyToTheMigrationNotToARepairOnALegacyJournal()
    {
        Path directory = root.resolve("journal");
        writeLegacyJournal(directory);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

        int status = io.ordergate.journal.cli.JournalCli.run(new String[] {"verify", "--journal-dir", directory.toString()},
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));

        String said = out.toString(java.nio.charset.StandardCharsets.UTF_8) + err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, status, said);
        assertTrue(said.contains("journal migrate"), "verify names the command that makes this journal usable: " + said);
        assertFalse(said.contains("repair"), "a repair refuses a legacy journal: " + said);
    }

    @ParameterizedTest
    @EnumSource(value = Damage.class, names = {"ZEROED_HEADER", "GARBAGE_HEADER", "HEADER_MARKED_INCOMPLETE"})
    void shouldCutAtADamagedLegacyDayAndMoveTheLaterDaysAsideSoReplayHasNoGap(final Damage damage) throws Exception
    {
        Path directory = root.resolve("journal");
        int first = (int) (System.currentTimeMillis() / CycleFile.rollCycle().lengthInMillis()) - 3; // before today's
        writeLegacyDay(directory, first, 0, 10);
        writeLegacyDay(directory, first + 1, 10, 10);
        writeLegacyDay(directory, first + 2, 20, 10);
        List<CycleFile> days = CycleFile.list(directory);
        Path damaged = days.get(1).path();
        damage.apply(damaged, DamagedFiles.recordPositions(damaged, false).get(5));

        String report = JournalMigration.migrate(directory);
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(15, SequencedJournal.replayInOrder(journal), "0..14, then nothing after the damage: " + report);
            SequencedJournal.append(journal, 15, 5);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(20, SequencedJournal.replayInOrder(journal));
        }

        assertTrue(report.contains("migrated 15 records in 2 cycle files"), report);
        assertTrue(report.contains(days.get(1).name() + " stopped at byte ") || report.contains(days.get(1).name() + " has bytes"),
            report);
        assertTrue(report.contains("the 1 cycle files after it were not migrated"), report);
        Path aside = Files.list(directory.resolve(JournalMigration.ASIDE_DIRECTORY_NAME)).findFirst().orElseThrow();
        for (CycleFile day : days)
        {
            assertTrue(Files.exists(aside.resolve(day.name())), "every original is kept: " + day.name());
        }
        assertFalse(Files.exists(days.get(2).path()), "the day after the damage went aside");
    }

    /** As the journal wrote before checksums, into the file of {@code cycle}: sequences {@code first} .. */
    private static void writeLegacyDay(final Path directory, final int cycle, final int first, final int count)
    {
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
        try (SingleChronicleQueue queue = ChronicleQueueStore.writerForCycle(directory, cycle))
        {
            ExcerptAppender appender = queue.createAppender();
            for (int sequence = first; sequence < first + count; sequence++)
            {
                int length = SequencedRecords.encode(sequence, buffer);
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(buffer.byteArray(), 0, length);
                }
            }
        }
    }

    /** As the journal wrote before checksums: each record's bytes as one document; then an append cut short. */
    private static long[] writeLegacyJournal(final Path directory)
    {
        long[] indexes = new long[RECORDS];
        ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
        try (SingleChronicleQueue queue = ChronicleQueueStore.builder(directory).build())
        {
            ExcerptAppender appender = queue.createAppender();
            for (int sequence = 0; sequence < RECORDS; sequence++)
            {
                int length = SequencedRecords.encode(sequence, buffer);
                try (DocumentContext dc = appender.writingDocument())
                {
                    dc.wire().bytes().write(buffer.byteArray(), 0, length);
                }
                indexes[sequence] = appender.lastIndexAppended();
            }
        }
        TornAppend.writeHalfARecord(directory, RECORDS);
        return indexes;
    }

    /** A format file a machine crash emptied: the start says what the file should hold and how to check the records. */
    @Test
    void shouldSayWhatAnEmptiedFormatFileShouldHold() throws Exception
    {
        Path directory = root.resolve("journal");
        try (Journal journal = Journal.open(directory))
        {
            SequencedJournal.append(journal, 0, 3);
        }
        Files.write(directory.resolve(JournalFormat.FILE_NAME), new byte[0]);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Journal.open(directory));

        assertTrue(refused.getMessage().contains("is empty"), refused.getMessage());
        assertTrue(refused.getMessage().contains("\"" + JournalFormat.CURRENT + "\""), refused.getMessage());
        assertTrue(refused.getMessage().contains("journal verify"), refused.getMessage());
        Files.writeString(directory.resolve(JournalFormat.FILE_NAME), JournalFormat.CURRENT + "\n");
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(3, SequencedJournal.replayInOrder(journal), "written back as said, the journal opens whole");
        }
    }
}
