package io.ordergate.journal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up thread or an operator command: finds the first cycle file whose end was lost whole, records and all, which
 * no byte left in the file shows and only Chronicle's store header still tells (see {@link StoreHeaders#lostEnd}).
 * The record scan ({@link JournalScan}) reads the bytes alone, so without this a lost end passes {@code journal
 * verify}, and in an earlier day's file (not the newest) it passed open too: the replay went on to the next day with
 * that day's last acknowledged records gone. In the newest file it is damage at the tail, which open cuts off; in an
 * earlier one the records of the later files follow it, so open refuses and names the repair.
 */
final class LostEnds
{
    private LostEnds()
    {
    }

    /** @return each file's length now: measured before Chronicle opens them, as it grows a file it opens */
    static Map<Path, Long> lengths(final List<CycleFile> files)
    {
        Map<Path, Long> lengths = new HashMap<>();
        for (CycleFile file : files)
        {
            lengths.put(file.path(), file.path().toFile().length());
        }
        return lengths;
    }

    /**
     * The scanned inspection, with the first lost end in its place when one comes before the damage the scan found:
     * what {@code journal verify} reports and {@code journal repair} cuts at, as open would. Reads the store headers
     * through a read-only queue, so it changes nothing and takes no lock.
     */
    static JournalInspection inspect(final Path directory, final JournalInspection scanned)
    {
        List<CycleFile> files = CycleFile.list(directory);
        int checked = scanned.intact() ? files.size() : filesBefore(files, scanned.damage().file());
        if (checked <= 0)
        {
            return scanned;
        }
        Map<Path, Long> lengths = lengths(files);
        try (ChronicleQueueStore store = ChronicleQueueStore.readOnly(directory))
        {
            JournalInspection lost = first(directory, store, files, lengths, checked);
            return lost == null ? scanned : lost;
        }
    }

    /**
     * @param store         the journal's queue, opened after {@code lengthsBefore} was measured
     * @param checked       how many files to check, oldest first: those before the damage the scan found, or all
     * @return the journal cut at the first file among them whose end was lost, or null when none lost its end
     */
    static JournalInspection first(final Path directory, final ChronicleQueueStore store, final List<CycleFile> files,
        final Map<Path, Long> lengthsBefore, final int checked)
    {
        for (int i = 0; i < checked; i++)
        {
            CycleFile file = files.get(i);
            JournalDamage lost = StoreHeaders.lostEnd(store, file, lengthsBefore.get(file.path()));
            if (lost != null)
            {
                return cutAt(directory, files, i, lost);
            }
        }
        return null;
    }

    /** The inspection of a journal whose first damage is {@code lost}, in {@code files.get(damaged)}. */
    private static JournalInspection cutAt(final Path directory, final List<CycleFile> files, final int damaged,
        final JournalDamage lost)
    {
        long records = 0;
        long lastIndex = -1;
        for (int i = 0; i <= damaged; i++)
        {
            long inFile = i == damaged ? lost.recordsBefore() : StoreHeaders.intactRecords(files.get(i));
            records += inFile;
            lastIndex = inFile == 0 ? lastIndex : files.get(i).index(inFile - 1);
        }
        long recordsAfter = 0;
        for (int i = damaged + 1; i < files.size(); i++)
        {
            recordsAfter += StoreHeaders.intactRecords(files.get(i));
        }
        return new JournalInspection(directory, records, lastIndex, new JournalDamage(lost.file(), lost.position(),
            lost.what(), lost.recordsBefore(), lost.damagedBytes(), recordsAfter, recordsAfter, files.size() - 1 - damaged));
    }

    /** @return how many of {@code files} come before {@code path} */
    private static int filesBefore(final List<CycleFile> files, final Path path)
    {
        int before = 0;
        while (before < files.size() && !files.get(before).path().equals(path))
        {
            before++;
        }
        return before;
    }
}
