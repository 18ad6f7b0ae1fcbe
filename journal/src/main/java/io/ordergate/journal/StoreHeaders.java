package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
        List<CycleFile> unreadable = new ArrayList<>();
        try
        {
            for (CycleFile file : CycleFile.list(directory))
            {
                if (store.writePosition(file) < 0)
                {
                    unreadable.add(file);
                }
            }
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

    /**
     * The end of a cycle file lost whole records: Chronicle's store header says it last wrote a document at a
     * place where nothing is left (the file is zero from there, or ends before it), so no torn byte is left to see.
     * A machine crash that kept the header's page and lost the last pages does that; it would otherwise go unseen,
     * with acknowledged records missing, and Chronicle's next append trips over its own write position.
     *
     * @param newest       a cycle file (called so because it is the newest that a crash most often leaves so)
     * @param lengthBefore its length before Chronicle opened it (Chronicle grows a file it opens, which would hide a cut)
     * @return that damage, with no record after it in this file, or null when the file ends where its header says
     */
    static JournalDamage lostEnd(final ChronicleQueueStore store, final CycleFile newest, final long lengthBefore)
    {
        long written = store.writePosition(newest);
        try (CycleFileReader reader = new CycleFileReader(newest.path()))
        {
            boolean cut = written + RecordCursor.DOCUMENT_HEADER_LENGTH > lengthBefore;
            if (written < 0 || !cut && reader.intAt(written) != 0)
            {
                return null;
            }
            return new JournalDamage(newest.path(), written, "Chronicle's store header says the last document was"
                + " written here, but " + (cut ? "the file ends before it" : "nothing is left of it") + " (the end of"
                + " the file was lost, with the records written last)", intactRecords(newest), 0, 0, 0, 0);
        }
    }

    /** Gives the copy a repair put aside back the length it had before Chronicle grew it (the growth is all zeros). */
    static void restoreLength(final Path file, final long length)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(length);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot restore the length of " + file, e);
        }
    }

    /** The intact records from the file's start: all of them in a file the scan found intact. */
    static long intactRecords(final CycleFile file)
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
