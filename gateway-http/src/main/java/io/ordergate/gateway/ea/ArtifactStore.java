package io.ordergate.gateway.ea;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.core.Deferred;

/**
 * EA artifacts (MQ5 sources, EX5 builds) as content-addressed files, {@code DATA_DIR/artifacts/<sha256 hex>}: written
 * once (a temporary file, forced, renamed into place), owner-only (directory 0700, files 0600), never in the journal
 * (which carries the hash and size). An agent's EX5 is staged: written before the engine decides on its result, removed
 * if no result took it. A read checks the hash again, so a file changed on disk is refused. All of it on
 * two {@code og-artifacts} threads, never an event loop or the engine. Thread safe.
 */
public final class ArtifactStore implements AutoCloseable
{
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = Logger.getLogger(ArtifactStore.class.getName());

    private final Path dir;
    private final int maxBytes;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, DaemonThreads.named("og-artifacts"));
    /** Staged results not settled yet, by file name: a content shared by several is removed only when none was taken. */
    private final Map<String, Staged> staged = new HashMap<>();

    public ArtifactStore(final Path dataDir, final int maxBytes)
    {
        this.dir = dataDir.resolve("artifacts");
        this.maxBytes = maxBytes;
    }

    /** Where the slow work runs (generation, hashing, files). */
    public ExecutorService workers()
    {
        return workers;
    }

    /**
     * Runs a request's slow work on an artifact worker. If it throws (a full disk, an {@code artifacts} path that is
     * no directory), the request is answered 500 at once, the cause logged here and not sent (it names the data
     * directory): without it the request waited for an answer that could not come.
     */
    public void runFor(final Deferred deferred, final Runnable work)
    {
        workers.execute(() ->
        {
            try
            {
                work.run();
            }
            catch (final RuntimeException ex)
            {
                LOG.log(Level.WARNING, "an artifact request failed; answered 500", ex);
                deferred.internalError("the artifact could not be stored or read");
            }
        });
    }

    public int maxBytes()
    {
        return maxBytes;
    }

    /** Stores the bytes (once per content) for good; returns their SHA-256. Artifact worker. */
    public byte[] put(final byte[] bytes)
    {
        final byte[] sha = checkedSha(bytes);
        final String name = HEX.formatHex(sha);
        synchronized (staged)
        {
            final Staged held = staged.get(name);
            if (held != null)
            {
                held.removable = false;  // kept now, whatever the staged results' fate
            }
        }
        write(dir.resolve(name), bytes);
        return sha;
    }

    /**
     * Stores the bytes of a result the engine has yet to decide on; returns their SHA-256. Exactly one {@link #settle}
     * follows. The file is written (forced) before the result is published, so an accepted result's file is never
     * missing; only a file this staging wrote, and that no accepted result or {@link #put} took meanwhile, may go.
     * Artifact worker.
     */
    public byte[] stage(final byte[] bytes)
    {
        final byte[] sha = checkedSha(bytes);
        final String name = HEX.formatHex(sha);
        final Path file = dir.resolve(name);
        synchronized (staged)
        {
            // a file on disk with no staging pending was kept (or left by a crash): it is never removed here
            staged.computeIfAbsent(name, n -> new Staged(!Files.isRegularFile(file))).pending++;
        }
        try
        {
            write(file, bytes);
        }
        catch (final RuntimeException ex)
        {
            settle(sha, false);  // never published: nothing will settle it
            throw ex;
        }
        return sha;
    }

    /** The engine's decision on a {@link #stage}d result: a file no one took is removed. Artifact worker. */
    public void settle(final byte[] sha, final boolean taken)
    {
        final String name = HEX.formatHex(sha);
        synchronized (staged)
        {
            final Staged held = staged.get(name);
            held.removable &= !taken;
            if (--held.pending > 0)
            {
                return;
            }
            staged.remove(name);
            if (held.removable)
            {
                try
                {
                    Files.deleteIfExists(dir.resolve(name));
                }
                catch (final IOException ex)
                {
                    LOG.log(Level.WARNING, "a refused result's artifact could not be removed", ex);
                }
            }
        }
    }

    private byte[] checkedSha(final byte[] bytes)
    {
        if (bytes.length > maxBytes)
        {
            throw new IllegalArgumentException("an artifact is at most ea.max_artifact_bytes (" + maxBytes + " bytes)");
        }
        return sha256(bytes);
    }

    private void write(final Path file, final byte[] bytes)
    {
        try
        {
            if (Files.isRegularFile(file) && Files.size(file) == bytes.length)
            {
                return;
            }
            ownerOnlyDirectory();
            final Path temp = Files.createTempFile(dir, "incoming-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE))
            {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            try
            {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (final AtomicMoveNotSupportedException | FileAlreadyExistsException ex)
            {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot store an artifact in " + dir, ex);
        }
    }

    /** The stored bytes of this hash, checked; null when missing or changed on disk. Artifact worker. */
    public byte[] get(final byte[] sha)
    {
        final Path file = dir.resolve(HEX.formatHex(sha));
        try
        {
            if (!Files.isRegularFile(file) || Files.size(file) > maxBytes)
            {
                return null;
            }
            final byte[] bytes = Files.readAllBytes(file);
            return MessageDigest.isEqual(sha, sha256(bytes)) ? bytes : null;
        }
        catch (final IOException ex)
        {
            return null;
        }
    }

    public static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private void ownerOnlyDirectory() throws IOException
    {
        if (!Files.isDirectory(dir))
        {
            try
            {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            catch (final UnsupportedOperationException ex)
            {
                Files.createDirectories(dir);
            }
        }
    }

    @Override
    public void close()
    {
        workers.shutdownNow();
    }

    /** One content's pending staged results, and whether its file may go once they are all refused. */
    private static final class Staged
    {
        int pending;
        boolean removable;

        Staged(final boolean removable)
        {
            this.removable = removable;
        }
    }
}
