package io.ordergate.gateway.webhooksout;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: 1 s, 2 s, 4 s ... after the attempt, at most an hour apart, ±20% so receivers
 * coming back are not hit all at once; a receiver that answered busy (429, 503) with {@code Retry-After} (seconds or an
 * HTTP date) is not tried before then, within the same hour's cap. Stateless.
 */
final class RetryTimes
{
    static final long MAX_BACK_OFF_MICROS = 3_600_000_000L;

    private RetryTimes()
    {
    }

    /** Whether the answer says the receiver is busy, not broken: its whole webhook waits, not just this delivery. */
    static boolean busy(final int status)
    {
        return status == 429 || status == 503;
    }

    /** The back-off after failed attempt number {@code attempt}, before jitter. */
    static long backOffMicros(final int attempt)
    {
        return Math.min(MAX_BACK_OFF_MICROS, 1_000_000L << Math.min(Math.max(attempt - 1, 0), 31));
    }

    /** The next attempt's time after failed attempt {@code attempt}, asked {@code retryAfterMicros} (0: not asked). */
    static long next(final long nowMicros, final int attempt, final long retryAfterMicros)
    {
        final long jittered = (long)(backOffMicros(attempt) * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        return nowMicros + Math.max(jittered, Math.min(retryAfterMicros, MAX_BACK_OFF_MICROS));
    }

    /** A {@code Retry-After} value as a wait from now in micros: 0 when absent, unreadable or past. */
    static long retryAfterMicros(final String header, final long nowMicros)
    {
        if (header == null || header.isBlank())
        {
            return 0;
        }
        final String value = header.trim();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9'))
        {
            return value.length() > 7 ? MAX_BACK_OFF_MICROS : Long.parseLong(value) * 1_000_000L;
        }
        try
        {
            final long atMicros = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli() * 1000L;
            return Math.max(0, atMicros - nowMicros);
        }
        catch (final DateTimeParseException ex)
        {
            return 0;  // unreadable: the ordinary back-off holds
        }
    }
}
