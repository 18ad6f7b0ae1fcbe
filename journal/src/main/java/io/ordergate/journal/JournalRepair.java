package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Start-up thread or the {@code journal repair} command, with the directory lock held: cuts a journal at its first
 * damage. Everything from the damage on is moved aside, never deleted: the damaged cycle file whole, as it was, and
 * every later cycle file, into {@code damaged/<UTC time>/} in the journal directory, beside a {@value #REPORT_FILE_NAME}
 * saying what was kept and what was moved. The damaged cycle is rewritten with the intact records before the damage,
 * so the journal goes on from its last intact record and the next append is replayed at the next start.
 *
 * <p>Cutting, rather than skipping the damaged record and keeping what follows, because later commands may depend on
 * it (a cancel of an order whose creation was lost) and the engine numbers orders by replaying them in sequence:
 * keeping them could rebuild a state no client was told about. The records after the damage stay readable in the
 * aside directory ({@code journal dump --journal-dir} on it) for an operator to reconcile.
 */
public final class JournalRepair
{
    static final String ASIDE_DIRECTORY_NAME = "damaged";
    static final String REPORT_FILE_NAME = "report.txt";
    private static final DateTimeFormatter INCIDENT_NAME =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * What a repair did.
     *
     * @param inspection  what the journal looked like before
     * @param asideDirectory where the damaged part went, or null when the journal was intact
     * @param summary     one line for the log or the console: what was found, what was kept, where the rest went
     */
    public record Report(JournalInspection inspection, Path asideDirectory, String summary)
    {
        public boolean changedAnything()
        {
            return asideDirectory != null;
        }
    }

    private JournalRepair()
    {
    }

    /**
     * For operators ({@code journal repair}): locks the directory (so it refuses while a gateway runs), inspects, and
     * cuts the journal at its first damage, if any.
     */
    public static Report repair(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no journal directory at " + directory);
        }
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try
        {
            JournalFormat.checkOrCreate(directory);
            return cut(directory, LostEnds.inspect(directory, new JournalScan().inspect(directory)));
        }
        finally
        {
            lock.close();
        }
    }

    /** Cuts the journal at {@code inspection}'s damage; does nothing for an intact one. Caller holds the lock. */
    static Report cut(final Path directory, final JournalInspection inspection)
    {
        JournalDamage damage = inspection.damage();
        if (damage == null)
        {
            return new Report(inspection, null, "journal " + directory + " is intact: " + inspection.records()
                + " records" + lastIndex(inspection) + "; nothing to repair");
        }
        Path aside = incidentDirectory(directory);
        List<CycleFile> files = CycleFile.list(directory);
        CycleRewriter.cutAt(directory, files, indexOf(files, damage.file()), damage.recordsBefore(), true, aside);
        String summary = "journal damaged: " + damage.describe() + ". Kept the " + inspection.records()
            + " records before it" + lastIndex(inspection) + "; moved " + damage.file().getFileName() + " as it was"
            + (damage.laterFiles() == 0 ? "" : " and the " + damage.laterFiles() + " cycle files after it")
            + " to " + aside + (damage.recordsAfter() == 0 ? "" : ", with the " + damage.recordsAfter()
                + " intact records after the damage, which are no longer replayed")
            + ". The journal goes on from its last intact record.";
        writeReport(aside, summary);
        return new Report(inspection, aside, summary);
    }

    private static String lastIndex(final JournalInspection inspection)
    {
        return inspection.lastIndex() < 0 ? "" : " (the last at index 0x" + Long.toHexString(inspection.lastIndex()) + ")";
    }

    private static int indexOf(final List<CycleFile> files, final Path file)
    {
        for (int i = 0; i < files.size(); i++)
        {
            if (files.get(i).path().equals(file))
            {
                return i;
            }
        }
        throw new IllegalStateException(file + " is no longer in the journal directory");
    }

    /** @return a new directory under {@code damaged/}, named by the time now, for what a repair moves aside */
    static Path incidentDirectory(final Path directory)
    {
        String name = INCIDENT_NAME.format(Instant.now());
        Path aside = directory.resolve(ASIDE_DIRECTORY_NAME).resolve(name);
        for (int n = 2; Files.exists(aside); n++)
        {
            aside = directory.resolve(ASIDE_DIRECTORY_NAME).resolve(name + "-" + n);
        }
        OwnerOnlyFiles.directory(aside.getParent());
        OwnerOnlyFiles.directory(aside);
        return aside;
    }

    static void writeReport(final Path aside, final String summary)
    {
        Path report = aside.resolve(REPORT_FILE_NAME);
        try
        {
            Files.createFile(report, OwnerOnlyFiles.fileAttributes());
            Files.writeString(report, summary + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot write " + report, e);
        }
    }
}
