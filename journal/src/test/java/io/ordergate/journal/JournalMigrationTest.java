package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        assertTrue(refused.getMessage().contains("java -jar ordergate.jar journal migrate --data-dir " + root.toAbsolutePath()),
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
}
