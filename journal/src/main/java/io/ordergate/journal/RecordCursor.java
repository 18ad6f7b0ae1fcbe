package io.ordergate.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import net.openhft.chronicle.wire.Wires;

/**
 * <b>Not thread safe</b>: one reader's walk over the documents of one cycle file, from its start. Each
 * {@link #next()} moves to the next data record and checks it, skipping Chronicle's own metadata documents (the
 * store header and index arrays), or says why there is no next record. A metadata document with an intact record
 * inside it is damage: its length is wrong, and skipping it would skip records.
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
                // bytes set there are the start of a header the file lost the rest of, not the end of the data
                return file.anySetFrom(at) ? damaged("the file ends " + (file.size() - at)
                    + " bytes into a document header (cut short)") : Stop.END;
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
                long hidden = checked ? firstIntactRecord(at + DOCUMENT_HEADER_LENGTH, end) : -1;
                if (hidden >= 0)
                {
                    return damaged("Chronicle's metadata document header 0x" + Integer.toHexString(header) + " says "
                        + length + " bytes, but an intact record starts inside them at byte " + hidden
                        + " (a damaged length would skip the records it covers)");
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

    /**
     * Chronicle's metadata (its store header, index2index and index arrays, a few hundred kilobytes a file) never
     * holds a record, so an intact record inside one means its length is wrong: a length that grew would carry the
     * walk over the records it covers, into the zeros past the written data (where the walk would call the file
     * finished) or onto a later record (where it would go on as if nothing were missing).
     *
     * @return the header position of the first intact record in {@code [from, end)}, or -1 when there is none
     */
    private long firstIntactRecord(final long from, final long end)
    {
        for (long at = align(from); at + DOCUMENT_HEADER_LENGTH <= end; at += Integer.BYTES)
        {
            if (isIntactRecord(file, crc, at))
            {
                return at;
            }
        }
        return -1;
    }

    /**
     * @return true when the document whose header is at {@code at} holds an intact record: its format word, length
     * and CRC32C all agree, which garbage passes with odds below 2^-56
     */
    static boolean isIntactRecord(final CycleFileReader file, final CRC32C crc, final long at)
    {
        int header = file.intAt(at);
        int length = header & Wires.LENGTH_MASK;
        if (header == 0 || (header & (Wires.NOT_COMPLETE | Wires.META_DATA)) != 0
            || at + DOCUMENT_HEADER_LENGTH + length > file.size()
            || length < RecordFormat.HEADER_LENGTH || length > RecordFormat.HEADER_LENGTH + RecordFormat.MAX_PAYLOAD_LENGTH)
        {
            return false;
        }
        int bodyOffset = file.map(at + DOCUMENT_HEADER_LENGTH, length);
        ByteBuffer buffer = file.buffer();
        return RecordFormat.looksLikeRecord(buffer, bodyOffset, length)
            && RecordFormat.check(crc, buffer, bodyOffset, length) == null;
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
