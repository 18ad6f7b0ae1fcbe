package io.ordergate.journal;

import java.util.zip.CRC32;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Used by tests on any thread (stateless): self-checking records.
 *
 * <pre>
 *   0               8                                    8+n        12+n
 *   +---------------+------------------------------------+----------+
 *   | sequence (LE) | n filler bytes, n = sequence % 300 | CRC32 of |
 *   |               | byte i = (byte) (sequence * 31 + i) | 0..8+n   |
 *   +---------------+------------------------------------+----------+
 * </pre>
 */
final class SequencedRecords
{
    static final int MAX_LENGTH = 12 + 299;

    private SequencedRecords()
    {
    }

    /** @return the record's length */
    static int encode(final long sequence, final MutableDirectBuffer buffer)
    {
        int fillerLength = (int) (sequence % 300);
        buffer.putLong(0, sequence);
        for (int i = 0; i < fillerLength; i++)
        {
            buffer.putByte(8 + i, (byte) (sequence * 31 + i));
        }
        int crcOffset = 8 + fillerLength;
        buffer.putInt(crcOffset, crc(buffer, 0, crcOffset));
        return crcOffset + 4;
    }

    /** @return the record's sequence; throws when the record is damaged */
    static long decode(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < 12)
        {
            throw new AssertionError("record too short: " + length);
        }
        long sequence = buffer.getLong(offset);
        int crcOffset = length - 4;
        if (crcOffset - 8 != (int) (sequence % 300))
        {
            throw new AssertionError("record " + sequence + " has length " + length);
        }
        if (buffer.getInt(offset + crcOffset) != crc(buffer, offset, crcOffset))
        {
            throw new AssertionError("record " + sequence + " fails its checksum");
        }
        for (int i = 0; i < crcOffset - 8; i++)
        {
            if (buffer.getByte(offset + 8 + i) != (byte) (sequence * 31 + i))
            {
                throw new AssertionError("record " + sequence + " has a bad byte at " + (8 + i));
            }
        }
        return sequence;
    }

    private static int crc(final DirectBuffer buffer, final int offset, final int length)
    {
        byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
