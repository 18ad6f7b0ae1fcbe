package io.ordergate.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Random decimal texts and longs for the oracle tests (here, engine's and gateway-http's, through this module's test-jar):
 * mostly well formed, some near a scale's edges, some broken.
 */
public final class DecimalTexts
{
    private static final String BROKEN = "+-.eE x0_";
    private static final BigDecimal LOWEST = BigDecimal.valueOf(Long.MIN_VALUE + 3);
    private static final BigDecimal HIGHEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private DecimalTexts()
    {
    }

    /** A text around {@code digits}: fractions shorter and longer than the scale, leading zeros, -0, exponents, junk. */
    public static String any(final SplittableRandom random, final int digits)
    {
        final String text = wellFormed(random, digits);
        return random.nextInt(10) == 0 ? broken(random, text) : text;
    }

    public static String wellFormed(final SplittableRandom random, final int digits)
    {
        final StringBuilder sb = new StringBuilder();
        if (random.nextInt(3) == 0)
        {
            sb.append('-');
        }
        final int leadingZeros = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
        sb.append("0".repeat(leadingZeros));
        appendDigits(random, sb, random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(21), leadingZeros == 0);
        if (random.nextBoolean())
        {
            sb.append('.');
            final int fraction = 1 + random.nextInt(Math.max(1, digits + 4));
            appendDigits(random, sb, fraction, false);
            if (random.nextInt(4) == 0)
            {
                sb.append("0".repeat(1 + random.nextInt(20)));  // trailing zeros past the scale are fine
            }
        }
        if (random.nextInt(5) == 0)
        {
            sb.append(random.nextBoolean() ? 'e' : 'E');
            final int sign = random.nextInt(3);
            sb.append(sign == 0 ? "" : sign == 1 ? "+" : "-");
            if (random.nextInt(8) == 0)
            {
                sb.append("000");
            }
            sb.append(random.nextInt(8) == 0 ? 20 + random.nextInt(100_000) : random.nextInt(25));
        }
        return sb.toString();
    }

    /** Digits, the first not zero when asked (and any at all); zero digits leaves a lone 0. */
    private static void appendDigits(final SplittableRandom random, final StringBuilder sb, final int count, final boolean nonZeroFirst)
    {
        if (count == 0)
        {
            sb.append('0');
            return;
        }
        for (int i = 0; i < count; i++)
        {
            final int lowest = i == 0 && nonZeroFirst ? 1 : 0;
            // many zeros and nines: they meet the edges of a scale and of the long range
            final int pick = random.nextInt(14);
            sb.append((char)('0' + (pick >= 10 ? (pick >= 12 ? 9 : Math.max(lowest, 0)) : Math.max(lowest, pick))));
        }
    }

    private static String broken(final SplittableRandom random, final String text)
    {
        final StringBuilder sb = new StringBuilder(text);
        final int at = random.nextInt(sb.length() + 1);
        final char c = BROKEN.charAt(random.nextInt(BROKEN.length()));
        if (random.nextBoolean() && at < sb.length())
        {
            sb.deleteCharAt(at);
        }
        else
        {
            sb.insert(at, c);
        }
        return sb.toString();
    }

    /** Longs of every size, the range's ends and the parse sentinels among them. */
    public static long interestingLong(final SplittableRandom random)
    {
        switch (random.nextInt(6))
        {
            case 0:
                return Long.MIN_VALUE + random.nextInt(6);
            case 1:
                return Long.MAX_VALUE - random.nextInt(3);
            case 2:
                return random.nextInt(2001) - 1000;
            case 3:
                return FixedPoint.pow10(random.nextInt(FixedPoint.MAX_DIGITS + 1)) * (random.nextBoolean() ? 1 : -1) * random.nextInt(10);
            default:
                return random.nextLong() >> random.nextInt(64);
        }
    }

    /**
     * The oracle: what a parse of {@code text} at {@code digits} must give, from BigDecimal: the exact value, or the sentinel of
     * the refusal that applies ({@code grammar} not matched: not a number; finer than the scale; past a long, the sentinels
     * kept out), {@code bothRefusals} when it is both too fine and too large (parsers may report either).
     */
    public static long expected(final String text, final int digits, final Pattern grammar, final long bothRefusals)
    {
        if (!grammar.matcher(text).matches())
        {
            return FixedPoint.NOT_A_NUMBER;
        }
        final int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        final BigDecimal mantissa = new BigDecimal(e < 0 ? text : text.substring(0, e));
        final BigInteger exponent = e < 0 ? BigInteger.ZERO : new BigInteger(text.substring(e + 1));
        if (mantissa.signum() == 0)
        {
            return 0;
        }
        if (exponent.abs().compareTo(BigInteger.valueOf(1000)) > 0)
        {
            // beyond 10^1000 a non-zero value is far past a long; below 10^-1000, far finer than any scale
            return exponent.signum() > 0 ? FixedPoint.OUT_OF_RANGE : FixedPoint.TOO_MANY_DIGITS;
        }
        final BigDecimal scaled = mantissa.movePointRight(digits + exponent.intValueExact());
        final boolean tooFine = scaled.stripTrailingZeros().scale() > 0;
        final BigDecimal whole = scaled.setScale(0, RoundingMode.DOWN);
        final boolean tooLarge = whole.compareTo(LOWEST) < 0 || whole.compareTo(HIGHEST) > 0;
        if (tooFine && tooLarge)
        {
            return bothRefusals;
        }
        return tooFine ? FixedPoint.TOO_MANY_DIGITS : tooLarge ? FixedPoint.OUT_OF_RANGE : scaled.longValueExact();
    }
}
