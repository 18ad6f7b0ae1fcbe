package io.ordergate.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Stateless, any thread: the small files a gateway must find whole after a machine crash and replaces now and then
 * (the journal's format file, the start epoch, the token signing keys), and the content-addressed ones it writes once
 * (the EA artifacts, {@link #createOnce}), written the one way that survives one. The bytes go to a temporary file
 * beside the target, created owner-only ({@code rw-------}, as each of these files holds a secret, guards the journal
 * or is a user's), forced to the device, then put in place by one rename, and the directory is forced so that the new
 * name survives too. A crash at any point leaves the old file or the new one, never a part of either.
 *
 * <p>A file system that cannot rename atomically within a directory is refused, not worked around with a plain move:
 * a plain move may copy and delete, and a crash in between leaves no file or a cut one. For the journal's format file
 * that stops every later start; for the start epoch it would let names given outside repeat; for the signing keys it
 * logs every user out. Refusing says so at once, on the first write, with the file's name, rather than after the
 * crash. (This does not happen on a local POSIX file system, where the temporary file's rename within its directory
 * is always atomic.)
 *
 * <p>In journal, below its callers in gateway-http, as {@link OwnerOnlyFiles} is. The master key (config, below
 * journal) is made once and never replaced, a link rather than a rename: config's {@code MasterKeys} does that.
 */
public final class DurableFiles
{
    static final String TEMPORARY_SUFFIX = ".tmp";

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
            Files.createFile(temporary, OwnerOnlyFiles.fileAttributes());
            writeForced(temporary, content);
            renameForced(temporary, file);
        }
        finally
        {
            Files.deleteIfExists(temporary);  // after a failure: nothing of it is left to read
        }
    }

    /**
     * Creates {@code file} with {@code content} whole, owner-only, unless a file of that name and length is there: for
     * a file whose name says its content (a hash of it), written once and never changed, such as an EA artifact. Its
     * writers may run at once: each writes its own temporary file ({@code <name>.<random>.tmp}), and whichever rename
     * lands last puts the same bytes in place. A file of another length there (cut by hand or by a copy) is replaced.
     * A crash leaves no file or a whole one, and at most a temporary file, which {@link #isTemporary} names.
     *
     * @return false when the file was there already
     * @throws IOException as {@link #replace} does; no temporary file is left
     */
    public static boolean createOnce(final Path file, final byte[] content) throws IOException
    {
        if (Files.isRegularFile(file) && Files.size(file) == content.length)
        {
            return false;
        }
        final Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", TEMPORARY_SUFFIX,
            OwnerOnlyFiles.fileAttributes());
        try
        {
            writeForced(temporary, content);
            renameForced(temporary, file);
        }
        finally
        {
            Files.deleteIfExists(temporary);  // after a failure: nothing of it is left to read
        }
        return true;
    }

    /** @return true for one of the temporary files written here: a crash (or a kill) left it before its rename */
    public static boolean isTemporary(final Path file)
    {
        return file.getFileName().toString().endsWith(TEMPORARY_SUFFIX);
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

    /** Puts the forced temporary file in place by one rename, and forces the directory so that the new name survives. */
    private static void renameForced(final Path temporary, final Path file) throws IOException
    {
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

    private static void forceDirectory(final Path file) throws IOException
    {
        try (FileChannel directory = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ))
        {
            directory.force(true);  // the rename or link itself
        }
    }
}
