package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest
{
    @TempDir
    Path directory;

    @Test
    void shouldReplayAppendedRecordsInOrderWithTheirBytes()
    {
        List<byte[]> written = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        try (Journal journal = Journal.open(directory))
        {
            JournalAppender appender = journal.appender();
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[4100]);
            for (int length = 1; length <= 4000; length += 37)
            {
                byte[] record = recordOfLength(length);
                buffer.putBytes(50, record);
                indexes.add(appender.append(buffer, 50, length));
                written.add(record);
            }
            List<byte[]> read = new ArrayList<>();
            List<Long> readIndexes = new ArrayList<>();
            long count = journal.replay((b, offset, length, index) -> {
                byte[] copy = new byte[length];
                b.getBytes(offset, copy);
                read.add(copy);
                readIndexes.add(index);
            });
            assertEquals(written.size(), count);
            assertEquals(written.size(), read.size());
            for (int i = 0; i < written.size(); i++)
            {
                assertArrayEquals(written.get(i), read.get(i), "record " + i);
            }
            assertEquals(indexes, readIndexes);
            assertEquals(indexes.get(indexes.size() - 1), journal.lastIndex());
        }
    }

    @Test
    void shouldAppendFromOffHeapAndHeapByteBuffers()
    {
        try (Journal journal = Journal.open(directory))
        {
            UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
            UnsafeBuffer heapSlice = new UnsafeBuffer(ByteBuffer.wrap(new byte[64], 8, 32).slice());
            for (int i = 0; i < 32; i++)
            {
                direct.putByte(i, (byte) i);
                heapSlice.putByte(i, (byte) (100 + i));
            }
            journal.appender().append(direct, 4, 10);
            journal.appender().append(heapSlice, 2, 20);
            List<byte[]> read = replayAll(journal);
            assertArrayEquals(new byte[] {4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, read.get(0));
            byte[] expected = new byte[20];
            for (int i = 0; i < 20; i++)
            {
                expected[i] = (byte) (102 + i);
            }
            assertArrayEquals(expected, read.get(1));
        }
    }

    @Test
    void shouldContinueIndexesAfterReopen()
    {
        long firstIndex;
        try (Journal journal = Journal.open(directory))
        {
            firstIndex = journal.appender().append(new UnsafeBuffer(new byte[] {1, 2, 3}), 0, 3);
            journal.appender().append(new UnsafeBuffer(new byte[] {4}), 0, 1);
        }
        try (Journal journal = Journal.open(directory))
        {
            long lastBefore = journal.lastIndex();
            assertTrue(lastBefore > firstIndex);
            long next = journal.appender().append(new UnsafeBuffer(new byte[] {5, 6}), 0, 2);
            assertTrue(next > lastBefore, next + " after " + lastBefore);
            assertEquals(next, journal.lastIndex());
            List<byte[]> read = replayAll(journal);
            assertEquals(3, read.size());
            assertArrayEquals(new byte[] {1, 2, 3}, read.get(0));
            assertArrayEquals(new byte[] {4}, read.get(1));
            assertArrayEquals(new byte[] {5, 6}, read.get(2));
        }
    }

    @Test
    void shouldReturnZeroForEmptyJournal()
    {
        try (Journal journal = Journal.open(directory.resolve("not/yet/there")))
        {
            assertEquals(0, journal.replay((b, o, l, i) -> {
                throw new AssertionError("no records expected");
            }));
            assertEquals(-1, journal.lastIndex());
            assertEquals(directory.resolve("not/yet/there"), journal.directory());
        }
    }

    @Test
    void shouldRefuseARangeOutsideTheBufferWithoutWritingARecord()
    {
        try (Journal journal = Journal.open(directory))
        {
            UnsafeBuffer buffer = new UnsafeBuffer(new byte[8]);
            assertThrows(IndexOutOfBoundsException.class, () -> journal.appender().append(buffer, 4, 8));
            assertEquals(-1, journal.lastIndex());
            assertEquals(0, journal.replay((b, o, l, i) -> { }));
        }
    }

    @Test
    void shouldAppendOnTheJournalThreadAndCloseFromTheStartUpThread() throws Exception
    {
        ExecutorService journalThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "journal"));
        try (Journal journal = Journal.open(directory))
        {
            JournalAppender appender = journal.appender();
            assertSame(appender, journal.appender());
            Future<Long> index = journalThread.submit(() -> appender.append(new UnsafeBuffer(new byte[] {7}), 0, 1));
            assertEquals(index.get(60, TimeUnit.SECONDS), journal.lastIndex());
            assertTrue(journal.sizeBytes() > 0);
        }
        finally
        {
            journalThread.shutdownNow();
        }
        try (Journal journal = Journal.open(directory))
        {
            assertEquals(1, journal.replay((b, o, l, i) -> { }));
        }
    }

    private static List<byte[]> replayAll(final Journal journal)
    {
        List<byte[]> read = new ArrayList<>();
        journal.replay((b, offset, length, index) -> {
            byte[] copy = new byte[length];
            b.getBytes(offset, copy);
            read.add(copy);
        });
        return read;
    }

    private static byte[] recordOfLength(final int length)
    {
        byte[] record = new byte[length];
        for (int i = 0; i < length; i++)
        {
            record[i] = (byte) (length * 7 + i * 13);
        }
        return record;
    }
}
