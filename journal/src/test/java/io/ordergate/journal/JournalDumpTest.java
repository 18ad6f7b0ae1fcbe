package io.ordergate.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
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
    void shouldPrintEachRecordCheckedWithItsIndexAndFirstBytesWhileTheJournalIsOpen()
    {
        try (Journal journal = Journal.open(directory))
        {
            long first = journal.appender().append(new UnsafeBuffer(new byte[] {0x0a, (byte) 0xff}), 0, 2);
            long second = journal.appender().append(new UnsafeBuffer(new byte[] {1, 2, 3, 4, 5}), 0, 5);
            String file = CycleFile.list(directory).get(0).name();
            String printed = dump(null);
            String[] lines = printed.split("\n");
            assertEquals(3, lines.length, printed);
            assertEquals(file + " index=0x" + Long.toHexString(first) + " at=", lines[0].substring(0, lines[0].indexOf("at=") + 3));
            assertEquals(" length=2 crc=ok 0aff", lines[0].substring(lines[0].indexOf(" length=")));
            assertEquals(" length=5 crc=ok 01020304 ...", lines[1].substring(lines[1].indexOf(" length=")));
            assertEquals(true, lines[1].startsWith(file + " index=0x" + Long.toHexString(second) + " at="), lines[1]);
            assertEquals("2 intact records, no damage", lines[2]);
        }
    }

    @Test
    void shouldHandEachRecordToThePluggedDecoderAndFallBackToHexWhenItDeclines()
    {
        try (Journal journal = Journal.open(directory))
        {
            journal.appender().append(new UnsafeBuffer(new byte[] {'h', 'i'}), 0, 2);
            journal.appender().append(new UnsafeBuffer(new byte[] {0x7f}), 0, 1);
        }
        RecordDecoder lettersOnly = (buffer, offset, length, line) ->
        {
            if (!Character.isLetter(buffer.getByte(offset)))
            {
                line.append("partial text the dump must drop");
                return false;
            }
            line.append("text \"").append(buffer.getStringWithoutLengthAscii(offset, length)).append('"');
            return true;
        };
        String[] lines = dump(lettersOnly).split("\n");
        assertEquals(true, lines[0].endsWith(" length=2 crc=ok text \"hi\""), lines[0]);
        assertEquals(true, lines[1].endsWith(" length=1 crc=ok 7f"), lines[1]);
    }

    private String dump(final RecordDecoder decoder)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JournalDump(new PrintWriter(bytes, true, StandardCharsets.UTF_8), decoder, 4).dump(directory);
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
