package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalDumpTest
{
    @TempDir
    Path directory;

    @Test
    void shouldPrintIndexLengthAndFirstBytesOfEachRecordWhileTheJournalIsOpen()
    {
        try (Journal journal = Journal.open(directory))
        {
            long first = journal.appender().append(new UnsafeBuffer(new byte[] {0x0a, (byte) 0xff}), 0, 2);
            long second = journal.appender().append(new UnsafeBuffer(new byte[] {1, 2, 3, 4, 5}), 0, 5);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            long count = JournalDump.dump(directory, 4, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(2, count);
            assertEquals("index=" + first + " (0x" + Long.toHexString(first) + ") length=2 0aff\n"
                    + "index=" + second + " (0x" + Long.toHexString(second) + ") length=5 01020304 ...\n",
                    bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        }
    }
}
