package io.ordergate.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Start-up thread or a repair tool, with the directory lock held: replaces one cycle file by a new one holding only
 * its first records, written by Chronicle itself into the same cycle (so the kept records keep their indexes and
 * Chronicle's index and write position describe exactly them), after the original has been put aside unchanged.
 *
 * <p>Crash-safe order: the new file is built in a temporary directory; the original is hard-linked (or copied) into
 * the aside directory; then the new file is renamed over the original in one atomic step. A crash before the rename
 * leaves the journal as it was (the next start finds the same damage again); after it, the repair is complete.
 */
final class CycleRewriter
{
    static final String WORK_DIRECTORY_NAME = ".rewrite";

    private CycleRewriter()
    {
    }

    /**
     * @param keep     how many records of {@code source} to keep, from its start
     * @param checked  false when {@code source} is a journal file from before checksums: each document is a payload,
     *                 and the new file gets it framed and checksummed
     */
    static void keepFirst(final Path directory, final CycleFile source, final long keep, final boolean checked,
        final Path asideDirectory)
    {
        Path work = directory.resolve(WORK_DIRECTORY_NAME);
        try
        {
            deleteRecursively(work);
            Path rebuilt = keep == 0 ? null : copyRecords(source, keep, checked, work);
            OwnerOnlyFiles.directory(asideDirectory);
            Path aside = asideDirectory.resolve(source.name());
            linkOrCopy(source.path(), aside);
            OwnerOnlyFiles.restrict(aside);
            if (rebuilt == null)
            {
                Files.delete(source.path());
            }
            else
            {
                OwnerOnlyFiles.restrict(rebuilt);
                Files.move(rebuilt, source.path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            deleteRecursively(work);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot rewrite journal file " + source.path(), e);
        }
    }

    /**
     * Cuts the journal at its damaged cycle {@code files[damaged]}: keeps that cycle's first {@code keep} records
     * (as {@link #keepFirst}) and moves every later cycle file aside whole. Later cycles go too because replay must
     * not skip the damaged part and go on: commands after it may depend on what was lost there.
     *
     * <p>Crash-safe order: the later files go first (newest first, so what is left never lacks a day in between) and
     * the damaged one is rewritten last, so a crash part way leaves the damage in place, and the next start, repair or
     * migration finds it and cuts again. Rewritten first, it would look intact, and the later files still in the
     * directory would be replayed after the gap.
     *
     * @param files every cycle file of the journal, oldest first
     * @return how many later cycle files were moved aside
     */
    static int cutAt(final Path directory, final List<CycleFile> files, final int damaged, final long keep,
        final boolean checked, final Path asideDirectory)
    {
        for (int i = files.size() - 1; i > damaged; i--)
        {
            moveAside(files.get(i), asideDirectory);
        }
        keepFirst(directory, files.get(damaged), keep, checked, asideDirectory);
        return files.size() - 1 - damaged;
    }

    /** Moves a whole cycle file into the aside directory. */
    static void moveAside(final CycleFile source, final Path asideDirectory)
    {
        try
        {
            OwnerOnlyFiles.directory(asideDirectory);
            Files.move(source.path(), asideDirectory.resolve(source.name()), StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot move journal file " + source.path() + " to " + asideDirectory, e);
        }
    }

    private static Path copyRecords(final CycleFile source, final long keep, final boolean checked, final Path work)
    {
        OwnerOnlyFiles.directory(work);
        UnsafeBuffer payload = new UnsafeBuffer(0, 0);
        try (CycleFileReader file = new CycleFileReader(source.path());
            SingleChronicleQueue queue = ChronicleQueueStore.writerForCycle(work, source.cycle()))
        {
            ChronicleRecordWriter writer = new ChronicleRecordWriter(queue);
            RecordCursor cursor = new RecordCursor(file, new CRC32C(), checked);
            int skip = checked ? RecordFormat.PAYLOAD_OFFSET : 0;
            while (cursor.records() < keep)
            {
                if (cursor.next() != RecordCursor.Stop.RECORD)
                {
                    throw new IllegalStateException(source.path() + " has fewer than " + keep + " intact records");
                }
                payload.wrap(file.buffer(), cursor.bodyOffset() + skip, cursor.bodyLength() - skip);
                writer.append(payload, 0, payload.capacity());
            }
            writer.close();
        }
        Path rebuilt = CycleFile.pathOf(work, source.cycle());
        if (!Files.isRegularFile(rebuilt))
        {
            throw new IllegalStateException("Chronicle did not write " + rebuilt);
        }
        return rebuilt;
    }

    private static void linkOrCopy(final Path original, final Path aside) throws IOException
    {
        Files.deleteIfExists(aside); // a repair cut short after this step, then run again
        try
        {
            Files.createLink(aside, original);
        }
        catch (UnsupportedOperationException | FileSystemException e)
        {
            Files.copy(original, aside);
        }
    }

    static void deleteRecursively(final Path directory) throws IOException
    {
        if (!Files.exists(directory))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory))
        {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(path);
            }
        }
    }
}
