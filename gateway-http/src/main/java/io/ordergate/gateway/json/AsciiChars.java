package io.ordergate.gateway.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.ordergate.fixed.FixedPoint;

/**
 * A reusable, mutable run of characters read from a request (ids and symbols are ASCII; an executor's message or
 * comment may be any text), handed to the body encoders as a {@link CharSequence} without making a String.
 * <b>Not thread safe</b>: belongs to one connection.
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

    /**
     * Reads the current string value into this: 1 to capacity characters of {@code A-Z a-z 0-9 . _ -} ({@code idChars})
     * or printable ASCII. False when it is null or wrong (problem recorded).
     */
    public boolean read(final RequestReader reader, final String field, final boolean idChars) throws BadRequest
    {
        final int read = reader.values().ascii(field, chars, idChars);
        length = Math.max(read, 0);
        return read > 0;
    }

    /**
     * Reads the current string value into this as {@link RequestReader#id} ({@code id}) or {@link RequestReader#string}
     * with this capacity as the longest would, in the same words. False when it is null or wrong (problem recorded).
     */
    public boolean readText(final RequestReader reader, final String field, final boolean id) throws BadRequest
    {
        final int read = reader.values().text(field, chars, id);
        length = Math.max(read, 0);
        return read >= 0;
    }

    /**
     * Reads the current string value into this, keeping its first capacity characters when it is longer (never half a
     * surrogate pair): for free text an executor sends and nothing decides on (a result's message, a trade's comment),
     * where refusing the whole message for its length would lose what it reports. False when it is null, or not a string
     * (the problem recorded, in {@link #readText}'s words).
     */
    public boolean readTextCut(final RequestReader reader, final String field) throws BadRequest
    {
        final JsonParser parser = reader.parser();
        if (parser.currentToken() != JsonToken.VALUE_STRING)
        {
            return readText(reader, field, false);
        }
        try
        {
            final int sent = parser.getTextLength();
            int kept = Math.min(sent, chars.length);
            System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), chars, 0, kept);
            if (kept < sent && kept > 0 && Character.isHighSurrogate(chars[kept - 1]))
            {
                kept--;
            }
            length = kept;
            return true;
        }
        catch (final IOException ex)
        {
            throw reader.invalidJson(ex);
        }
    }

    /** Copies the current string or number token's text as sent; false (nothing recorded) when neither or longer than the capacity. */
    public boolean readScalar(final RequestReader reader) throws BadRequest
    {
        final int read = reader.values().scalarText(chars);
        length = Math.max(read, 0);
        return read >= 0;
    }

    /** True when this holds exactly {@code text}. */
    public boolean is(final String text)
    {
        return text.contentEquals(this);
    }

    /** True when this holds {@code lowerCase} in any letter case (Python's {@code str(True)} is "True"). */
    public boolean isIgnoringCase(final String lowerCase)
    {
        if (length != lowerCase.length())
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (Character.toLowerCase(chars[i]) != lowerCase.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * This text as a decimal of {@link Decimals}' grammar at {@code digits}, binary noise of a value at {@code noiseScale}
     * digits taken as that value ({@link FloatNoise}), as {@link RequestReader#executorDecimal} reads an executor's
     * number; a {@link FixedPoint} error code when it is none.
     */
    public long executorDecimal(final int digits, final int noiseScale)
    {
        final long value = Decimals.parse(chars, 0, length, digits);
        return value == FixedPoint.TOO_MANY_DIGITS ? FloatNoise.nearest(chars, 0, length, noiseScale, digits) : value;
    }
}
