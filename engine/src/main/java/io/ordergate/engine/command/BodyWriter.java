package io.ordergate.engine.command;

import java.nio.charset.StandardCharsets;

import org.agrona.MutableDirectBuffer;

/**
 * Writes a command body field after field; {@link BodyReader} reads them back in the same order.
 * Strings are an int length then UTF-8 bytes. <b>Not thread safe</b>: one per publishing thread.
 */
public final class BodyWriter
{
    private MutableDirectBuffer buffer;
    private int start;
    private int position;

    public BodyWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.start = offset;
        this.position = offset;
        return this;
    }

    /** @return bytes written since {@link #wrap}. */
    public int length()
    {
        return position - start;
    }

    public BodyWriter putByte(final int value)
    {
        buffer.putByte(position, (byte)value);
        position += Byte.BYTES;
        return this;
    }

    public BodyWriter putBoolean(final boolean value)
    {
        return putByte(value ? 1 : 0);
    }

    public BodyWriter putInt(final int value)
    {
        buffer.putInt(position, value);
        position += Integer.BYTES;
        return this;
    }

    public BodyWriter putLong(final long value)
    {
        buffer.putLong(position, value);
        position += Long.BYTES;
        return this;
    }

    /** Puts ASCII characters without making a String: for ids the gateway has already checked are ASCII. */
    public BodyWriter putAscii(final char[] chars, final int offset, final int length)
    {
        buffer.putInt(position, length);
        position += Integer.BYTES;
        for (int i = 0; i < length; i++)
        {
            buffer.putByte(position + i, (byte)chars[offset + i]);
        }
        position += length;
        return this;
    }

    public BodyWriter putString(final CharSequence value)
    {
        if (value == null)
        {
            return putInt(0);
        }
        final int length = value.length();
        if (isAscii(value, length))
        {
            // Ids, symbols and client order ids are ASCII: written without making a String or a byte[].
            buffer.putInt(position, length);
            position += Integer.BYTES;
            for (int i = 0; i < length; i++)
            {
                buffer.putByte(position + i, (byte)value.charAt(i));
            }
            position += length;
            return this;
        }
        final byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
        buffer.putInt(position, bytes.length);
        position += Integer.BYTES;
        buffer.putBytes(position, bytes);
        position += bytes.length;
        return this;
    }

    private static boolean isAscii(final CharSequence value, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (value.charAt(i) >= 0x80)
            {
                return false;
            }
        }
        return true;
    }

    /** Puts bytes as they are, with no length before them: a body that was encoded before ({@code CopiedBody}). */
    public BodyWriter putRaw(final byte[] bytes, final int offset, final int length)
    {
        buffer.putBytes(position, bytes, offset, length);
        position += length;
        return this;
    }

    public BodyWriter putBytes(final byte[] bytes, final int offset, final int length)
    {
        buffer.putInt(position, length);
        position += Integer.BYTES;
        buffer.putBytes(position, bytes, offset, length);
        position += length;
        return this;
    }
}
