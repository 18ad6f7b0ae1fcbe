package io.ordergate.fixed;

import java.util.Objects;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Exact fixed-point decimals held in a {@code long} with a number of decimal digits (the scale).
 * Stateless: safe from any thread. Parsing and buffer formatting never allocate, so the engine and the
 * JSON codecs may call them on the hot path.
 *
 * <p>A price {@code 1.08420} at 5 digits is the long {@code 108420}. Parse results that are not numbers are
 * the sentinels {@link #NOT_A_NUMBER}, {@link #TOO_MANY_DIGITS} and {@link #OUT_OF_RANGE}, all at the very
 * bottom of the long range: test with {@link #isError(long)}. Valid parse results therefore lie in
 * {@code [Long.MIN_VALUE + 3, Long.MAX_VALUE]}.
 *
 * <p>Accepted text is the JSON number grammar: {@code -?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}, except that
 * leading zeros are allowed ({@code "007"}). No '+' sign, no whitespace, no NaN or Infinity, no hex.
 */
public final class FixedPoint
{
    /** Text is not a number in the accepted grammar. */
    public static final long NOT_A_NUMBER = Long.MIN_VALUE;
    /** Text has non-zero digits beyond the requested scale; trailing zeros beyond it are fine. */
    public static final long TOO_MANY_DIGITS = Long.MIN_VALUE + 1;
    /** Value does not fit in a long at the requested scale. */
    public static final long OUT_OF_RANGE = Long.MIN_VALUE + 2;

    /** Largest scale (and power of ten) a long can carry. */
    public static final int MAX_DIGITS = 18;

    private static final long[] POW10 = new long[MAX_DIGITS + 1];
    /** Exponents are saturated here while parsing: far beyond any scale, far below long overflow. */
    private static final long EXPONENT_CAP = 1_000_000_000_000L;

    static
    {
        long p = 1;
        for (int i = 0; i <= MAX_DIGITS; i++)
        {
            POW10[i] = p;
            p *= 10;
        }
    }

    private FixedPoint()
    {
    }

    /** True for the three parse sentinels. */
    public static boolean isError(final long value)
    {
        return value <= OUT_OF_RANGE;
    }

    /** 10 to the power {@code n}, for {@code n} in 0..18. */
    public static long pow10(final int n)
    {
        if (n < 0 || n > MAX_DIGITS)
        {
            throw new IllegalArgumentException("pow10 exponent must be 0.." + MAX_DIGITS + ", was " + n);
        }
        return POW10[n];
    }

    /** Parses the whole of {@code text} at {@code digits} (0..18) decimal digits. */
    public static long parse(final CharSequence text, final int digits)
    {
        return parse0(text, null, null, 0, text.length(), digits);
    }

    /** Parses {@code length} chars from {@code offset}; fits jackson's {@code getTextCharacters()}. */
    public static long parse(final char[] chars, final int offset, final int length, final int digits)
    {
        Objects.checkFromIndexSize(offset, length, chars.length);
        return parse0(null, chars, null, offset, length, digits);
    }

    /** Parses {@code length} ASCII bytes from {@code offset}. */
    public static long parse(final DirectBuffer buffer, final int offset, final int length, final int digits)
    {
        Objects.checkFromIndexSize(offset, length, buffer.capacity());
        return parse0(null, null, buffer, offset, length, digits);
    }

    // One parser over three sources: exactly one of text, chars, buffer is non-null.
    private static int charAt(final CharSequence text, final char[] chars, final DirectBuffer buffer, final int i)
    {
        if (chars != null)
        {
            return chars[i];
        }
        if (buffer != null)
        {
            return buffer.getByte(i) & 0xFF;
        }
        return text.charAt(i);
    }

    private static boolean isDigit(final int c)
    {
        return c >= '0' && c <= '9';
    }

    private static long parse0(
        final CharSequence text, final char[] chars, final DirectBuffer buffer,
        final int offset, final int length, final int digits)
    {
        checkDigits(digits);
        final int end = offset + length;
        int p = offset;

        // Pass 1: syntax only, so malformed text is NOT_A_NUMBER whatever its digits are.
        final boolean negative = p < end && charAt(text, chars, buffer, p) == '-';
        if (negative)
        {
            p++;
        }
        final int intStart = p;
        while (p < end && isDigit(charAt(text, chars, buffer, p)))
        {
            p++;
        }
        final int intEnd = p;
        if (intEnd == intStart)
        {
            return NOT_A_NUMBER;
        }
        int fracStart = p;
        int fracEnd = p;
        if (p < end && charAt(text, chars, buffer, p) == '.')
        {
            fracStart = ++p;
            while (p < end && isDigit(charAt(text, chars, buffer, p)))
            {
                p++;
            }
            fracEnd = p;
            if (fracEnd == fracStart)
            {
                return NOT_A_NUMBER;
            }
        }
        long exponent = 0;
        if (p < end && (charAt(text, chars, buffer, p) | 0x20) == 'e')
        {
            p++;
            boolean negativeExponent = false;
            if (p < end)
            {
                final int sign = charAt(text, chars, buffer, p);
                if (sign == '-' || sign == '+')
                {
                    negativeExponent = sign == '-';
                    p++;
                }
            }
            final int expStart = p;
            int c;
            while (p < end && isDigit(c = charAt(text, chars, buffer, p)))
            {
                if (exponent < EXPONENT_CAP)
                {
                    exponent = exponent * 10 + (c - '0');
                }
                p++;
            }
            if (p == expStart)
            {
                return NOT_A_NUMBER;
            }
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }
        if (p != end)
        {
            return NOT_A_NUMBER;
        }

        // Pass 2: each mantissa digit lands at a decimal place of the scaled result; places below 0 must be 0.
        final long mantissaDigits = (long)(intEnd - intStart) + (fracEnd - fracStart);
        final long lastPlace = exponent - (fracEnd - fracStart) + digits;
        long place = lastPlace + mantissaDigits - 1;
        long magnitude = 0;
        for (int i = intStart; i < fracEnd; i++)
        {
            if (i == intEnd)
            {
                i = fracStart;  // skip the '.'
                if (i == fracEnd)
                {
                    break;
                }
            }
            final int d = charAt(text, chars, buffer, i) - '0';
            if (place >= 0)
            {
                if (magnitude > (Long.MAX_VALUE - d) / 10)
                {
                    return OUT_OF_RANGE;
                }
                magnitude = magnitude * 10 + d;
            }
            else if (d != 0)
            {
                return TOO_MANY_DIGITS;
            }
            place--;
        }
        if (lastPlace > 0 && magnitude != 0)
        {
            if (lastPlace > MAX_DIGITS || magnitude > Long.MAX_VALUE / POW10[(int)lastPlace])
            {
                return OUT_OF_RANGE;
            }
            magnitude *= POW10[(int)lastPlace];
        }
        if (negative)
        {
            // -(MAX - 2) == MIN + 3 is the most negative value that is not a sentinel.
            return magnitude > Long.MAX_VALUE - 2 ? OUT_OF_RANGE : -magnitude;
        }
        return magnitude;
    }

    /** Formats {@code value} at {@code digits}: {@code (108420, 5) -> "1.08420"}, {@code (-5, 2) -> "-0.05"}. */
    public static String toString(final long value, final int digits)
    {
        checkDigits(digits);
        final StringBuilder sb = new StringBuilder(22).append(value);
        if (digits == 0)
        {
            return sb.toString();
        }
        final int signLength = value < 0 ? 1 : 0;
        int numberLength = sb.length() - signLength;
        while (numberLength <= digits)
        {
            sb.insert(signLength, '0');
            numberLength++;
        }
        return sb.insert(sb.length() - digits, '.').toString();
    }

    /**
     * Writes the same ASCII text as {@link #toString(long, int)} at {@code index}, without allocating.
     *
     * @return the number of bytes written.
     */
    public static int putDecimal(final MutableDirectBuffer buffer, final int index, final long value, final int digits)
    {
        checkDigits(digits);
        // Work in the non-positive range so Long.MIN_VALUE needs no special case.
        final boolean negative = value < 0;
        long q = negative ? value : -value;
        int numberDigits = 1;
        for (long t = q / 10; t != 0; t /= 10)
        {
            numberDigits++;
        }
        final int intDigits = Math.max(1, numberDigits - digits);
        final int length = (negative ? 1 : 0) + intDigits + (digits > 0 ? 1 + digits : 0);
        int p = index + length;
        for (int i = 0; i < digits; i++)
        {
            buffer.putByte(--p, (byte)('0' - (q % 10)));
            q /= 10;
        }
        if (digits > 0)
        {
            buffer.putByte(--p, (byte)'.');
        }
        do
        {
            buffer.putByte(--p, (byte)('0' - (q % 10)));
            q /= 10;
        }
        while (q != 0);
        if (negative)
        {
            buffer.putByte(--p, (byte)'-');
        }
        return length;
    }

    /** As {@link #putDecimal} with trailing fractional zeros removed: "1.50" is "1.5", "2.00" is "2". */
    public static int putDecimalTrimmed(
        final MutableDirectBuffer buffer, final int index, final long value, final int digits)
    {
        checkDigits(digits);
        long v = value;
        int d = digits;
        while (d > 0 && v % 10 == 0)
        {
            v /= 10;
            d--;
        }
        return putDecimal(buffer, index, v, d);
    }

    /**
     * Changes the scale of {@code value}: exact when widening ({@link ArithmeticException} on overflow),
     * rounded half-even when narrowing.
     */
    public static long rescale(final long value, final int fromDigits, final int toDigits)
    {
        checkDigits(fromDigits);
        checkDigits(toDigits);
        if (toDigits >= fromDigits)
        {
            return Math.multiplyExact(value, POW10[toDigits - fromDigits]);
        }
        final long divisor = POW10[fromDigits - toDigits];
        final long q = value / divisor;
        final long r = Math.abs(value % divisor);  // < divisor <= 10^18, so 2 * r cannot overflow
        final long twice = 2 * r;
        if (twice > divisor || (twice == divisor && (q & 1) != 0))
        {
            return value < 0 ? q - 1 : q + 1;
        }
        return q;
    }

    /** {@code a * b / c} rounded half-even over an exact 128-bit product; allocates nothing; throws if c == 0 or past a long. */
    public static long mulDiv(final long a, final long b, final long c)
    {
        return WideArithmetic.mulDiv(a, b, c, false);
    }

    /** {@link #mulDiv}, but past a long it is Long.MAX_VALUE or MIN_VALUE (by sign), not a throw: for amounts clamped after. */
    public static long mulDivSaturated(final long a, final long b, final long c)
    {
        return WideArithmetic.mulDiv(a, b, c, true);
    }

    /**
     * The smallest scale that holds {@code decimalText} exactly: "0.01" is 2, "100000" is 0, "0.0100" is 2,
     * "1e-3" is 3. Used to derive a quantity scale from a lot step.
     *
     * @return the scale, or -1 if the text is not a number in the accepted grammar.
     */
    public static int fractionDigits(final CharSequence decimalText)
    {
        if (parse(decimalText, 0) == NOT_A_NUMBER)
        {
            return -1;
        }
        // scale = (digits after the point) - (trailing zeros of all mantissa digits) - exponent, at least 0.
        final int length = decimalText.length();
        int p = decimalText.charAt(0) == '-' ? 1 : 0;
        long fraction = 0;
        long trailingZeros = 0;
        boolean afterPoint = false;
        for (; p < length; p++)
        {
            final char c = decimalText.charAt(p);
            if (c == '.')
            {
                afterPoint = true;
                continue;
            }
            if ((c | 0x20) == 'e')
            {
                break;
            }
            trailingZeros = c == '0' ? trailingZeros + 1 : 0;
            fraction += afterPoint ? 1 : 0;
        }
        long exponent = 0;
        if (p < length)
        {
            final boolean negative = decimalText.charAt(++p) == '-';
            if (decimalText.charAt(p) == '-' || decimalText.charAt(p) == '+')
            {
                p++;
            }
            for (; p < length; p++)
            {
                if (exponent < EXPONENT_CAP)
                {
                    exponent = exponent * 10 + (decimalText.charAt(p) - '0');
                }
            }
            exponent = negative ? -exponent : exponent;
        }
        return (int)Math.min(Integer.MAX_VALUE, Math.max(0, fraction - trailingZeros - exponent));
    }

    private static void checkDigits(final int digits)
    {
        if (digits < 0 || digits > MAX_DIGITS)
        {
            throw new IllegalArgumentException("digits must be 0.." + MAX_DIGITS + ", was " + digits);
        }
    }
}
