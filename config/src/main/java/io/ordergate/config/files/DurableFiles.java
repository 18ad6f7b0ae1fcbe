package io.ordergate.config.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stateless, any thread: the small files a gateway must find whole after a machine crash (the journal's format file,
 * the start epoch, the token signing keys, the master key), written the one way that survives one. The bytes go to a
 * temporary file beside the target, created owner-only ({@code rw-------}, as each of these files holds a secret or
 * guards the journal), forced to the device, then put in place by one rename or link, and the directory is forced so
 * that the new name survives too. A crash at any point leaves the old file or the new one, never a part of either.
 *
 * <p>A file system that cannot rename atomically within a directory is refused, not worked around with a plain move:
 * a plain move may copy and delete, and a crash in between leaves no file or a cut one. For the journal's format file
 * that stops every later start; for the start epoch it would let names given outside repeat; for the signing keys it
 * logs every user out; for the master key it makes every stored secret unreadable. Refusing says so at once, on the
 * first write, with the file's name, rather than after the crash. (This does not happen on a local POSIX file system,
 * where the temporary file's rename within its directory is always atomic.)
 *
 * <p>The callers live in three modules (journal, config, gateway-http); this one is below all of them.
 */
public final class DurableFiles
{
    static final String TEMPORARY_SUFFIX = ".tmp";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private DurableFiles()
    {
    }

    /**
     * Replaces {@code file}'s content with {@code content} whole, owner-only. One writer per file at a time (each
     * caller holds the data directory's lock, or is the start-up thread): the temporary file has a fixed name, so a
     * leftover one from a crash is simply written over.
     *
     * @throws IOException naming the file when the file system cannot rename atomically, or on any I/O failure
     */
    public static void replace(final Path file, final byte[] content) throws IOException
    {
        final Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
        Files.deleteIfExists(temporary);  // a crash's leftover, never renamed: the file it was for is still whole
        try
        {
            Files.createFile(temporary, ownerOnly());
            writeForced(temporary, content);
            try
            {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                throw new IOException("cannot replace " + file + " atomically: its file system cannot rename within a"
                    + " directory in one step, and a plain move could leave no " + file.getFileName() + " after a crash;"
                    + " put the data directory on a local file system", ex);
            }
            forceDirectory(file);
        }
        finally
        {
            Files.deleteIfExists(temporary);  // after a failure: nothing of it is left to read
        }
    }

    /**
     * Creates {@code file} with {@code content}, owner-only, unless it exists: an existing file is never replaced, so of
     * two processes making it at once the first one's content is the one both read. The temporary file has a name of its
     * own for each call (two makers must not write into one), so a crash's leftover never blocks the next call.
     *
     * @return true when this call made the file, false when it was there (made meanwhile by another process, whole)
     */
    public static boolean createOnce(final Path file, final byte[] content) throws IOException
    {
        final Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".",
            TEMPORARY_SUFFIX, ownerOnly());
        boolean made;
        try
        {
            writeForced(temporary, content);
            made = link(temporary, file);
        }
        finally
        {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(file);  // the new name, and the temporary one gone
        return made;
    }

    /** Gives {@code temporary} the name {@code file} too, unless {@code file} exists: a hard link, made or refused whole. */
    private static boolean link(final Path temporary, final Path file) throws IOException
    {
        try
        {
            Files.createLink(file, temporary);
            return true;
        }
        catch (final FileAlreadyExistsException ex)
        {
            return false;
        }
        catch (final UnsupportedOperationException ex)
        {
            // no hard links on this file system: a rename without replacing, which refuses an existing file as well
            // (only after a check, so two makers at the same instant could both rename: the last one's file stays)
            try
            {
                Files.move(temporary, file);
                return true;
            }
            catch (final FileAlreadyExistsException exists)
            {
                return false;
            }
        }
    }

    private static void writeForced(final Path temporary, final byte[] content) throws IOException
    {
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE))
        {
            final ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining())
            {
                channel.write(bytes);
            }
            channel.force(true);  // before the rename: a power loss must leave the old file or the new one, never an empty one
        }
    }

    private static void forceDirectory(final Path file) throws IOException
    {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ))
        {
            directory.force(true);  // the rename or link itself
        }
    }

    /** @return the attributes that create a file as 0600 (none where there are no POSIX permissions) */
    private static FileAttribute<?>[] ownerOnly()
    {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    }
}
