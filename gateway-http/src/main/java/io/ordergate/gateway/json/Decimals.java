package io.ordergate.gateway.json;

import io.ordergate.fixed.FixedPoint;

/**
 * The one decimal grammar of every route, for a JSON number and a string alike: JSON's number grammar,
 * {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}. So {@code 0.01}, {@code "0.01"}, {@code 1e-2} and
 * {@code "1e-2"} are the same value; {@code ".1"}, {@code "1."}, {@code "+1"}, {@code "01"}, {@code " 1"} and
 * {@code "0x10"} are not numbers. The value is parsed exactly by {@link FixedPoint} (never through a double).
 * Stateless; allocates nothing.
 */
public final class Decimals
{
    private Decimals()
    {
    }

    /** As {@link FixedPoint#parse(char[], int, int, int)}, after refusing what JSON's grammar refuses and it allows. */
    public static long parse(final char[] chars, final int offset, final int length, final int digits)
    {
        return hasLeadingZero(chars, offset, length) ? FixedPoint.NOT_A_NUMBER : FixedPoint.parse(chars, offset, length, digits);
    }

    public static long parse(final CharSequence text, final int digits)
    {
        final int length = text.length();
        final int first = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        final boolean leadingZero = length > first + 1 && text.charAt(first) == '0' && isDigit(text.charAt(first + 1));
        return leadingZero ? FixedPoint.NOT_A_NUMBER : FixedPoint.parse(text, digits);
    }

    /** {@code 01}, {@code -007}: a JSON number's integer part has no leading zero (FixedPoint, for YAML, allows one). */
    private static boolean hasLeadingZero(final char[] chars, final int offset, final int length)
    {
        final int first = length > 0 && chars[offset] == '-' ? offset + 1 : offset;
        return first + 1 < offset + length && chars[first] == '0' && isDigit(chars[first + 1]);
    }

    private static boolean isDigit(final char c)
    {
        return c >= '0' && c <= '9';
    }
}
