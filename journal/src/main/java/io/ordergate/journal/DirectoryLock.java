package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Taken and released on one thread: the OS lock on a file in a directory ({@code journal.lock}, a cluster member's
 * {@code member.lock}) that makes a process the only one using it (the gateway while it runs, or a repair tool). The
 * kernel drops it when the process dies, however it dies, which is what makes it safe to take over what a dead
 * process left behind: a Chronicle write lock (see {@link ChronicleSettings}), Aeron's mark files.
 */
public final class DirectoryLock implements AutoCloseable
{
    static final String FILE_NAME = "journal.lock";

    /**
     * The lock files this process holds. The OS lock is a POSIX record lock, which belongs to the process: closing
     * any descriptor of the file drops it, so a second acquire must not even open the file (the refused attempt's
     * close would leave the directory open to another process while the holder goes on).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final String what;
    private final FileChannel channel;
    private final Path heldFile;

    private DirectoryLock(final Path directory, final String what, final FileChannel channel, final Path heldFile)
    {
        this.directory = directory;
        this.what = what;
        this.channel = channel;
        this.heldFile = heldFile;
    }

    /** @throws IllegalStateException when another journal or tool, in this process or another, holds the directory */
    static DirectoryLock acquire(final Path directory)
    {
        return acquire(directory, FILE_NAME, "journal directory");
    }

    /**
     * Locks {@code directory/fileName} (made owner-only), {@code what} naming the directory in messages.
     *
     * @throws IllegalStateException when another process, or this one, holds it
     */
    public static DirectoryLock acquire(final Path directory, final String fileName, final String what)
    {
        FileChannel channel = null;
        Path heldFile = null;
        try
        {
            OwnerOnlyFiles.directory(directory);
            Path file = directory.toRealPath().resolve(fileName); // one key however the directory is named
            if (!HELD.add(file))
            {
                throw new IllegalStateException(what + " " + directory + " is already open");
            }
            heldFile = file;
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnlyFiles.fileAttributes());
            OwnerOnlyFiles.restrict(file);
            FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new IllegalStateException(what + " " + directory + " is open in another process (" + fileName + " is locked)");
            }
            return new DirectoryLock(directory, what, channel, file);
        }
        catch (IllegalStateException e)
        {
            closeQuietly(channel, heldFile, e);
            throw e;
        }
        catch (IOException e)
        {
            UncheckedIOException failed = new UncheckedIOException("cannot open " + what + " " + directory, e);
            closeQuietly(channel, heldFile, failed);
            throw failed;
        }
    }

    /** Undoes a refused acquire: only ever on a file no one in this process held, so the close drops no one's lock. */
    private static void closeQuietly(final FileChannel channel, final Path heldFile, final Throwable cause)
    {
        try
        {
            if (channel != null)
            {
                channel.close();
            }
        }
        catch (IOException e)
        {
            cause.addSuppressed(e);
        }
        finally
        {
            if (heldFile != null)
            {
                HELD.remove(heldFile);
            }
        }
    }

    @Override
    public void close()
    {
        try
        {
            channel.close(); // releases the lock
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot release the lock of " + what + " " + directory, e);
        }
        finally
        {
            HELD.remove(heldFile); // after the close: an acquire in between finds it held, and opens nothing
        }
    }
}
