package io.ordergate.journal;

import java.util.zip.CRC32C;

import net.openhft.chronicle.wire.Wires;

/**
 * <b>Not thread safe</b>: one reader's walk over the documents of one cycle file, from its start. Each
 * {@link #next()} moves to the next data record and checks it, skipping Chronicle's own metadata documents (the
 * store header and index arrays), or says why there is no next record.
 *
 * <p>Chronicle's document header, as this reads it: a little-endian int at a 4-byte aligned position; bit 31 "not
 * complete", bit 30 "metadata", bits 0-29 the body length. Zero means nothing was written there (yet);
 * {@link Wires#END_OF_DATA} closes a cycle that rolled.
 */
final class RecordCursor
{
    enum Stop
    {
        /** a checked record: {@link #bodyOffset()} and {@link #bodyLength()} in the reader's buffer */
        RECORD,
        /** a zero header: the end of what was written, unless something follows (see {@link JournalScan}) */
        END,
        /** Chronicle's end-of-cycle marker */
        END_OF_CYCLE,
        /** a document or record that is not intact: {@link #damage()} says how */
        DAMAGED
    }

    static final int DOCUMENT_HEADER_LENGTH = Integer.BYTES;

    private final CycleFileReader file;
    private final CRC32C crc;
    private final boolean checked;
    private long position;
    private long documentPosition;
    private int bodyOffset;
    private int bodyLength;
    private long records;
    private String damage;

    /** @param checked false for a journal written before checksums: each document is a record, taken as it is */
    RecordCursor(final CycleFileReader file, final CRC32C crc, final boolean checked)
    {
        this.file = file;
        this.crc = crc;
        this.checked = checked;
    }

    Stop next()
    {
        damage = null;
        while (true)
        {
            long at = align(position);
            documentPosition = at;
            if (at + DOCUMENT_HEADER_LENGTH > file.size())
            {
                return Stop.END;
            }
            int header = file.intAt(at);
            if (header == 0)
            {
                return Stop.END;
            }
            if (header == Wires.END_OF_DATA)
            {
                return Stop.END_OF_CYCLE;
            }
            if ((header & Wires.NOT_COMPLETE) != 0)
            {
                return damaged("its document header 0x" + Integer.toHexString(header) + " is marked incomplete");
            }
            int length = header & Wires.LENGTH_MASK;
            long end = at + DOCUMENT_HEADER_LENGTH + length;
            if (end > file.size())
            {
                return damaged("its document header says " + length + " bytes but the file ends after "
                    + (file.size() - at - DOCUMENT_HEADER_LENGTH) + " (cut short)");
            }
            if ((header & Wires.META_DATA) != 0)
            {
                if (checked && holdsRecord(at, length))
                {
                    return damaged("a record's document header 0x" + Integer.toHexString(header) + " is marked metadata");
                }
                position = end;
                continue;
            }
            if (length > RecordFormat.HEADER_LENGTH + RecordFormat.MAX_PAYLOAD_LENGTH)
            {
                return damaged("its document header says " + length + " bytes, more than any record");
            }
            bodyOffset = file.map(at + DOCUMENT_HEADER_LENGTH, length);
            bodyLength = length;
            if (checked)
            {
                String problem = RecordFormat.check(crc, file.buffer(), bodyOffset, length);
                if (problem != null)
                {
                    return damaged(problem);
                }
            }
            position = end;
            records++;
            return Stop.RECORD;
        }
    }

    /** Chronicle's own metadata never starts with a record's format word; a flipped bit in a header can make it so. */
    private boolean holdsRecord(final long at, final int length)
    {
        if (length < RecordFormat.HEADER_LENGTH)
        {
            return false;
        }
        int offset = file.map(at + DOCUMENT_HEADER_LENGTH, RecordFormat.HEADER_LENGTH);
        return file.buffer().getInt(offset + RecordFormat.FORMAT_WORD_OFFSET) == RecordFormat.FORMAT_WORD;
    }

    /** Goes on from the document header at {@code position} (after damage, where a search found an intact record). */
    void seek(final long position)
    {
        this.position = position;
    }

    private Stop damaged(final String what)
    {
        damage = what;
        return Stop.DAMAGED;
    }

    static long align(final long position)
    {
        return (position + 3) & ~3L;
    }

    /** The header position of the document {@link #next()} stopped at. */
    long documentPosition()
    {
        return documentPosition;
    }

    int bodyOffset()
    {
        return bodyOffset;
    }

    int bodyLength()
    {
        return bodyLength;
    }

    /** Records returned so far: the last one's sequence in its cycle is this minus one. */
    long records()
    {
        return records;
    }

    String damage()
    {
        return damage;
    }
}
