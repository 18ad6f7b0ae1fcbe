package io.ordergate.gateway.json;

/**
 * A reusable, mutable run of ASCII characters, handed to the body encoders as a {@link CharSequence} without making
 * a String. <b>Not thread safe</b>: belongs to one connection.
 */
public final class AsciiChars implements CharSequence
{
    final char[] chars;
    int length;

    public AsciiChars(final int capacity)
    {
        chars = new char[capacity];
    }

    public boolean isSet()
    {
        return length > 0;
    }

    public void clear()
    {
        length = 0;
    }

    @Override
    public int length()
    {
        return length;
    }

    @Override
    public char charAt(final int index)
    {
        return chars[index];
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString()
    {
        return new String(chars, 0, length);
    }

    /** Reads the current string value into this; false when it is null or wrong (problem recorded). */
    public boolean read(final RequestReader reader, final String field, final boolean idChars) throws BadRequest
    {
        final int read = reader.ascii(field, chars, idChars);
        length = Math.max(read, 0);
        return read > 0;
    }
}
