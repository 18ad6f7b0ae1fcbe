package io.ordergate.gateway.json;

/**
 * Strict UTF-8 (RFC 3629) for request bodies: no overlong forms ({@code C0 AF} is not a '/'), no surrogates, nothing
 * above U+10FFFF, no byte order mark (so no UTF-16 body, {@code FF FE}, gets through under another name) and no NUL
 * byte (never valid in JSON text, and what makes a parser guess UTF-16 or UTF-32). Stateless; allocates nothing.
 */
public final class Utf8
{
    /** Returned by {@link #firstError} for valid text. */
    public static final int VALID = -1;

    private Utf8()
    {
    }

    /** Throws 400 INVALID_JSON unless {@code length} bytes are strict UTF-8 text (see the class comment). */
    public static void check(final byte[] bytes, final int length) throws BadRequest
    {
        final int error = firstError(bytes, 0, length);
        if (error != VALID)
        {
            throw BadRequest.invalidJson(error == 0 && startsWithByteOrderMark(bytes, length)
                ? "request body starts with a byte order mark; send UTF-8 without one"
                : "request body is not valid UTF-8 (at byte " + error + ")");
        }
    }

    /** The offset of the first byte that breaks the rules, or {@link #VALID}. */
    public static int firstError(final byte[] bytes, final int offset, final int length)
    {
        if (startsWithByteOrderMark(bytes, length))
        {
            return 0;
        }
        final int end = offset + length;
        int i = offset;
        while (i < end)
        {
            final int b = bytes[i];
            if (b > 0)
            {
                i++;  // ASCII, the common case
                continue;
            }
            if (b == 0)
            {
                return i - offset;
            }
            final int lead = b & 0xFF;
            final int size;
            final int min;
            if (lead >= 0xC2 && lead <= 0xDF)
            {
                size = 2;
                min = 0x80;
            }
            else if (lead >= 0xE0 && lead <= 0xEF)
            {
                size = 3;
                min = 0x800;
            }
            else if (lead >= 0xF0 && lead <= 0xF4)
            {
                size = 4;
                min = 0x10000;
            }
            else
            {
                return i - offset;  // a continuation byte, C0/C1 (always overlong) or F5..FF
            }
            if (i + size > end)
            {
                return i - offset;
            }
            int codePoint = lead & (0xFF >>> (size + 1));
            for (int k = 1; k < size; k++)
            {
                final int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80)
                {
                    return i - offset;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                return i - offset;
            }
            i += size;
        }
        return VALID;
    }

    private static boolean startsWithByteOrderMark(final byte[] bytes, final int length)
    {
        return length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE)
            || length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
