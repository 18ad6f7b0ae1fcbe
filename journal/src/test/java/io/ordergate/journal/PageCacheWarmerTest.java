package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.IoUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * The journal's writer has the file read ahead of it by its own thread, which follows it into each new day's file,
 * changes nothing in the files, and stops with the writer.
 */
class PageCacheWarmerTest
{
    private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);
    private static final int PAGE_BYTES = 4096;

    @TempDir
    Path directory;

    @Test
    void shouldReadTheFileAheadOfTheWriterIntoEachNewDayAndChangeNothing() throws IOException
    {
        final long[] now = {CycleFile.startMillis(20_000) + 1_000};
        Journal.open(directory).close();  // an empty journal, so that it opens again below to be replayed
        final long warmersBefore = warmerThreads();
        final PageCacheWarmer warmer = new PageCacheWarmer();
        try (SingleChronicleQueue queue = ChronicleQueueStore.builder(directory).timeProvider(() -> now[0]).build())
        {
            final ChronicleRecordWriter writer = new ChronicleRecordWriter(queue, warmer);
            append(writer, 0, 20_000);  // over 3 MB: more than one read of the warmer past the next day's first records
            awaitTrue(() -> warmer.warmedAheadOfWriter() >= PageCacheWarmer.AHEAD_BYTES, "read 32 MB ahead of the writer");
            final Path firstDay = onlyQueueFile();
            assertEquals(firstDay.toFile(), warmer.reading());

            now[0] += DAY_MILLIS;
            append(writer, 20_000, 10);
            final Path secondDay = cycleFiles().stream().filter(file -> !file.equals(firstDay)).findFirst().orElseThrow();
            awaitTrue(() -> secondDay.toFile().equals(warmer.reading()) && warmer.warmedAheadOfWriter() >= PageCacheWarmer.AHEAD_BYTES,
                "read ahead in the new day's file");
            assertTrue(warmer.warmedAheadOfWriter() < PageCacheWarmer.AHEAD_BYTES + PageCacheWarmer.READ_BYTES,
                "read from the new file's write position on: " + warmer.warmedAheadOfWriter());
            assertTrue(readAheadIsZero(secondDay), "the pages read ahead are still zero: nothing was written to them");
            writer.close();
        }
        assertEquals(warmersBefore, warmerThreads(), "the warmer stops with its writer");
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(20_010, SequencedJournal.replayInOrder(journal), "every record intact, in order");
        }
    }

    /**
     * The warmer brings in the pages it warms and no more, even where the writer's first fault left the kernel's
     * readahead marker ahead of it: a buffered read, or a touch through a mapping, made the kernel read ahead of the
     * warmer in windows of the whole readahead size (8 MB on the build machine), each zero-filled in one go on a vCPU
     * that gateway threads then waited for. Only where the machine's readahead reaches past the check's start (64 KB
     * after the warmed pages) can this fail.
     */
    @Test
    void shouldBringInOnlyThePagesItWarmsNotTheKernelsReadaheadBeyondThem() throws IOException
    {
        final PageCacheWarmer warmer = new PageCacheWarmer();
        try (SingleChronicleQueue queue = ChronicleQueueStore.builder(directory).build())
        {
            final ChronicleRecordWriter writer = new ChronicleRecordWriter(queue, warmer);
            append(writer, 0, 100);
            awaitTrue(() -> warmer.warmedAheadOfWriter() >= PageCacheWarmer.AHEAD_BYTES, "read 32 MB ahead of the writer");
            try (FileChannel channel = FileChannel.open(onlyQueueFile(), StandardOpenOption.READ))
            {
                final long from = warmer.warmedUpTo() + PageCacheWarmer.READ_BYTES;
                final long length = Math.min(8L << 20, channel.size() - from);
                assertTrue(length >= 1 << 20, "the file goes on past the warmed pages: " + channel.size());
                final MappedByteBuffer beyond = channel.map(FileChannel.MapMode.READ_ONLY, from, length);
                final int pages = (int) (length / PAGE_BYTES);
                int cached = 0;
                for (int page = 0; page < pages; page++)
                {
                    cached += beyond.slice(page * PAGE_BYTES, PAGE_BYTES).isLoaded() ? 1 : 0;
                }
                IoUtil.unmap(beyond);
                assertEquals(0, cached, "pages of the " + pages + " after the warmed ones already in the page cache");
            }
            writer.close();
        }
    }

    private static void append(final ChronicleRecordWriter writer, final long first, final int count)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(SequencedRecords.MAX_LENGTH);
        for (long sequence = first; sequence < first + count; sequence++)
        {
            writer.append(buffer, 0, SequencedRecords.encode(sequence, buffer));
        }
    }

    /** The second megabyte of the file onward, within the warmed range: a fresh day's few records end well before it. */
    private static boolean readAheadIsZero(final Path file) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer bytes = ByteBuffer.allocate(1 << 20);
            channel.read(bytes, 1 << 20);
            bytes.flip();
            while (bytes.hasRemaining())
            {
                if (bytes.get() != 0)
                {
                    return false;
                }
            }
            return bytes.limit() > 0;
        }
    }

    private Path onlyQueueFile() throws IOException
    {
        final List<Path> files = cycleFiles();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    private List<Path> cycleFiles()
    {
        try (Stream<Path> files = Files.list(directory))
        {
            return files.filter(file -> file.toString().endsWith(".cq4")).collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static long warmerThreads()
    {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals("og-journal-warmer")).count();
    }

    private static void awaitTrue(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("not within 20 s: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
