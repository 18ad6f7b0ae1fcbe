package io.ordergate.engine.command;

import org.agrona.DirectBuffer;

/**
 * A window onto ASCII bytes inside a buffer, so the engine can look strings up without making them.
 * <b>Not thread safe</b>: a view belongs to the thread that filled it and is valid until it is refilled.
 */
public final class AsciiView
{
    private DirectBuffer buffer;
    private int offset;
    private int length;

    public AsciiView wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        return this;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int offset()
    {
        return offset;
    }

    public int length()
    {
        return length;
    }

    public boolean isEmpty()
    {
        return length == 0;
    }

    public byte byteAt(final int index)
    {
        return buffer.getByte(offset + index);
    }

    public boolean contentEquals(final byte[] bytes)
    {
        if (bytes.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (bytes[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    /** Whether these bytes spell this ASCII text (a char past ASCII never matches); allocates nothing. */
    public boolean contentEquals(final String text)
    {
        if (text.length() != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (text.charAt(i) != (buffer.getByte(offset + i) & 0xFF))
            {
                return false;
            }
        }
        return true;
    }

    public void copyTo(final byte[] destination)
    {
        buffer.getBytes(offset, destination, 0, length);
    }

    /** Allocates: for admin paths and tests only. */
    @Override
    public String toString()
    {
        return buffer == null ? "" : buffer.getStringWithoutLengthUtf8(offset, length);
    }

    /** FNV-1a over the bytes: stable across runs, so tables built from it replay identically. */
    public long hash64()
    {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < length; i++)
        {
            hash ^= buffer.getByte(offset + i) & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
