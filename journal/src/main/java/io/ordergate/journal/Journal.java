package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Open and close from the start-up thread; {@link #sizeBytes()} from any thread. A command journal on Chronicle
 * Queue in one directory: opaque binary records, appended by one {@link JournalAppender} and replayed in order.
 * The journal knows bytes, not meaning.
 *
 * <p>Every record carries a CRC32C ({@link RecordFormat}), checked whenever it is read. {@link #open} reads the
 * whole journal before anything can be appended, and:
 * <ul>
 *   <li>damage at the tail (a torn or damaged last header, a cut or zeroed last body, a bad checksum at the end, an
 *       append cut short by a crash, last records lost whole that only Chronicle's store header still says were
 *       written, see {@link StoreHeaders#lostEnd}) is logged as one warning, moved aside into {@code damaged/} and cut off, so the
 *       journal goes on from its last intact record and every later append is replayed (see {@link JournalRepair});</li>
 *   <li>damage with intact records after it stops the open with a {@link JournalDamagedException} naming the repair
 *       command: going on would drop those records silently. So does an earlier day's file whose end was lost whole
 *       (see {@link LostEnds}): replaying on into the next day would skip that day's last records unseen;</li>
 *   <li>a cycle file with nothing written in it is moved aside into {@code damaged/} too, with a warning (see
 *       {@link EmptyCycleFiles});</li>
 *   <li>a cycle file whose store header Chronicle cannot read is rewritten with all its records, the original kept
 *       in {@code damaged/}, with a warning (see {@link StoreHeaders});</li>
 *   <li>a journal written before checksums stops it with a {@link LegacyJournalException} naming the migration.</li>
 * </ul>
 *
 * <p>Durability: a record whose {@link JournalAppender#append} returned is in a memory-mapped file, so it survives
 * {@code kill -9} of the process; surviving a machine crash would need an fsync per append, which is off.
 *
 * <p>One writer per directory: {@link #open} takes an OS lock on {@code journal.lock} in the directory and refuses
 * a directory another journal (or a repair) has open. The directory is owner-only (0700), its files 0600.
 *
 * <p>Indexes increase with every record and across reopens, but jump at each daily roll: compare them, don't count
 * with them.
 */
public final class Journal implements AutoCloseable
{
    static
    {
        // Before any Chronicle class initialises: every Chronicle type lives in classes this one only touches below.
        ChronicleSettings.apply();
    }

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    private static final String QUEUE_FILE_SUFFIX = ".cq4";
    private static final String TABLE_FILE_SUFFIX = ".cq4t";

    private final Path directory;
    private final DirectoryLock lock;
    private final ChronicleQueueStore store;
    private final JournalRepair.Report recovery;
    private JournalAppender appender;

    private Journal(final Path directory, final DirectoryLock lock, final ChronicleQueueStore store,
        final JournalRepair.Report recovery)
    {
        this.directory = directory;
        this.lock = lock;
        this.store = store;
        this.recovery = recovery;
    }

    /**
     * Opens the journal in {@code directory}, creating the directory if needed, after checking every record.
     *
     * @throws JournalDamagedException when intact records follow damage (the message names the repair command)
     * @throws LegacyJournalException  when the journal was written before records carried checksums
     * @throws IllegalStateException   when another journal, in this process or another, has the directory open
     */
    public static Journal open(final Path directory)
    {
        DirectoryLock lock = DirectoryLock.acquire(directory);
        try
        {
            JournalFormat.checkOrCreate(directory);
            JournalInspection inspection = new JournalScan().inspect(directory);
            JournalRepair.Report recovery = null;
            if (!inspection.intact())
            {
                JournalDamage damage = inspection.damage();
                if (!damage.atTail())
                {
                    throw damagedInTheMiddle(directory, inspection);
                }
                recovery = JournalRepair.cut(directory, inspection);
                LOG.warning(recovery.summary());
            }
            String emptied = EmptyCycleFiles.moveAside(directory);
            if (emptied != null)
            {
                LOG.warning(emptied);
            }
            List<CycleFile> files = CycleFile.list(directory);
            Map<Path, Long> lengths = LostEnds.lengths(files);
            ChronicleQueueStore store = StoreHeaders.openStore(directory);
            // after a cut the newest file is Chronicle's own rewrite, consistent with its header
            JournalInspection lostEnd = lostEnd(directory, store, files, lengths, recovery == null ? files.size() : files.size() - 1);
            if (lostEnd != null)
            {
                store.close(); // Chronicle lets go of the file before it is replaced
                if (!lostEnd.damage().atTail())
                {
                    throw damagedInTheMiddle(directory, lostEnd);
                }
                recovery = JournalRepair.cut(directory, lostEnd);
                Path cut = lostEnd.damage().file();
                StoreHeaders.restoreLength(recovery.asideDirectory().resolve(cut.getFileName()), lengths.get(cut));
                LOG.warning(recovery.summary());
                store = new ChronicleQueueStore(directory);
            }
            return new Journal(directory, lock, store, recovery);
        }
        catch (RuntimeException | Error e)
        {
            try
            {
                lock.close();
            }
            catch (RuntimeException suppressed)
            {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static JournalInspection lostEnd(final Path directory, final ChronicleQueueStore store, final List<CycleFile> files,
        final Map<Path, Long> lengthsBefore, final int checked)
    {
        try
        {
            return LostEnds.first(directory, store, files, lengthsBefore, checked);
        }
        catch (RuntimeException | Error e)
        {
            store.close();
            throw e;
        }
    }

    /** Damage with intact records after it: going on would drop them, or replay past a gap, silently. */
    private static JournalDamagedException damagedInTheMiddle(final Path directory, final JournalInspection inspection)
    {
        JournalDamage damage = inspection.damage();
        return new JournalDamagedException("journal damaged in the middle: " + damage.describe() + ". The "
            + inspection.records() + " records before it are intact. Start-up stops rather than drop the "
            + "records after it silently. To keep the intact records before the damage and move the rest aside,"
            + " stop every gateway on this journal and run: " + JournalCommands.command("repair", directory), damage);
    }

    /**
     * Checks every record of the journal in {@code directory}, and each file's end against Chronicle's store header (as
     * open does, see {@link LostEnds}), without changing anything; takes no lock, so it may run beside a gateway (whose
     * append in progress can then look like a damaged tail).
     *
     * @throws LegacyJournalException when the journal was written before records carried checksums: its records would
     *                                all look damaged, and what it needs is the migration, not a repair
     */
    public static JournalInspection inspect(final Path directory)
    {
        JournalInspection inspection = new JournalScan().inspect(directory);
        // Judged by the records, not the format file alone: the directory a repair moved files into has none either
        if (!inspection.intact() && inspection.records() == 0 && inspection.damage().atTail())
        {
            JournalFormat.check(directory);
        }
        return LostEnds.inspect(directory, inspection);
    }

    /** @return true when {@code directory} holds a journal: its format file or any day file (for the commands' checks) */
    public static boolean holdsJournal(final Path directory)
    {
        return Files.exists(directory.resolve(JournalFormat.FILE_NAME)) || !CycleFile.list(directory).isEmpty();
    }

    /** @return what {@link #open} found damaged at the tail and moved aside, or null when the journal was intact */
    public JournalRepair.Report recovery()
    {
        return recovery;
    }

    /** The journal's one appender: the same instance on every call. Hand it to the journal thread. */
    public JournalAppender appender()
    {
        if (appender == null)
        {
            appender = new JournalAppender(store.newWriter());
        }
        return appender;
    }

    /**
     * Reads every record from the start, in order, on the calling thread, checking each one's CRC32C, and stops at
     * the end without waiting.
     *
     * @return how many records were replayed
     * @throws JournalDamagedException when a record was damaged after the journal opened
     */
    public long replay(final RecordHandler handler)
    {
        return new JournalScan().replay(directory, handler);
    }

    /** @return the index of the last complete record, or -1 when the journal is empty */
    public long lastIndex()
    {
        return store.lastIndex();
    }

    /**
     * @return the length of the queue files in the directory, for metrics. Chronicle grows files in sparse blocks, so
     * this is the space reserved, which is at least the space used. Safe from any thread; allocates.
     */
    public long sizeBytes()
    {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory))
        {
            for (Path file : files)
            {
                String name = file.getFileName().toString();
                if (name.endsWith(QUEUE_FILE_SUFFIX) || name.endsWith(TABLE_FILE_SUFFIX))
                {
                    total += sizeOrZero(file);
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot list journal directory " + directory, e);
        }
        return total;
    }

    private static long sizeOrZero(final Path file) throws IOException
    {
        try
        {
            return Files.size(file);
        }
        catch (NoSuchFileException e)
        {
            return 0; // deleted between listing and sizing
        }
    }

    public Path directory()
    {
        return directory;
    }

    /** Closes the appender and the queue. Call after the journal thread has stopped appending. */
    @Override
    public void close()
    {
        try
        {
            if (appender != null)
            {
                appender.close();
            }
            store.close();
        }
        finally
        {
            lock.close();
        }
    }
}
