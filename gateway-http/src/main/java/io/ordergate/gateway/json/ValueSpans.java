package io.ordergate.gateway.json;

/**
 * Where an object or array a parser has read ends in the bytes it was read from, found by walking those bytes: jackson
 * answers it only with a new location object per question (two per executor result, 97 of its bytes), and a fed
 * parser's own offset for a closing bracket moves with the whitespace before it. The bytes walked are ones the parser
 * has already accepted as JSON, so counting brackets outside strings is exact.
 */
final class ValueSpans
{
    private ValueSpans()
    {
    }

    /**
     * The offset just after the bracket that closes the object or array opening at {@code start}, or -1 when
     * {@code start} is no opening bracket or the value does not close before {@code length}.
     */
    static int closingEnd(final byte[] bytes, final int start, final int length)
    {
        if (start < 0 || start >= length || (bytes[start] != '{' && bytes[start] != '['))
        {
            return -1;
        }
        int depth = 0;
        for (int at = start; at < length; at++)
        {
            final byte b = bytes[at];
            if (b == '"')
            {
                at = stringEnd(bytes, at, length) - 1;  // brackets in a string are text
            }
            else if (b == '{' || b == '[')
            {
                depth++;
            }
            else if ((b == '}' || b == ']') && --depth == 0)
            {
                return at + 1;
            }
        }
        return -1;
    }

    /**
     * The offset just after the quote that closes the string whose opening quote is at {@code quote} (an escaped quote
     * or backslash does not close it), or {@code length} when it does not close before.
     */
    static int stringEnd(final byte[] bytes, final int quote, final int length)
    {
        for (int at = quote + 1; at < length; at++)
        {
            if (bytes[at] == '\\')
            {
                at++;
            }
            else if (bytes[at] == '"')
            {
                return at + 1;
            }
        }
        return length;
    }
}
