package io.ordergate.journal;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;

import net.openhft.chronicle.wire.Wires;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * <b>Not thread safe</b>: one scan at a time per instance. Reads a journal directory's records straight from its
 * cycle files and checks every one, in two ways:
 * <ul>
 *   <li>{@link #replay}: delivers each intact record in order and stops at the end; a damaged record throws
 *       ({@link Journal#open} has already inspected the journal, so one here means it changed since);</li>
 *   <li>{@link #inspect}: finds the first damage and what follows it. After the damage it searches every 4-byte
 *       aligned position for a document holding an intact record (its format word, length and CRC32C all agree,
 *       which garbage passes with odds below 2^-56), so records after a damaged header are found, not skipped.</li>
 * </ul>
 * A zero header is the end of the written data only when no byte after it is set: a record whose header was
 * zeroed, or an append cut short by a crash, leaves its body behind, and that is damage at the tail.
 */
final class JournalScan
{
    /**
     * How far past the damage in an earlier day's file, and past each intact record found after it, the search goes:
     * a damaged header hides a record at most one document long, so the record after it, or the body of a last record
     * whose header was lost, starts within this.
     * The last file is searched to its end (a crash can leave an append cut short anywhere in its free space), and
     * an earlier file is not searched to its end because Chronicle leaves tens of megabytes of zeros in each.
     */
    static final long SEARCH_PAST_END_BYTES = RecordCursor.DOCUMENT_HEADER_LENGTH + RecordFormat.HEADER_LENGTH
        + RecordFormat.MAX_PAYLOAD_LENGTH;

    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    /** @return how many records were delivered */
    long replay(final Path directory, final RecordHandler handler)
    {
        long delivered = 0;
        for (CycleFile cycleFile : CycleFile.list(directory))
        {
            try (CycleFileReader file = new CycleFileReader(cycleFile.path()))
            {
                RecordCursor cursor = new RecordCursor(file, crc, true);
                RecordCursor.Stop stop;
                while ((stop = cursor.next()) == RecordCursor.Stop.RECORD)
                {
                    int payloadOffset = cursor.bodyOffset() + RecordFormat.PAYLOAD_OFFSET;
                    int payloadLength = cursor.bodyLength() - RecordFormat.PAYLOAD_OFFSET;
                    view.wrap(file.buffer(), payloadOffset, payloadLength);
                    handler.onRecord(view, 0, payloadLength, cycleFile.index(cursor.records() - 1));
                    delivered++;
                }
                if (stop == RecordCursor.Stop.DAMAGED)
                {
                    throw new JournalDamagedException("journal record damaged during replay: " + cycleFile.name()
                        + " at byte " + cursor.documentPosition() + ": " + cursor.damage()
                        + "; it was intact when the journal opened, so the disk or another process changed it");
                }
            }
        }
        return delivered;
    }

    JournalInspection inspect(final Path directory)
    {
        List<CycleFile> files = CycleFile.list(directory);
        long records = 0;
        long lastIndex = -1;
        for (int i = 0; i < files.size(); i++)
        {
            CycleFile cycleFile = files.get(i);
            try (CycleFileReader file = new CycleFileReader(cycleFile.path()))
            {
                RecordCursor cursor = new RecordCursor(file, crc, true);
                RecordCursor.Stop stop;
                while ((stop = cursor.next()) == RecordCursor.Stop.RECORD)
                {
                    records++;
                    lastIndex = cycleFile.index(cursor.records() - 1);
                }
                long at = cursor.documentPosition();
                String what = switch (stop)
                {
                    case DAMAGED -> cursor.damage();
                    case END_OF_CYCLE -> "an end-of-cycle marker";
                    default -> "a zero document header";
                };
                // after an end-of-cycle marker Chronicle writes the text "EOF": only intact records after it count
                long from = at + RecordCursor.DOCUMENT_HEADER_LENGTH;
                boolean lastFile = i == files.size() - 1;
                Leftover after = leftover(file, from, lastFile ? file.size() : SEARCH_PAST_END_BYTES);
                boolean endOfData = stop != RecordCursor.Stop.DAMAGED
                    && after.records == 0 && (stop == RecordCursor.Stop.END_OF_CYCLE || after.lastNonZero < 0);
                if (!endOfData)
                {
                    long recordsAfter = after.records;
                    for (int j = i + 1; j < files.size(); j++)
                    {
                        try (CycleFileReader later = new CycleFileReader(files.get(j).path()))
                        {
                            recordsAfter += leftover(later, 0, later.size()).records;
                        }
                    }
                    long damagedBytes = Math.min(file.size(),
                        Math.max(after.lastNonZero + 1, at + RecordCursor.DOCUMENT_HEADER_LENGTH)) - at;
                    if (stop == RecordCursor.Stop.END && after.records == 0)
                    {
                        what += " with bytes written after it (a record whose header was lost, or an append cut"
                            + " short by a crash)";
                    }
                    JournalDamage damage = new JournalDamage(cycleFile.path(), at, what, cursor.records(), damagedBytes,
                        recordsAfter, recordsAfter - after.records, files.size() - 1 - i);
                    return new JournalInspection(directory, records, lastIndex, damage);
                }
            }
        }
        return new JournalInspection(directory, records, lastIndex, null);
    }

    /**
     * What lies in {@code file} from {@code from}: intact records found by searching, the last set byte. The search
     * goes up to {@code reach} bytes past {@code from} and past the end of each record it finds (so a run of records
     * is followed to its end however long it is), and never past the end of the file.
     */
    private Leftover leftover(final CycleFileReader file, final long from, final long reach)
    {
        Leftover leftover = new Leftover();
        long position = RecordCursor.align(from);
        long limit = Math.min(file.size(), from + reach);
        while (true)
        {
            long found = nextIntactRecord(file, position, limit, leftover);
            if (found < 0)
            {
                return leftover;
            }
            leftover.records++;
            long end = found + RecordCursor.DOCUMENT_HEADER_LENGTH + (file.intAt(found) & Wires.LENGTH_MASK);
            leftover.lastNonZero = end - 1;
            position = RecordCursor.align(end);
            limit = Math.max(limit, Math.min(file.size(), end + reach));
        }
    }

    /**
     * Searches {@code file} from {@code from} (up to {@code limit}) for the next document holding an intact record.
     *
     * @param leftover if not null, told the position of the last set byte passed over
     * @return the position of its header, or -1 when there is none
     */
    long nextIntactRecord(final CycleFileReader file, final long from, final long limit, final Leftover leftover)
    {
        for (long position = RecordCursor.align(from); position + RecordCursor.DOCUMENT_HEADER_LENGTH <= limit;
            position += Integer.BYTES)
        {
            int header = file.intAt(position);
            if (header == 0)
            {
                continue;
            }
            if (RecordCursor.isIntactRecord(file, crc, position))
            {
                return position;
            }
            if (leftover != null)
            {
                leftover.lastNonZero = position + lastSetByte(header);
            }
        }
        return -1;
    }

    private static int lastSetByte(final int littleEndianInt)
    {
        return (Integer.SIZE - 1 - Integer.numberOfLeadingZeros(littleEndianInt)) / Byte.SIZE;
    }

    static final class Leftover
    {
        long records;
        long lastNonZero = -1;
    }
}
