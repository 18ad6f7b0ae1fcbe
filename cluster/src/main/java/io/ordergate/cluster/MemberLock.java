package io.ordergate.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a member's cluster directory ({@code data_dir/cluster/member.lock}), held while the member runs.
 * The operating system releases it when the process ends, however it ends, so holding it proves that no live process
 * uses the directory: a mark file of Aeron's that still looks alive is then a killed process's, and waiting for it to
 * go stale is safe ({@link ClusterNode#launch}). Not thread safe; closed once.
 */
final class MemberLock implements AutoCloseable
{
    static final String FILE_NAME = "member.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private MemberLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another process (or this one) holds the directory's lock */
    static MemberLock acquire(final Path clusterDir)
    {
        final Path file = clusterDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            Files.createDirectories(clusterDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (lock != null)
            {
                return new MemberLock(channel, lock);
            }
        }
        catch (final OverlappingFileLockException ex)
        {
            // held by this process already: the same answer as another process holding it
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, ex);
        }
        closeQuietly(channel);
        throw new IllegalStateException("another running process is this cluster member: " + file + " is locked (stop it first, or give "
            + "this gateway a data_dir of its own)");
    }

    @Override
    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ex)
        {
            // the channel's close below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (channel == null)
        {
            return;
        }
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            // nothing left to release
        }
    }
}
