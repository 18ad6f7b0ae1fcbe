package io.ordergate.engine.view;

import org.agrona.MutableDirectBuffer;

import io.ordergate.fixed.FixedPoint;

/**
 * Writes JSON text into a buffer without allocating: commas are placed from a small nesting stack,
 * decimals come from fixed-point longs, times from epoch micros.
 * <b>Not thread safe</b>: one per thread (the engine has one, the reply stage has one).
 */
public final class JsonWriter
{
    private static final int MAX_DEPTH = 32;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private MutableDirectBuffer buffer;
    private int start;
    private int position;
    private int depth;
    /** Per depth: true once the container holds a value, so the next one needs a comma. */
    private final boolean[] hasValue = new boolean[MAX_DEPTH];
    private boolean afterName;

    public JsonWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.start = offset;
        this.position = offset;
        this.depth = 0;
        this.hasValue[0] = false;
        this.afterName = false;
        return this;
    }

    public int length()
    {
        return position - start;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    public JsonWriter startObject()
    {
        beforeValue();
        putByte('{');
        push();
        return this;
    }

    public JsonWriter endObject()
    {
        depth--;
        putByte('}');
        return this;
    }

    public JsonWriter startArray()
    {
        beforeValue();
        putByte('[');
        push();
        return this;
    }

    public JsonWriter endArray()
    {
        depth--;
        putByte(']');
        return this;
    }

    public JsonWriter name(final String name)
    {
        if (hasValue[depth])
        {
            putByte(',');
        }
        hasValue[depth] = true;
        putByte('"');
        for (int i = 0; i < name.length(); i++)
        {
            putByte(name.charAt(i));
        }
        putByte('"');
        putByte(':');
        afterName = true;
        return this;
    }

    public JsonWriter string(final CharSequence value)
    {
        if (value == null)
        {
            return nullValue();
        }
        beforeValue();
        putByte('"');
        final int length = value.length();
        for (int i = 0; i < length; i++)
        {
            final char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1)))
            {
                // A surrogate pair is one code point: 4 bytes of UTF-8 (3+3 bytes each would be CESU-8, invalid UTF-8).
                final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                putByte(0xf0 | (codePoint >> 18));
                putByte(0x80 | ((codePoint >> 12) & 0x3f));
                putByte(0x80 | ((codePoint >> 6) & 0x3f));
                putByte(0x80 | (codePoint & 0x3f));
            }
            else
            {
                putChar(c);
            }
        }
        putByte('"');
        return this;
    }

    public JsonWriter string(final byte[] utf8, final int offset, final int length)
    {
        beforeValue();
        putByte('"');
        for (int i = offset; i < offset + length; i++)
        {
            final int b = utf8[i] & 0xff;
            if (b < 0x80)
            {
                putChar((char)b);
            }
            else
            {
                putByte(b);
            }
        }
        putByte('"');
        return this;
    }

    /** A string made of a prefix and a number, e.g. {@code "paper-42"}, without building it. */
    public JsonWriter string(final String prefix, final long number)
    {
        beforeValue();
        putByte('"');
        putAscii(prefix);
        position += buffer.putLongAscii(position, number);
        putByte('"');
        return this;
    }

    /** Bytes as a lower-case hex string (digests, ciphertexts). */
    public JsonWriter hex(final byte[] bytes)
    {
        beforeValue();
        putByte('"');
        for (final byte b : bytes)
        {
            putByte(HEX[(b >> 4) & 0xf]);
            putByte(HEX[b & 0xf]);
        }
        putByte('"');
        return this;
    }

    /** A long id written as a JSON string, so clients in any language keep it exact. */
    public JsonWriter idString(final long id)
    {
        beforeValue();
        putByte('"');
        position += buffer.putLongAscii(position, id);
        putByte('"');
        return this;
    }

    public JsonWriter number(final long value)
    {
        beforeValue();
        position += buffer.putLongAscii(position, value);
        return this;
    }

    /** A fixed-point value as a JSON number with trailing fractional zeros trimmed. */
    public JsonWriter decimal(final long value, final int digits)
    {
        beforeValue();
        position += FixedPoint.putDecimalTrimmed(buffer, position, value, digits);
        return this;
    }

    /** Like {@link #decimal} but writes null for {@code none}. */
    public JsonWriter decimalOrNull(final long value, final int digits, final long none)
    {
        return value == none ? nullValue() : decimal(value, digits);
    }

    public JsonWriter bool(final boolean value)
    {
        beforeValue();
        if (value)
        {
            putAscii("true");
        }
        else
        {
            putAscii("false");
        }
        return this;
    }

    public JsonWriter nullValue()
    {
        beforeValue();
        putAscii("null");
        return this;
    }

    /** ISO-8601 UTC with milliseconds, e.g. {@code "2026-11-22T10:00:00.123Z"}; null for 0. */
    public JsonWriter time(final long epochMicros)
    {
        if (epochMicros == 0)
        {
            return nullValue();
        }
        beforeValue();
        putByte('"');
        final long epochMillis = Math.floorDiv(epochMicros, 1000L);
        final long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        final long millisOfDay = Math.floorMod(epochMillis, 86_400_000L);
        // Civil-from-days (proleptic Gregorian), as in java.time.LocalDate.ofEpochDay, without allocating.
        long zeroDay = epochDay + 719_528 - 60;
        long adjust = 0;
        if (zeroDay < 0)
        {
            final long adjustCycles = (zeroDay + 1) / 146_097 - 1;
            adjust = adjustCycles * 400;
            zeroDay += -adjustCycles * 146_097;
        }
        long yearEst = (400 * zeroDay + 591) / 146_097;
        long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        if (doyEst < 0)
        {
            yearEst--;
            doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        }
        yearEst += adjust;
        final int marchDoy0 = (int)doyEst;
        final int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
        final int month = (marchMonth0 + 2) % 12 + 1;
        final int dom = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
        yearEst += marchMonth0 / 10;
        putDigits(yearEst, 4);
        putByte('-');
        putDigits(month, 2);
        putByte('-');
        putDigits(dom, 2);
        putByte('T');
        putDigits(millisOfDay / 3_600_000L, 2);
        putByte(':');
        putDigits(millisOfDay / 60_000L % 60, 2);
        putByte(':');
        putDigits(millisOfDay / 1000L % 60, 2);
        putByte('.');
        putDigits(millisOfDay % 1000L, 3);
        putByte('Z');
        putByte('"');
        return this;
    }

    /**
     * Copies the members of a JSON object (its text between the braces, already valid) into the object being written,
     * which may then take more members.
     */
    public JsonWriter members(final org.agrona.DirectBuffer source, final int offset, final int length)
    {
        if (length <= 0)
        {
            return this;
        }
        if (hasValue[depth])
        {
            putByte(',');
        }
        buffer.putBytes(position, source, offset, length);
        position += length;
        hasValue[depth] = true;
        return this;
    }

    /** Copies raw JSON text (already valid) as one value. */
    public JsonWriter raw(final org.agrona.DirectBuffer source, final int offset, final int length)
    {
        beforeValue();
        buffer.putBytes(position, source, offset, length);
        position += length;
        return this;
    }

    private void push()
    {
        depth++;
        hasValue[depth] = false;
    }

    private void beforeValue()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }
        if (depth > 0)
        {
            if (hasValue[depth])
            {
                putByte(',');
            }
            hasValue[depth] = true;
        }
    }

    private void putDigits(final long value, final int width)
    {
        long divisor = 1;
        for (int i = 1; i < width; i++)
        {
            divisor *= 10;
        }
        for (long d = divisor; d > 0; d /= 10)
        {
            putByte((int)('0' + (value / d) % 10));
        }
    }

    private void putAscii(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            putByte(text.charAt(i));
        }
    }

    private void putChar(final char c)
    {
        switch (c)
        {
            case '"': putByte('\\'); putByte('"'); return;
            case '\\': putByte('\\'); putByte('\\'); return;
            case '\n': putByte('\\'); putByte('n'); return;
            case '\r': putByte('\\'); putByte('r'); return;
            case '\t': putByte('\\'); putByte('t'); return;
            default:
                if (c < 0x20)
                {
                    putByte('\\');
                    putByte('u');
                    putByte('0');
                    putByte('0');
                    putByte(HEX[c >> 4]);
                    putByte(HEX[c & 0xf]);
                }
                else if (c < 0x80)
                {
                    putByte(c);
                }
                else if (c < 0x800)
                {
                    putByte(0xc0 | (c >> 6));
                    putByte(0x80 | (c & 0x3f));
                }
                else
                {
                    // A lone surrogate half (no pair) is written as a 3-byte sequence; pairs are handled in string().
                    putByte(0xe0 | (c >> 12));
                    putByte(0x80 | ((c >> 6) & 0x3f));
                    putByte(0x80 | (c & 0x3f));
                }
        }
    }

    private void putByte(final int b)
    {
        buffer.putByte(position++, (byte)b);
    }
}
