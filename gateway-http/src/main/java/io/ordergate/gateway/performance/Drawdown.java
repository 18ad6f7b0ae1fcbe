package io.ordergate.gateway.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.ordergate.fixed.Money;

/**
 * The largest fall of an equity curve from its running peak, as a percent of that peak (positive peaks only), rounded
 * half-even to {@link PerformanceLedger#RATIO_SCALE} places. Only the lowest point under each peak can be the largest fall
 * from it (and rounding keeps that order), so one division is made per peak rather than per point. Money in cents.
 * Not thread safe.
 */
final class Drawdown
{
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private boolean started;
    private long peak;
    private boolean seenBelow;
    private long lowest;
    private BigDecimal largest = BigDecimal.ZERO;

    boolean started()
    {
        return started;
    }

    /** The curve's first point: the peak to measure from. */
    void start(final long value)
    {
        started = true;
        peak = value;
        seenBelow = false;
    }

    /** A point of the curve (after {@link #start}). */
    void point(final long value)
    {
        if (value > peak)
        {
            settle();
            peak = value;
        }
        else if (!seenBelow || value < lowest)
        {
            seenBelow = true;
            lowest = value;
        }
    }

    /**
     * A fall the curve made between two of its points that are not given one by one (a folded day's own largest): it
     * counts as a fall, and leaves the running peak and the lowest point under it as they were.
     */
    void fall(final long peakValue, final long troughValue)
    {
        if (peakValue > 0 && troughValue < peakValue)
        {
            final BigDecimal fall = BigDecimal.valueOf(peakValue - troughValue).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(peakValue), PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
            largest = fall.compareTo(largest) > 0 ? fall : largest;
        }
    }

    /** Money in or out moves the curve and its peak alike: the falls measured so far are kept as they were. */
    void shift(final long amount)
    {
        settle();
        peak += amount;
    }

    /** The largest fall, every point so far and then {@code last} (exact, not in cents) counted. */
    BigDecimal largestPct(final BigDecimal last)
    {
        settle();
        final BigDecimal top = BigDecimal.valueOf(peak, Money.DIGITS);
        if (last.compareTo(top) <= 0 && peak > 0)
        {
            final BigDecimal fall = top.subtract(last).multiply(HUNDRED).divide(top, PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
            largest = fall.compareTo(largest) > 0 ? fall : largest;
        }
        return largest;
    }

    private void settle()
    {
        if (seenBelow && peak > 0)
        {
            final BigDecimal fall = BigDecimal.valueOf(peak - lowest).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(peak), PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
            if (fall.compareTo(largest) > 0)
            {
                largest = fall;
            }
        }
        seenBelow = false;
    }
}
