package io.ordergate.journal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;

/**
 * Immutable: one of the queue's files, one per roll cycle (a UTC day), named by Chronicle's roll cycle format.
 * Listing and naming use Chronicle's own resource cache, so the names are the ones Chronicle reads and writes.
 */
record CycleFile(int cycle, Path path)
{
    static final String SUFFIX = ".cq4";

    /** The queue's roll cycle; see {@link ChronicleQueueStore}. */
    static RollCycle rollCycle()
    {
        return ChronicleQueueStore.ROLL_CYCLE;
    }

    /** @return the queue files of {@code directory}, oldest cycle first; empty when there is none */
    static List<CycleFile> list(final Path directory)
    {
        List<CycleFile> files = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return files;
        }
        RollingResourcesCache names = names(directory);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + SUFFIX))
        {
            for (Path entry : entries)
            {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry))
                {
                    files.add(new CycleFile(cycleOf(names, entry), entry));
                }
            }
        }
        catch (IOException e)
        {
            throw new UncheckedIOException("cannot list journal directory " + directory, e);
        }
        files.sort(Comparator.comparingInt(CycleFile::cycle));
        return files;
    }

    private static int cycleOf(final RollingResourcesCache names, final Path file)
    {
        String name = file.getFileName().toString();
        try
        {
            return names.parseCount(name.substring(0, name.length() - SUFFIX.length()));
        }
        catch (RuntimeException e)
        {
            // Chronicle's own message names neither the directory nor what to do
            throw new IllegalStateException(file + " is not a day file of the journal (Chronicle names those "
                + rollCycle().format() + SUFFIX + ", and reads the days in the order of their names): move it out of"
                + " the journal directory", e);
        }
    }

    /** @return the path Chronicle gives the file of {@code cycle} in {@code directory} */
    static Path pathOf(final Path directory, final int cycle)
    {
        return names(directory).resourceFor(cycle).path.toPath();
    }

    /** The first millisecond of {@code cycle}: a clock fixed there makes Chronicle write into that cycle's file. */
    static long startMillis(final int cycle)
    {
        return (long) cycle * rollCycle().lengthInMillis();
    }

    /** @return the index Chronicle gives the {@code sequence}th data document of this cycle */
    long index(final long sequence)
    {
        return rollCycle().toIndex(cycle, sequence);
    }

    String name()
    {
        return path.getFileName().toString();
    }

    private static RollingResourcesCache names(final Path directory)
    {
        File dir = directory.toFile();
        return new RollingResourcesCache(rollCycle(), 0, name -> new File(dir, name + SUFFIX), file -> {
            String name = file.getName();
            return name.substring(0, name.length() - SUFFIX.length());
        });
    }
}
