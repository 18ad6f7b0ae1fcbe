package io.ordergate.engine.view;

/**
 * The text of a time in API.md's form, ISO-8601 UTC with milliseconds ({@code 2026-11-22T10:00:00.123Z}), written
 * into a byte array without allocating: the date from the civil-from-days arithmetic of
 * {@code java.time.LocalDate.ofEpochDay}. Years are written with four digits (the gateway's times are 1970-9999).
 */
final class UtcTimeText
{
    /** Bytes of every time written: {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
    static final int LENGTH = 24;

    private UtcTimeText()
    {
    }

    /** Writes {@link #LENGTH} bytes at {@code offset}. */
    static void write(final long epochMicros, final byte[] target, final int offset)
    {
        final long epochMillis = Math.floorDiv(epochMicros, 1000L);
        final long epochDay = Math.floorDiv(epochMillis, 86_400_000L);
        final long millisOfDay = Math.floorMod(epochMillis, 86_400_000L);
        long zeroDay = epochDay + 719_528 - 60;
        long adjust = 0;
        if (zeroDay < 0)
        {
            final long adjustCycles = (zeroDay + 1) / 146_097 - 1;
            adjust = adjustCycles * 400;
            zeroDay += -adjustCycles * 146_097;
        }
        long yearEst = (400 * zeroDay + 591) / 146_097;
        long doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        if (doyEst < 0)
        {
            yearEst--;
            doyEst = zeroDay - (365 * yearEst + yearEst / 4 - yearEst / 100 + yearEst / 400);
        }
        yearEst += adjust;
        final int marchDoy0 = (int)doyEst;
        final int marchMonth0 = (marchDoy0 * 5 + 2) / 153;
        final int month = (marchMonth0 + 2) % 12 + 1;
        final int dom = marchDoy0 - (marchMonth0 * 306 + 5) / 10 + 1;
        yearEst += marchMonth0 / 10;
        digits(yearEst, 4, target, offset);
        target[offset + 4] = '-';
        digits(month, 2, target, offset + 5);
        target[offset + 7] = '-';
        digits(dom, 2, target, offset + 8);
        target[offset + 10] = 'T';
        digits(millisOfDay / 3_600_000L, 2, target, offset + 11);
        target[offset + 13] = ':';
        digits(millisOfDay / 60_000L % 60, 2, target, offset + 14);
        target[offset + 16] = ':';
        digits(millisOfDay / 1000L % 60, 2, target, offset + 17);
        target[offset + 19] = '.';
        digits(millisOfDay % 1000L, 3, target, offset + 20);
        target[offset + 23] = 'Z';
    }

    /** The low {@code width} decimal digits of {@code value}, zero-padded. */
    private static void digits(final long value, final int width, final byte[] target, final int offset)
    {
        long rest = value;
        for (int i = offset + width - 1; i >= offset; i--)
        {
            target[i] = (byte)('0' + rest % 10);
            rest /= 10;
        }
    }
}
