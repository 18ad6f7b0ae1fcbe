package io.ordergate.gateway.executors;

/**
 * A trade report's {@code openTime} / {@code closeTime} as epoch micros, read only where nothing need be guessed: an
 * ISO-8601 time with its offset, {@code 2024-01-15T10:30:00Z} (seed 000), {@code 2026-11-22T10:00:00.123Z} (the
 * Python executor), {@code 2024-01-15T12:30:00+02:00}, 0 to 9 decimals of a second (kept to the micro), years 1970 to
 * 9999 (the gateway's times). Anything else is no time ({@link #NONE}): a number (epoch seconds or milliseconds?), a
 * time without its offset (in the broker's zone or UTC?), an impossible date. Stateless; allocates nothing.
 */
final class TerminalTimeText
{
    /** No time that can be read: the report keeps the time it reached the gateway. */
    static final long NONE = 0;

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final int DATE_TIME_LENGTH = 19;  // yyyy-MM-ddTHH:mm:ss

    private TerminalTimeText()
    {
    }

    /** The time {@code text} holds in epoch micros (after 1970-01-01T00:00:00Z), or {@link #NONE}. */
    static long micros(final CharSequence text)
    {
        final int length = text.length();
        if (length < DATE_TIME_LENGTH + 1 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
            || text.charAt(13) != ':' || text.charAt(16) != ':')
        {
            return NONE;
        }
        final int year = digits(text, 0, 4);
        final int month = digits(text, 5, 2);
        final int day = digits(text, 8, 2);
        final int hour = digits(text, 11, 2);
        final int minute = digits(text, 14, 2);
        final int second = digits(text, 17, 2);
        if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
            || minute < 0 || minute > 59 || second < 0 || second > 59)
        {
            return NONE;
        }
        int at = DATE_TIME_LENGTH;
        long fraction = 0;
        if (text.charAt(at) == '.')
        {
            at++;
            final int first = at;
            long scale = MICROS_PER_SECOND;
            while (at < length && Character.isDigit(text.charAt(at)) && at - first < 9)
            {
                scale /= 10;
                fraction += (text.charAt(at) - '0') * scale;  // beyond the sixth digit scale is 0: cut to the micro
                at++;
            }
            if (at == first)
            {
                return NONE;
            }
        }
        final int offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == Integer.MIN_VALUE)
        {
            return NONE;
        }
        final long seconds = daysFromEpoch(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        final long micros = seconds * MICROS_PER_SECOND + fraction;
        return micros > 0 ? micros : NONE;
    }

    /** {@code Z}, or {@code +hh:mm} / {@code -hh:mm} up to 18 hours, ending the text; Integer.MIN_VALUE otherwise. */
    private static int offsetSeconds(final CharSequence text, final int at)
    {
        final int rest = text.length() - at;
        if (rest == 1 && (text.charAt(at) == 'Z' || text.charAt(at) == 'z'))
        {
            return 0;
        }
        final char sign = rest == 6 ? text.charAt(at) : ' ';
        if (sign != '+' && sign != '-' || text.charAt(at + 3) != ':')
        {
            return Integer.MIN_VALUE;
        }
        final int hours = digits(text, at + 1, 2);
        final int minutes = digits(text, at + 4, 2);
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59)
        {
            return Integer.MIN_VALUE;
        }
        final int seconds = hours * 3_600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The {@code count} ASCII digits at {@code at} as a number; -1 when one is no digit. */
    private static int digits(final CharSequence text, final int at, final int count)
    {
        int value = 0;
        for (int i = at; i < at + count; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }

    private static int daysIn(final int year, final int month)
    {
        if (month == 2)
        {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    private static long daysFromEpoch(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = y / 400;
        final int yearOfEra = y - era * 400;
        final int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
