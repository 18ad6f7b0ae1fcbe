package io.ordergate.engine.view;

/**
 * The bytes of one character of a JSON string as {@link JsonWriter} writes it: UTF-8, with the escapes JSON requires
 * (quote, backslash, control characters). Each method writes at {@code at} into an array the caller has made room in
 * ({@link #MAX_BYTES}) and returns the index after what it wrote.
 */
final class JsonEscapes
{
    /** The most bytes one call writes: a control character's six-byte escape. */
    static final int MAX_BYTES = 6;

    /** Lower-case hex digits, for the escapes and for {@link JsonWriter#hex}. */
    static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private JsonEscapes()
    {
    }

    /** One UTF-16 unit that is not half of a pair (a lone half is written as its 3-byte sequence). */
    static int put(final char c, final byte[] into, final int at)
    {
        switch (c)
        {
            case '"': return escaped('"', into, at);
            case '\\': return escaped('\\', into, at);
            case '\n': return escaped('n', into, at);
            case '\r': return escaped('r', into, at);
            case '\t': return escaped('t', into, at);
            default:
                if (c < 0x20)
                {
                    into[at] = '\\';
                    into[at + 1] = 'u';
                    into[at + 2] = '0';
                    into[at + 3] = '0';
                    into[at + 4] = HEX[c >> 4];
                    into[at + 5] = HEX[c & 0xf];
                    return at + 6;
                }
                if (c < 0x80)
                {
                    into[at] = (byte)c;
                    return at + 1;
                }
                if (c < 0x800)
                {
                    into[at] = (byte)(0xc0 | (c >> 6));
                    into[at + 1] = (byte)(0x80 | (c & 0x3f));
                    return at + 2;
                }
                into[at] = (byte)(0xe0 | (c >> 12));
                into[at + 1] = (byte)(0x80 | ((c >> 6) & 0x3f));
                into[at + 2] = (byte)(0x80 | (c & 0x3f));
                return at + 3;
        }
    }

    /** A code point above U+FFFF (a surrogate pair): 4 bytes of UTF-8, not 3+3 (that would be CESU-8, invalid UTF-8). */
    static int putSupplementary(final int codePoint, final byte[] into, final int at)
    {
        into[at] = (byte)(0xf0 | (codePoint >> 18));
        into[at + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3f));
        into[at + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3f));
        into[at + 3] = (byte)(0x80 | (codePoint & 0x3f));
        return at + 4;
    }

    private static int escaped(final char c, final byte[] into, final int at)
    {
        into[at] = '\\';
        into[at + 1] = (byte)c;
        return at + 2;
    }
}
