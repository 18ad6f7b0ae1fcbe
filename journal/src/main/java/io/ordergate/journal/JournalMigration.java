package io.ordergate.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The {@code journal migrate} command, with the directory lock held: rewrites a journal written before records
 * carried checksums (each document a bare payload) into the current {@link RecordFormat}, cycle by cycle, so every
 * record keeps its index. The original files go, unchanged, into {@code legacy/<UTC time>/} in the journal
 * directory; the format file is written last. Run again after a crash, it skips the cycles already rewritten.
 *
 * <p>Old records cannot be verified: nothing recorded what they should be. The migration checks what it can (each
 * document's header, and that nothing is written after the last one) and stops at the first document that fails,
 * reporting it: like a repair it cuts the journal there, so the later cycles are not migrated but go aside as they
 * were (a replay that skipped the damage and went on could rebuild a state no client was told about). From then on
 * the checksums protect the records as they are.
 */
public final class JournalMigration
{
    static final String ASIDE_DIRECTORY_NAME = "legacy";
    private static final DateTimeFormatter INCIDENT_NAME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private JournalMigration()
    {
    }

    /** @return one line or more for the console: what was rewritten, where the originals went, what was stopped at */
    public static String migrate(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return "no journal at " + directory + ": nothing to migrate";
        }
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try
        {
            if (JournalFormat.isCurrent(directory))
            {
                return "the journal in " + directory + " is already in format " + JournalFormat.CURRENT + ": nothing to migrate";
            }
            Path aside = directory.resolve(ASIDE_DIRECTORY_NAME).resolve(INCIDENT_NAME.format(Instant.now()));
            StringBuilder report = new StringBuilder();
            long migrated = 0;
            List<CycleFile> files = CycleFile.list(directory);
            int kept = files.size();
            for (int i = 0; i < files.size(); i++)
            {
                CycleFile file = files.get(i);
                if (startsWithCheckedRecord(file))
                {
                    continue;
                }
                LegacyCycle cycle = legacyRecords(file);
                migrated += cycle.records();
                if (cycle.damage() == null)
                {
                    CycleRewriter.keepFirst(directory, file, cycle.records(), false, aside);
                    continue;
                }
                // cut there, as a repair does, rather than leave a gap in the middle of the replay
                report.append("; ").append(file.name()).append(cycle.damage());
                int later = CycleRewriter.cutAt(directory, files, i, cycle.records(), false, aside);
                kept = i + 1;
                if (later > 0)
                {
                    report.append("; the ").append(later).append(" cycle files after it were not migrated and went, as")
                        .append(" they were, to ").append(aside).append(" (replay must not skip the damage and go on)");
                }
                break;
            }
            JournalFormat.write(directory);
            return "migrated " + migrated + " records in " + kept + " cycle files of " + directory + " to "
                + JournalFormat.CURRENT + " (every record now carries a CRC32C); the original files are in "
                + aside + report;
        }
        finally
        {
            lock.close();
        }
    }

    private static boolean startsWithCheckedRecord(final CycleFile file)
    {
        try (CycleFileReader reader = new CycleFileReader(file.path()))
        {
            return new RecordCursor(reader, new CRC32C(), true).next() == RecordCursor.Stop.RECORD;
        }
    }

    /**
     * @param records how many documents, from the start, are taken as records
     * @param damage  what stopped the cycle before its end (following its file name in the report), or null
     */
    private record LegacyCycle(long records, String damage)
    {
    }

    private static LegacyCycle legacyRecords(final CycleFile file)
    {
        try (CycleFileReader reader = new CycleFileReader(file.path()))
        {
            RecordCursor cursor = new RecordCursor(reader, new CRC32C(), false);
            RecordCursor.Stop stop;
            do
            {
                stop = cursor.next();
            }
            while (stop == RecordCursor.Stop.RECORD);
            String damage = null;
            if (stop == RecordCursor.Stop.DAMAGED)
            {
                damage = " stopped at byte " + cursor.documentPosition() + ": " + cursor.damage()
                    + " (what follows is only in the original)";
            }
            else if (stop == RecordCursor.Stop.END && reader.anySetFrom(cursor.documentPosition()))
            {
                damage = " has bytes after its last record at byte " + cursor.documentPosition()
                    + " (a torn or damaged record, only in the original)";
            }
            return new LegacyCycle(cursor.records(), damage);
        }
    }
}
