package io.ordergate.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.zip.CRC32C;

/**
 * Start-up thread, with the directory lock held, after the records have been checked: rewrites the cycle files whose
 * store header Chronicle cannot read (the first metadata document of a day's file: its roll settings, write position
 * and index layout). No checksum covers that header, because Chronicle rewrites it as it appends, so a damaged byte
 * in it passed every check, and then the first append threw from inside Chronicle (a BufferUnderflowException, an
 * unknown wire code): a gateway that could not start while {@code journal verify} called its journal intact. Every
 * record of such a file is intact, so the file is rewritten with all of them (same indexes, a new header, as a repair
 * rewrites) and the original is kept in {@code damaged/<UTC time>/}.
 */
final class StoreHeaders
{
    private static final Logger LOG = Logger.getLogger(StoreHeaders.class.getName());

    private StoreHeaders()
    {
    }

    /**
     * Opens the journal's queue, rewriting first the files whose store header it cannot read (then opening it again).
     * The check uses the queue the journal opens anyway: a second queue would cost every start tens of milliseconds.
     */
    static ChronicleQueueStore openStore(final Path directory)
    {
        ChronicleQueueStore store = new ChronicleQueueStore(directory);
        List<CycleFile> unreadable;
        try
        {
            unreadable = store.unreadableStoreHeaders(CycleFile.list(directory));
        }
        catch (RuntimeException | Error e)
        {
            store.close();
            throw e;
        }
        if (unreadable.isEmpty())
        {
            return store;
        }
        store.close(); // Chronicle lets go of the files before they are replaced
        LOG.warning(rewrite(directory, unreadable));
        return new ChronicleQueueStore(directory);
    }

    private static String rewrite(final Path directory, final List<CycleFile> unreadable)
    {
        Path aside = JournalRepair.incidentDirectory(directory);
        StringBuilder kept = new StringBuilder();
        for (CycleFile file : unreadable)
        {
            long records = intactRecords(file);
            CycleRewriter.keepFirst(directory, file, records, true, aside);
            kept.append(kept.length() == 0 ? "" : ", ").append(file.name()).append(" (").append(records).append(" records)");
        }
        String summary = "journal " + directory + ": Chronicle could not read the store header of " + kept + "; every"
            + " record was intact, so each file was rewritten with all its records, same indexes; the originals are in "
            + aside + ". No record was lost.";
        JournalRepair.writeReport(aside, summary);
        return summary;
    }

    /** The records from the file's start: all of them, as the journal was checked before this runs. */
    private static long intactRecords(final CycleFile file)
    {
        try (CycleFileReader reader = new CycleFileReader(file.path()))
        {
            RecordCursor cursor = new RecordCursor(reader, new CRC32C(), true);
            while (cursor.next() == RecordCursor.Stop.RECORD)
            {
                continue;
            }
            return cursor.records();
        }
    }
}
