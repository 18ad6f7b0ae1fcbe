package io.ordergate.journal;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Stateless constants and checks: the byte layout of one journal record, which is the whole body of one Chronicle
 * Queue data document. Little-endian, as Chronicle writes its own headers on every platform it runs on.
 *
 * <pre>
 *   Chronicle's      this record
 *   +-----------+    +-----------+--------------+-----------------+---------------------+
 *   | doc header|    | CRC32C    | format word  | payload length n| payload (n bytes)   |
 *   | 4 bytes   |    | 0         | 4            | 8               | 12          12 + n  |
 *   +-----------+    +-----------+--------------+-----------------+---------------------+
 *                                 '------------- covered by the CRC32C ----------------'
 *   format word: the bytes 'O' 'G' 'J' then the format version (1)
 * </pre>
 *
 * Why each field: the checksum catches a body that was cut, zeroed or flipped; the format word tells a record from
 * garbage (and from a record of a journal written before checksums) and carries the version; the payload length
 * must agree with Chronicle's document length, so a damaged document header cannot shift the record's end
 * unnoticed. The covered bytes are contiguous, so a reader checks a record with one pass over mapped memory.
 */
final class RecordFormat
{
    static final int CHECKSUM_OFFSET = 0;
    static final int FORMAT_WORD_OFFSET = CHECKSUM_OFFSET + Integer.BYTES;
    static final int PAYLOAD_LENGTH_OFFSET = FORMAT_WORD_OFFSET + Integer.BYTES;
    static final int PAYLOAD_OFFSET = PAYLOAD_LENGTH_OFFSET + Integer.BYTES;
    static final int HEADER_LENGTH = PAYLOAD_OFFSET;

    static final int VERSION = 1;
    /** 'O' 'G' 'J' VERSION, read as a little-endian int. */
    static final int FORMAT_WORD = 'O' | 'G' << 8 | 'J' << 16 | VERSION << 24;
    /** The format word without its version byte: a record of some version of this format. */
    static final int MAGIC_MASK = 0x00FF_FFFF;

    /** A bound on one record, so that a damaged length cannot make a reader map or copy gigabytes. */
    static final int MAX_PAYLOAD_LENGTH = 16 << 20;

    private RecordFormat()
    {
    }

    /**
     * Starts the checksum of a record with this payload length: feeds the format word and the length (the payload's
     * bytes follow). Allocates nothing: {@code headerScratch} holds at least 8 bytes.
     */
    static void startChecksum(final CRC32C crc, final byte[] headerScratch, final int payloadLength)
    {
        putIntLittleEndian(headerScratch, 0, FORMAT_WORD);
        putIntLittleEndian(headerScratch, Integer.BYTES, payloadLength);
        crc.reset();
        crc.update(headerScratch, 0, 2 * Integer.BYTES);
    }

    private static void putIntLittleEndian(final byte[] bytes, final int offset, final int value)
    {
        bytes[offset] = (byte) value;
        bytes[offset + 1] = (byte) (value >>> 8);
        bytes[offset + 2] = (byte) (value >>> 16);
        bytes[offset + 3] = (byte) (value >>> 24);
    }

    /**
     * Checks the record whose body (from the checksum) is at {@code bodyOffset} of {@code mapped}, {@code bodyLength}
     * bytes long. Changes the buffer's position and limit, and restores the limit to its capacity.
     *
     * @return null when the record is intact, else what is wrong with it
     */
    static String check(final CRC32C crc, final ByteBuffer mapped, final int bodyOffset, final int bodyLength)
    {
        if (bodyLength < HEADER_LENGTH)
        {
            return "a document of " + bodyLength + " bytes is too short for a record header";
        }
        int formatWord = mapped.getInt(bodyOffset + FORMAT_WORD_OFFSET);
        if (formatWord != FORMAT_WORD)
        {
            return (formatWord & MAGIC_MASK) == (FORMAT_WORD & MAGIC_MASK)
                ? "the record has format version " + (formatWord >>> 24) + ", which this Ordergate cannot read"
                : "the record's format word is 0x" + Integer.toHexString(formatWord) + ", not OGJ" + VERSION;
        }
        int payloadLength = mapped.getInt(bodyOffset + PAYLOAD_LENGTH_OFFSET);
        if (payloadLength != bodyLength - HEADER_LENGTH)
        {
            return "the record says its payload is " + payloadLength + " bytes but its document holds "
                + (bodyLength - HEADER_LENGTH);
        }
        int stored = mapped.getInt(bodyOffset + CHECKSUM_OFFSET);
        int computed = checksum(crc, mapped, bodyOffset + FORMAT_WORD_OFFSET, bodyLength - FORMAT_WORD_OFFSET);
        if (stored != computed)
        {
            return "the record fails its CRC32C (stored 0x" + Integer.toHexString(stored) + ", computed 0x"
                + Integer.toHexString(computed) + ")";
        }
        return null;
    }

    /** @return true when a record of this format could start at {@code bodyOffset} (cheap: no checksum) */
    static boolean looksLikeRecord(final ByteBuffer mapped, final int bodyOffset, final int bodyLength)
    {
        return bodyLength >= HEADER_LENGTH
            && mapped.getInt(bodyOffset + FORMAT_WORD_OFFSET) == FORMAT_WORD
            && mapped.getInt(bodyOffset + PAYLOAD_LENGTH_OFFSET) == bodyLength - HEADER_LENGTH;
    }

    private static int checksum(final CRC32C crc, final ByteBuffer mapped, final int offset, final int length)
    {
        crc.reset();
        mapped.limit(offset + length).position(offset);
        crc.update(mapped); // the direct-memory intrinsic: no copy
        mapped.limit(mapped.capacity());
        return (int) crc.getValue();
    }
}
