package io.ordergate.engine.view;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import io.ordergate.fixed.FixedPoint;

/**
 * Writes JSON text into a buffer without allocating (after construction): commas are placed from a small nesting stack,
 * decimals come from fixed-point longs, times from epoch micros.
 * <b>Not thread safe</b>: one per thread (the engine has one, the reply stage has one).
 *
 * <p>The text is staged in a private array and copied into the buffer in one call when a top-level value ends, or
 * when {@link #length} or {@link #buffer} is read, instead of a call into the buffer (an interface of several
 * classes) per byte (OrderAnswerBenchmark, docs/PERFORMANCE.md).
 */
public final class JsonWriter
{
    private static final int MAX_DEPTH = 32;
    private static final int MAX_LONG_LENGTH = 20;
    /** A sign, 19 integer digits, a point and {@link FixedPoint#MAX_DIGITS} decimals. */
    private static final int MAX_DECIMAL_LENGTH = 2 + 19 + FixedPoint.MAX_DIGITS;

    private MutableDirectBuffer buffer;
    private int start;
    private int position;
    private int depth;
    /** Per depth: true once the container holds a value, so the next one needs a comma. */
    private final boolean[] hasValue = new boolean[MAX_DEPTH];
    private boolean afterName;
    /** What is written and not yet in the buffer: a whole answer of a few hundred bytes; grows only for one longer token. */
    private byte[] stage = new byte[1024];
    private final UnsafeBuffer stageView = new UnsafeBuffer(stage);
    private int staged;

    public JsonWriter wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.start = offset;
        this.position = offset;
        this.depth = 0;
        this.hasValue[0] = false;
        this.afterName = false;
        this.staged = 0;
        return this;
    }

    public int length()
    {
        flush();
        return position - start;
    }

    public MutableDirectBuffer buffer()
    {
        flush();
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
        endToken();
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
        endToken();
        return this;
    }

    /** A member's name: the code's own ASCII constants, written as they are (never escaped). */
    public JsonWriter name(final String name)
    {
        final int length = name.length();
        reserve(length + 4);
        final byte[] bytes = stage;
        int at = staged;
        if (hasValue[depth])
        {
            bytes[at++] = ',';
        }
        hasValue[depth] = true;
        bytes[at++] = '"';
        for (int i = 0; i < length; i++)
        {
            bytes[at++] = (byte)name.charAt(i);
        }
        bytes[at++] = '"';
        bytes[at++] = ':';
        staged = at;
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
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            {
                putByte(c); // the common case: printable ASCII, as it is
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1)))
            {
                reserve(JsonEscapes.MAX_BYTES);
                staged = JsonEscapes.putSupplementary(Character.toCodePoint(c, value.charAt(++i)), stage, staged);
            }
            else
            {
                putChar(c);
            }
        }
        putByte('"');
        endToken();
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
        endToken();
        return this;
    }

    /** A string made of a prefix and a number, e.g. {@code "paper-42"}, without building it. */
    public JsonWriter string(final String prefix, final long number)
    {
        beforeValue();
        putByte('"');
        putAscii(prefix);
        putLongAscii(number);
        putByte('"');
        endToken();
        return this;
    }

    /**
     * A name that leaves the gateway, {@code "<prefix><number>_<epoch>"} ({@code ord_42_3}), or {@code "<prefix><number>"}
     * when the epoch is 0 (made before start epochs). Allocates nothing.
     */
    public JsonWriter string(final String prefix, final long number, final long epoch)
    {
        if (epoch == 0)
        {
            return string(prefix, number);
        }
        beforeValue();
        putByte('"');
        putAscii(prefix);
        putLongAscii(number);
        putByte('_');
        putLongAscii(epoch);
        putByte('"');
        endToken();
        return this;
    }

    /** Bytes as a lower-case hex string (digests, ciphertexts). */
    public JsonWriter hex(final byte[] bytes)
    {
        beforeValue();
        putByte('"');
        for (final byte b : bytes)
        {
            putByte(JsonEscapes.HEX[(b >> 4) & 0xf]);
            putByte(JsonEscapes.HEX[b & 0xf]);
        }
        putByte('"');
        endToken();
        return this;
    }

    /** A long id written as a JSON string, so clients in any language keep it exact. */
    public JsonWriter idString(final long id)
    {
        beforeValue();
        putByte('"');
        putLongAscii(id);
        putByte('"');
        endToken();
        return this;
    }

    public JsonWriter number(final long value)
    {
        beforeValue();
        putLongAscii(value);
        endToken();
        return this;
    }

    /** A fixed-point value as a JSON number with trailing fractional zeros trimmed. */
    public JsonWriter decimal(final long value, final int digits)
    {
        beforeValue();
        reserve(MAX_DECIMAL_LENGTH);
        staged += FixedPoint.putDecimalTrimmed(stageView, staged, value, digits);
        endToken();
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
        putAscii(value ? "true" : "false");
        endToken();
        return this;
    }

    public JsonWriter nullValue()
    {
        beforeValue();
        putAscii("null");
        endToken();
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
        reserve(UtcTimeText.LENGTH);
        UtcTimeText.write(epochMicros, stage, staged);
        staged += UtcTimeText.LENGTH;
        putByte('"');
        endToken();
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
        flush();
        buffer.putBytes(position, source, offset, length);
        position += length;
        hasValue[depth] = true;
        return this;
    }

    /** Copies raw JSON text (already valid) as one value. */
    public JsonWriter raw(final org.agrona.DirectBuffer source, final int offset, final int length)
    {
        beforeValue();
        flush();
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

    private void putAscii(final String text)
    {
        final int length = text.length();
        reserve(length);
        for (int i = 0; i < length; i++)
        {
            stage[staged++] = (byte)text.charAt(i);
        }
    }

    private void putChar(final char c)
    {
        reserve(JsonEscapes.MAX_BYTES);
        staged = JsonEscapes.put(c, stage, staged);
    }

    private void putByte(final int b)
    {
        reserve(1);
        stage[staged++] = (byte)b;
    }

    private void reserve(final int bytes)
    {
        if (staged + bytes > stage.length)
        {
            flush(); // a long document goes into the buffer a stage at a time
            if (bytes > stage.length)
            {
                stage = java.util.Arrays.copyOf(stage, Math.max(stage.length * 2, bytes));
                stageView.wrap(stage);
            }
        }
    }

    /** Agrona's digits of a long, as Long.toString writes them. */
    private void putLongAscii(final long value)
    {
        reserve(MAX_LONG_LENGTH);
        staged += stageView.putLongAscii(staged, value);
    }

    /** A whole value written at the top level is copied into the buffer; inside a container it stays staged. */
    private void endToken()
    {
        if (depth == 0)
        {
            flush();
        }
    }

    /** Copies the staged token into the buffer (one call into it, however long the token). */
    private void flush()
    {
        if (staged > 0)
        {
            buffer.putBytes(position, stage, 0, staged);
            position += staged;
            staged = 0;
        }
    }
}
