package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Taken and released on one thread: the OS lock on a file in a directory ({@code journal.lock}, a cluster member's
 * {@code member.lock}) that makes a process the only one using it (the gateway while it runs, or a repair tool). The
 * kernel drops it when the process dies, however it dies, which is what makes it safe to take over what a dead
 * process left behind: a Chronicle write lock (see {@link ChronicleSettings}), Aeron's mark files.
 */
public final class DirectoryLock implements AutoCloseable
{
    static final String FILE_NAME = "journal.lock";

    private final Path directory;
    private final String what;
    private final FileChannel channel;

    private DirectoryLock(final Path directory, final String what, final FileChannel channel)
    {
        this.directory = directory;
        this.what = what;
        this.channel = channel;
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
        try
        {
            OwnerOnlyFiles.directory(directory);
            channel = FileChannel.open(directory.resolve(fileName),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes());
            OwnerOnlyFiles.restrict(directory.resolve(fileName));
            FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new IllegalStateException(what + " " + directory + " is open in another process (" + fileName + " is locked)");
            }
            return new DirectoryLock(directory, what, channel);
        }
        catch (OverlappingFileLockException e)
        {
            IllegalStateException inUse = new IllegalStateException(what + " " + directory + " is already open", e);
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
            UncheckedIOException failed = new UncheckedIOException("cannot open " + what + " " + directory, e);
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
    }
}
