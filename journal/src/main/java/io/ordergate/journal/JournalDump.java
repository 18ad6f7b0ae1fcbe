package io.ordergate.journal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * <b>Not thread safe</b>: one dump at a time. Prints every record of a journal directory for operators, checking
 * each one's CRC32C as it reads: one line per record (its file, index, byte offset, length, then the record as a
 * {@link RecordDecoder} reads it, or its first bytes in hex), one line per damage, and a summary. After damage it
 * searches on for intact records and prints them too, marked as following the damage; a file whose end was lost
 * whole, which only Chronicle's store header tells, gets a line of its own, as {@code journal verify} reports it. Reads
 * the files without a lock and maps nothing for writing, so it can run beside a live gateway (whose append in progress
 * may then show as a damaged tail).
 *
 * <p>Run as {@code java -jar ordergate.jar journal dump --data-dir DIR} (see {@code JournalCli}).
 */
public final class JournalDump
{
    private final PrintWriter out;
    private final RecordDecoder decoder;
    private final int bytesShown;
    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer payload = new UnsafeBuffer(0, 0);
    private final StringBuilder line = new StringBuilder();
    private long intact;
    private long damages;

    /** @param decoder null for hex only */
    public JournalDump(final PrintWriter out, final RecordDecoder decoder, final int bytesShown)
    {
        this.out = out;
        this.decoder = decoder;
        this.bytesShown = bytesShown;
    }

    /** Summary of a dump. */
    public record Result(long intactRecords, long damages)
    {
    }

    public Result dump(final Path directory)
    {
        JournalScan scan = new JournalScan();
        List<CycleFile> files = CycleFile.list(directory);
        Map<Path, Long> lengths = LostEnds.lengths(files);
        // read-only, as verify reads them: the store headers alone tell a file's end that was lost whole
        try (ChronicleQueueStore store = files.isEmpty() ? null : ChronicleQueueStore.readOnly(directory))
        {
            for (CycleFile cycleFile : files)
            {
                long damagedAt;
                try (CycleFileReader file = new CycleFileReader(cycleFile.path()))
                {
                    damagedAt = dumpFile(scan, cycleFile, file);
                }
                printLostEnd(cycleFile, StoreHeaders.lostEnd(store, cycleFile, lengths.get(cycleFile.path())), damagedAt);
            }
        }
        out.println(intact + " intact records" + (damages == 0 ? ", no damage" : ", " + damages + " damaged places"));
        out.flush();
        return new Result(intact, damages);
    }

    /** @return where the last damage printed for this file is, or -1 */
    private long dumpFile(final JournalScan scan, final CycleFile cycleFile, final CycleFileReader file)
    {
        RecordCursor cursor = new RecordCursor(file, crc, true);
        boolean afterDamage = false;
        long damagedAt = -1;
        while (true)
        {
            RecordCursor.Stop stop = cursor.next();
            if (stop == RecordCursor.Stop.RECORD)
            {
                printRecord(cycleFile, file, cursor, afterDamage);
                continue;
            }
            long at = cursor.documentPosition();
            long next = scan.nextIntactRecord(file, at + RecordCursor.DOCUMENT_HEADER_LENGTH, file.size(), null);
            if (stop == RecordCursor.Stop.DAMAGED || next >= 0 || stop == RecordCursor.Stop.END && file.anySetFrom(at))
            {
                damages++;
                damagedAt = at;
                out.println(cycleFile.name() + " DAMAGED at byte " + at + ": "
                    + (stop == RecordCursor.Stop.DAMAGED ? cursor.damage() : stop == RecordCursor.Stop.END_OF_CYCLE
                        ? "an end-of-cycle marker" : "a zero document header with bytes written after it")
                    + (next < 0 ? "; no intact record after it in this file" : "; the next intact record is at byte " + next));
            }
            if (next < 0)
            {
                return damagedAt;
            }
            afterDamage = true; // the index of a record after damage is a guess: the damaged one may or may not count
            cursor.seek(next);
        }
    }

    /**
     * A file's end lost whole (no byte of it left to see, see {@link StoreHeaders#lostEnd}): what verify reports, and
     * what the record scan alone cannot show. Not printed again where the scan printed damage at the same place.
     */
    private void printLostEnd(final CycleFile cycleFile, final JournalDamage lost, final long damagedAt)
    {
        if (lost == null || lost.position() == damagedAt)
        {
            return;
        }
        damages++;
        out.println(cycleFile.name() + " END LOST at byte " + lost.position() + ": " + lost.what() + "; records written after the"
            + " last one printed for " + cycleFile.name() + " may be missing");
    }

    private void printRecord(final CycleFile cycleFile, final CycleFileReader file, final RecordCursor cursor,
        final boolean afterDamage)
    {
        intact++;
        int length = cursor.bodyLength() - RecordFormat.PAYLOAD_OFFSET;
        payload.wrap(file.buffer(), cursor.bodyOffset() + RecordFormat.PAYLOAD_OFFSET, length);
        line.setLength(0);
        line.append(cycleFile.name()).append(afterDamage ? " after-damage" : "")
            .append(" index=0x").append(Long.toHexString(cycleFile.index(cursor.records() - 1)))
            .append(" at=").append(cursor.documentPosition()).append(" length=").append(length).append(" crc=ok ");
        int mark = line.length();
        if (decoder == null || !decode(length, mark))
        {
            appendHex(line, payload, Math.min(length, bytesShown));
            if (length > bytesShown)
            {
                line.append(" ...");
            }
        }
        out.println(line);
    }

    private boolean decode(final int length, final int mark)
    {
        try
        {
            if (decoder.decode(payload, 0, length, line))
            {
                return true;
            }
        }
        catch (RuntimeException e)
        {
            line.setLength(mark);
            line.append("(decoder failed: ").append(e).append(") ");
            return false;
        }
        line.setLength(mark);
        return false;
    }

    private static void appendHex(final StringBuilder line, final DirectBuffer buffer, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            int b = buffer.getByte(i) & 0xFF;
            line.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
    }
}
