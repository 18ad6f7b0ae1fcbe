package io.ordergate.gateway.webhooksout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

class RetryTimesTest
{
    private static final long NOW = 1_700_000_000_000_000L;

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndIgnoredWhenUnreadableOrPast()
    {
        assertEquals(3_000_000L, RetryTimes.retryAfterMicros("3", NOW));
        assertEquals(3_000_000L, RetryTimes.retryAfterMicros(" 3 ", NOW));
        final String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(NOW / 1_000_000L + 10).atOffset(ZoneOffset.UTC));
        assertEquals(10_000_000L, RetryTimes.retryAfterMicros(inTenSeconds, NOW));
        assertEquals(0, RetryTimes.retryAfterMicros("Wed, 21 Oct 2015 07:28:00 GMT", NOW), "a date past: no wait of its own");
        assertEquals(0, RetryTimes.retryAfterMicros("soon", NOW));
        assertEquals(0, RetryTimes.retryAfterMicros("-5", NOW));
        assertEquals(0, RetryTimes.retryAfterMicros(null, NOW));
        assertEquals(RetryTimes.MAX_BACK_OFF_MICROS, RetryTimes.retryAfterMicros("99999999999999999999", NOW), "too big for a long: the cap");
    }

    @Test
    void theNextAttemptIsTheLaterOfTheBackOffAndRetryAfterCappedAtAnHour()
    {
        for (int i = 0; i < 100; i++)
        {
            final long first = RetryTimes.next(NOW, 1, 0) - NOW;
            assertTrue(first >= 800_000L && first <= 1_200_000L, "1 s ±20%: " + first);
            assertTrue(RetryTimes.next(NOW, 1, 3_000_000L) - NOW >= 3_000_000L, "Retry-After beyond the back-off wins");
            assertTrue(RetryTimes.next(NOW, 40, 0) - NOW <= RetryTimes.MAX_BACK_OFF_MICROS * 12 / 10, "capped at an hour (with jitter)");
            assertEquals(NOW + RetryTimes.MAX_BACK_OFF_MICROS, RetryTimes.next(NOW, 1, 86_400_000_000L), "a day's Retry-After: the hour's cap");
        }
        assertTrue(RetryTimes.busy(429) && RetryTimes.busy(503));
        assertFalse(RetryTimes.busy(500) || RetryTimes.busy(200));
    }
}
