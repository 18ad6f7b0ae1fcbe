package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The times a trade report's openTime / closeTime is read at: as java.time reads them, or none where it would guess. */
class TerminalTimeTextTest
{
    @ParameterizedTest
    @ValueSource(strings = {"2024-01-15T10:30:00Z", "2026-11-22T10:00:00.123Z", "2024-01-15T12:30:00+02:00", "2024-01-15T05:00:00.5-05:30",
        "2024-02-29T23:59:59.999999z", "2024-01-15T10:30:00.123456789Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00.000001Z"})
    void shouldReadAnIsoTimeWithItsOffsetAsJavaTimeDoes(final String text)
    {
        // not ChronoUnit.MICROS.between: it counts in nanoseconds, which overflow after 2262
        final Instant time = OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
        final long expected = time.getEpochSecond() * 1_000_000L + time.getNano() / 1_000;
        assertEquals(expected, TerminalTimeText.micros(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1705314600", "2024-01-15T10:30:00", "2024-01-15 10:30:00Z", "2023-02-29T10:30:00Z", "2024-13-15T10:30:00Z",
        "2024-01-15T24:00:00Z", "2024-01-15T10:30:00.Z", "2024-01-15T10:30:00.1234567891Z", "2024-01-15T10:30:00+0200", "2024-01-15T10:30:00+19:00",
        "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", "+12024-01-15T10:30:00Z", "yesterday", ""})
    void shouldReadNoTimeWhereItWouldGuess(final String text)
    {
        assertEquals(TerminalTimeText.NONE, TerminalTimeText.micros(text), text);
    }
}
