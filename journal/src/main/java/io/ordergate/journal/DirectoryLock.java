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
 * Taken and released on one thread: the OS lock on {@code journal.lock} that makes a process the only one using a
 * journal directory (the gateway while it runs, or a repair tool). The kernel drops it when the process dies,
 * however it dies, which is what makes it safe to take over a Chronicle write lock left behind by a dead process
 * (see {@link ChronicleSettings}).
 */
final class DirectoryLock implements AutoCloseable
{
    static final String FILE_NAME = "journal.lock";

    private final Path directory;
    private final FileChannel channel;

    private DirectoryLock(final Path directory, final FileChannel channel)
    {
        this.directory = directory;
        this.channel = channel;
    }

    /** @throws IllegalStateException when another journal or tool, in this process or another, holds the directory */
    static DirectoryLock acquire(final Path directory)
    {
        FileChannel channel = null;
        try
        {
            OwnerOnlyFiles.directory(directory);
            channel = FileChannel.open(directory.resolve(FILE_NAME),
                Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnlyFiles.fileAttributes());
            OwnerOnlyFiles.restrict(directory.resolve(FILE_NAME));
            FileLock lock = channel.tryLock();
            if (lock == null)
            {
                throw new IllegalStateException("journal directory " + directory + " is open in another process");
            }
            return new DirectoryLock(directory, channel);
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

    @Override
    public void close()
    {
        try
        {
            channel.close(); // releases the lock
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot release the lock of journal directory " + directory, e);
        }
    }
}
