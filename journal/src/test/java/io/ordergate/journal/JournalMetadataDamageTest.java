package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Damage to Chronicle's own metadata documents, which sit between the records: the store header at byte 0, the
 * index2index array after it, and the index arrays. A document length that grew must not carry the walk over the
 * records it now covers, whether it lands in the zeros past the written data (where the walk used to call the file
 * finished) or exactly on a later record (where it used to go on as if nothing were missing): the records it covers
 * are intact records after damage, so open refuses and the repair cuts, as for any damage in the middle.
 *
 * <pre>
 *   write 0..99 ─► raise a metadata header's length ─► inspect: damaged there, 100 intact records after it
 *               ─► open: JournalDamagedException ─► repair: the file aside ─► open: append ─► open ─► open
 * </pre>
 */
class JournalMetadataDamageTest
{
    private static final int RECORDS = 100;

    @TempDir
    Path root;

    @ParameterizedTest(name = "{0} raised by {1}")
    @CsvSource({
        "0, 0x100000",  // the store header, carried past index2index, the index array and every record
        "1, 0x100000",  // the index2index array
        "2, 0x10000",   // the (here only) index array, just before the records
        "2, 0x100000"})
    void shouldReportRecordsHiddenByALongerMetadataDocumentAsDamageInTheMiddle(final int document, final String raise)
        throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, RECORDS);
        Path file = DamagedFiles.lastCycleFile(directory);
        List<Long> metadata = DamagedFiles.metadataPositions(file);
        assertEquals(3, metadata.size(), "Chronicle's layout of a cycle file with " + RECORDS + " records: " + metadata);
        assertTrue(metadata.get(2) < DamagedFiles.recordPositions(file).get(0), "every record after the index array");
        long at = metadata.get(document);
        DamagedFiles.writeInt(file, at, DamagedFiles.readInt(file, at) + Integer.decode(raise));

        shouldRefuseThenRepairByCuttingAt(directory, file, at);
    }

    @Test
    void shouldNotLetAMetadataLengthCarryTheWalkOntoALaterRecordAndGoOnFromThere() throws Exception
    {
        Path directory = root.resolve("journal");
        SequencedJournal.write(directory, 0, RECORDS);
        Path file = DamagedFiles.lastCycleFile(directory);
        long index = DamagedFiles.metadataPositions(file).get(2);
        long fortieth = DamagedFiles.recordPositions(file).get(40);
        int header = DamagedFiles.readInt(file, index);
        DamagedFiles.writeInt(file, index, header & ~0x3FFF_FFFF | (int) (fortieth - index - Integer.BYTES));

        shouldRefuseThenRepairByCuttingAt(directory, file, index);
    }

    private void shouldRefuseThenRepairByCuttingAt(final Path directory, final Path file, final long at) throws Exception
    {
        JournalInspection inspection = Journal.inspect(directory);
        assertFalse(inspection.intact(), "records were hidden, not absent: " + inspection);
        JournalDamage damage = inspection.damage();
        assertEquals(at, damage.position(), damage.describe());
        assertEquals(0, damage.recordsBefore(), damage.describe());
        assertEquals(RECORDS, damage.recordsAfter(), damage.describe());
        assertTrue(damage.what().contains("intact record"), damage.what());

        StringWriter dumped = new StringWriter();
        JournalDump.Result dump = new JournalDump(new PrintWriter(dumped), null, 4).dump(directory);
        assertEquals(RECORDS, dump.intactRecords(), dumped.toString());
        assertTrue(dumped.toString().contains(" DAMAGED at byte " + at + ": "), dumped.toString());

        String damagedDigest = DamagedFiles.digest(file);
        JournalDamagedException refused = assertThrows(JournalDamagedException.class, () -> Journal.open(directory));
        assertTrue(refused.getMessage().contains(file.getFileName() + " at byte " + at), refused.getMessage());
        assertTrue(refused.getMessage().contains("then " + RECORDS + " intact records"), refused.getMessage());
        assertTrue(refused.getMessage().contains("journal repair --data-dir '" + root.toAbsolutePath() + "'"), refused.getMessage());
        assertEquals(damagedDigest, DamagedFiles.digest(file), "a refused open changes nothing");

        JournalRepair.Report report = JournalRepair.repair(directory);
        assertTrue(report.summary().contains("Kept the 0 records before it"), report.summary());
        assertTrue(report.summary().contains(RECORDS + " intact records after the damage"), report.summary());
        assertEquals(damagedDigest, DamagedFiles.digest(report.asideDirectory().resolve(file.getFileName())),
            "the damaged file, with its records, is kept aside as it was");
        try (Journal journal = Journal.open(directory))
        {
            assertNull(journal.recovery());
            assertEquals(0, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, 0, 5);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(5, SequencedJournal.replayInOrder(journal));
            SequencedJournal.append(journal, 5, 5);
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(10, SequencedJournal.replayInOrder(journal), "appended after the repair, replayed twice");
        }
    }
}
