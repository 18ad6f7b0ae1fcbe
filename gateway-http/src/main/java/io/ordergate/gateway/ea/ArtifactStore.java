package io.ordergate.gateway.ea;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.ordergate.gateway.core.DaemonThreads;
import io.ordergate.gateway.core.Deferred;
import io.ordergate.journal.DurableFiles;
import io.ordergate.journal.OwnerOnlyFiles;

/**
 * EA artifacts (MQ5 sources, EX5 builds) as content-addressed files, {@code DATA_DIR/artifacts/<sha256 hex>}: written
 * once, crash-safe ({@link DurableFiles#createOnce}), owner-only (directory 0700, files 0600), never in the journal
 * (which carries the hash and size). An agent's EX5 is staged: written before the engine decides on its result (a
 * {@code <sha256 hex>.staged} marker beside a file the staging wrote), removed if no result took it; a recompile's
 * replaced EX5 is released once the new one is settled; what a killed gateway left staged is swept at the next start.
 * A read checks the hash again, so a file changed on disk is refused. All of it on two {@code og-artifacts} threads,
 * and what must follow the engine's order on one {@code og-artifacts-ordered} thread, never an event loop or the
 * engine. Thread safe.
 */
public final class ArtifactStore implements AutoCloseable
{
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger LOG = Logger.getLogger(ArtifactStore.class.getName());
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
        PosixFilePermissions.fromString("rw-------"));
    private static final String STAGED = ".staged";

    private final Path dir;
    private final int maxBytes;
    private final ExecutorService workers = Executors.newFixedThreadPool(2, DaemonThreads.named("og-artifacts"));
    /**
     * Settling, releasing and downloads, run in the order the reply stage hands them over (the engine's): a file is
     * released only after every download the engine answered before the recompile has read it, and after the settling
     * of any result that took the same bytes before it.
     */
    private final ExecutorService ordered = Executors.newSingleThreadExecutor(DaemonThreads.named("og-artifacts-ordered"));
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
        workers.execute(answeredOnFailure(deferred, work));
    }

    /** As {@link #runFor}, on the one thread that keeps the order the reply stage hands work over in (the engine's). */
    public void runInOrder(final Deferred deferred, final Runnable work)
    {
        ordered.execute(answeredOnFailure(deferred, work));
    }

    private static Runnable answeredOnFailure(final Deferred deferred, final Runnable work)
    {
        return () ->
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
        };
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
        try
        {
            synchronized (staged)
            {
                // a file on disk with no staging pending was kept (or left by a crash): it is never removed here
                final Staged held = staged.computeIfAbsent(name, n -> new Staged(!Files.isRegularFile(file)));
                held.pending++;
                if (held.removable && !held.marked)
                {
                    held.marked = true;
                    mark(name);  // before the file: a kill leaves no staged file unmarked for the start-up sweep
                }
            }
            write(file, bytes);
        }
        catch (final RuntimeException ex)
        {
            settle(sha, false);  // never published: nothing will settle it
            throw ex;
        }
        return sha;
    }

    /**
     * The engine's decision on a {@link #stage}d result: a file no one took is removed, the staging marker goes. In order
     * ({@link #runInOrder}), or on the worker that staged a result never published.
     */
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
                delete(name, "a refused result's artifact");
            }
            if (held.marked)
            {
                delete(name + STAGED, "a settled artifact's staging marker");
            }
        }
    }

    /**
     * The engine left no record pointing at these bytes (a recompile's replaced EX5): the file goes now, or, while
     * stagings of the same bytes are pending, once they are settled and none was taken. In order ({@link #runInOrder}).
     */
    public void release(final byte[] sha)
    {
        final String name = HEX.formatHex(sha);
        synchronized (staged)
        {
            final Staged held = staged.get(name);
            if (held != null)
            {
                held.removable = true;
                return;
            }
            delete(name, "a replaced artifact");
        }
    }

    /**
     * At start-up, before any request: removes what a killed gateway left half done, writes cut before their rename
     * and staged files never settled, but for those a journaled result took (its settling was cut off), which are kept.
     *
     * @param taken the names ({@code <sha256 hex>}) of the files results took, as the replay of the journal found them
     */
    public void sweepOrphans(final Set<String> taken)
    {
        if (!Files.isDirectory(dir))
        {
            return;
        }
        int swept = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir))
        {
            for (final Path file : files)
            {
                final String name = file.getFileName().toString();
                if (DurableFiles.isTemporary(file))
                {
                    swept += delete(name, "an unfinished artifact write") ? 1 : 0;
                }
                else if (name.endsWith(STAGED))
                {
                    final String content = name.substring(0, name.length() - STAGED.length());
                    swept += !taken.contains(content) && delete(content, "an orphaned staged artifact") ? 1 : 0;
                    delete(name, "a staging marker");
                }
            }
        }
        catch (final IOException ex)
        {
            LOG.log(Level.WARNING, "the artifacts directory could not be swept", ex);
        }
        if (swept > 0)
        {
            final int count = swept;
            LOG.info(() -> "artifacts: swept " + count + " orphaned artifact files at start-up (staged and never settled, or cut mid-write)");
        }
    }

    private boolean delete(final String name, final String what)
    {
        try
        {
            return Files.deleteIfExists(dir.resolve(name));
        }
        catch (final IOException ex)
        {
            LOG.log(Level.WARNING, what + " could not be removed", ex);
            return false;
        }
    }

    private void mark(final String name)
    {
        try
        {
            OwnerOnlyFiles.directory(dir);
            Files.createFile(dir.resolve(name + STAGED), OWNER_ONLY);
        }
        catch (final FileAlreadyExistsException ex)
        {
            // left by a staging the gateway was killed in: this one settles it
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot stage an artifact in " + dir, ex);
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
            OwnerOnlyFiles.directory(dir);
            DurableFiles.createOnce(file, bytes);
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

    @Override
    public void close()
    {
        workers.shutdownNow();
        ordered.shutdownNow();
    }

    /** One content's pending staged results, and whether its file may go once they are all refused. */
    private static final class Staged
    {
        int pending;
        boolean removable;
        /** A staging wrote the file and its {@code .staged} marker: the marker goes when the last one is settled. */
        boolean marked;

        Staged(final boolean removable)
        {
            this.removable = removable;
        }
    }
}
