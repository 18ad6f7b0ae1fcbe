package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Open and close from the start-up thread; {@link #sizeBytes()} from any thread. A command journal on Chronicle
 * Queue in one directory: opaque binary records, appended by one {@link JournalAppender} and replayed in order.
 * The journal knows bytes, not meaning.
 *
 * <p>Durability: a record whose {@link JournalAppender#append} returned is in a memory-mapped file, so it survives
 * {@code kill -9} of the process; surviving a machine crash would need an fsync per append, which is off.
 * A record torn by a process dying mid-append is never replayed, and the next open appends after the last
 * complete record (after a short lock timeout: {@link ChronicleQueueStore#TIMEOUT_MS}).
 *
 * <p>One writer per directory: {@link #open} takes an OS lock on {@code journal.lock} in the directory (the kernel
 * drops it when the process dies, however it dies) and refuses a directory another journal has open. That is what
 * makes it safe to take over a Chronicle write lock left behind by a dead process (see {@link ChronicleSettings}).
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

    private static final String QUEUE_FILE_SUFFIX = ".cq4";
    private static final String TABLE_FILE_SUFFIX = ".cq4t";
    static final String LOCK_FILE_NAME = "journal.lock";

    private final Path directory;
    private final FileChannel lockChannel;
    private final ChronicleQueueStore store;
    private JournalAppender appender;

    private Journal(final Path directory, final FileChannel lockChannel, final ChronicleQueueStore store)
    {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.store = store;
    }

    /**
     * Opens the journal in {@code directory}, creating the directory if needed.
     *
     * @throws IllegalStateException when another journal, in this process or another, has the directory open
     */
    public static Journal open(final Path directory)
    {
        FileChannel lockChannel = lockDirectory(directory);
        try
        {
            return new Journal(directory, lockChannel, new ChronicleQueueStore(directory));
        }
        catch (RuntimeException | Error e)
        {
            closeQuietly(lockChannel, e);
            throw e;
        }
    }

    private static FileChannel lockDirectory(final Path directory)
    {
        FileChannel channel = null;
        try
        {
            Files.createDirectories(directory);
            channel = FileChannel.open(directory.resolve(LOCK_FILE_NAME), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new IllegalStateException("journal directory " + directory + " is open in another process");
            }
            return channel;
        }
        catch (OverlappingFileLockException e)
        {
            IllegalStateException inUse = new IllegalStateException("journal directory " + directory + " is already open", e);
            closeQuietly(channel, inUse);
            throw inUse;
        }
        catch (IllegalStateException e)
        {
            closeQuietly(channel, e);
            throw e;
        }
        catch (IOException e)
        {
            UncheckedIOException failed = new UncheckedIOException("cannot open journal directory " + directory, e);
            closeQuietly(channel, failed);
            throw failed;
        }
    }

    private static void closeQuietly(final FileChannel channel, final Throwable cause)
    {
        if (channel != null)
        {
            try
            {
                channel.close(); // releases the lock
            }
            catch (IOException e)
            {
                cause.addSuppressed(e);
            }
        }
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
     * Reads every complete record from the start, in order, on the calling thread, and stops at the end (or at a
     * torn last record) without waiting.
     *
     * @return how many records were replayed
     */
    public long replay(final RecordHandler handler)
    {
        return store.replay(handler);
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
            try
            {
                lockChannel.close(); // releases the directory lock
            }
            catch (IOException e)
            {
                throw new UncheckedIOException("cannot release the lock of journal directory " + directory, e);
            }
        }
    }
}
