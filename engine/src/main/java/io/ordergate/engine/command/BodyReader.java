package io.ordergate.engine.command;

import org.agrona.DirectBuffer;

/**
 * Reads a command body written by {@link BodyWriter}, field after field, in the same order.
 * Strings come back as {@link AsciiView}s into the frame, so reading allocates nothing.
 * <b>Not thread safe</b>: owned by the engine thread (or a replaying thread before the engine starts).
 */
public final class BodyReader
{
    private DirectBuffer buffer;
    private int position;

    public BodyReader wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.position = offset;
        return this;
    }

    public int position()
    {
        return position;
    }

    public byte readByte()
    {
        final byte value = buffer.getByte(position);
        position += Byte.BYTES;
        return value;
    }

    public boolean readBoolean()
    {
        return readByte() != 0;
    }

    public int readInt()
    {
        final int value = buffer.getInt(position);
        position += Integer.BYTES;
        return value;
    }

    public long readLong()
    {
        final long value = buffer.getLong(position);
        position += Long.BYTES;
        return value;
    }

    public AsciiView readString(final AsciiView view)
    {
        final int length = buffer.getInt(position);
        position += Integer.BYTES;
        view.wrap(buffer, position, length);
        position += length;
        return view;
    }
}
