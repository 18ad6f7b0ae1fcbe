package io.ordergate.gateway.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Performance figures computed exactly from fills (API.md "Performance"): the engine's accounts and remembered fills of
 * a scope, read in time order. Money is summed as exact decimals; ratios are rounded half-even to 8 places.
 *
 * <ul>
 *   <li>{@code realized_pnl}: the fills' realized PnL inside the range; {@code unrealized_pnl}: the accounts' now;</li>
 *   <li>{@code trades}: closed round trips (a position from flat back to flat, or through a flip), counted where the
 *       closing fill falls inside the range, each worth the realized PnL of its fills;</li>
 *   <li>{@code win_rate} (0..1) and {@code profit_factor} (gross profit ÷ gross loss) over those round trips, null
 *       when undefined;</li>
 *   <li>{@code starting_equity}: the accounts' balance less all their realized PnL (what was deposited);
 *       {@code return_pct}: (realized in range + unrealized) ÷ starting equity × 100;</li>
 *   <li>{@code max_drawdown_pct}: the largest fall from a peak of the equity curve (starting equity plus the realized
 *       PnL fill by fill, then the unrealized now), as a percent of that peak;</li>
 *   <li>{@code daily}, {@code weekly} (ISO weeks), {@code monthly}: realized PnL, fills and round trips by UTC period.</li>
 * </ul>
 * A netting account's round trips are tracked per symbol, a hedging account's per position. Fills older than the
 * engine remembers ({@code engine.max_trades}) are not seen. Not thread safe: one per request.
 */
final class PerformanceLedger
{
    static final int RATIO_SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    final Instant start;
    final Instant end;
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal unrealized = BigDecimal.ZERO;
    BigDecimal balance = BigDecimal.ZERO;
    BigDecimal startingEquity = BigDecimal.ZERO;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal grossProfit = BigDecimal.ZERO;
    BigDecimal grossLoss = BigDecimal.ZERO;
    BigDecimal maxDrawdownPct = BigDecimal.ZERO;
    int trips;
    int wins;
    int losses;
    int fills;
    final Map<String, Period> daily = new TreeMap<>();
    final Map<String, Period> weekly = new TreeMap<>();
    final Map<String, Period> monthly = new TreeMap<>();

    /** One period's sums. */
    static final class Period
    {
        BigDecimal realized = BigDecimal.ZERO;
        int fills;
        int trips;
    }

    /** A position's round trip in progress. */
    private static final class Trip
    {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
    }

    /** @param start inclusive, or null; @param end exclusive, or null */
    PerformanceLedger(final Instant start, final Instant end)
    {
        this.start = start;
        this.end = end;
    }

    /** Reads the engine's PERFORMANCE_DATA answer: its accounts, then its fills oldest first. */
    PerformanceLedger read(final JsonNode data)
    {
        final Map<String, Boolean> hedging = new HashMap<>();
        BigDecimal allRealized = BigDecimal.ZERO;
        for (final JsonNode account : data.path("accounts"))
        {
            balance = balance.add(account.path("balance").decimalValue());
            unrealized = unrealized.add(account.path("unrealized_pnl").decimalValue());
            allRealized = allRealized.add(account.path("realized_pnl").decimalValue());
            hedging.put(account.path("account_id").asText(), "hedging".equals(account.path("position_mode").asText()));
        }
        startingEquity = balance.subtract(allRealized);
        final Map<String, Trip> open = new HashMap<>();
        BigDecimal curve = startingEquity;
        BigDecimal peak = null;
        for (final JsonNode fill : data.path("trades"))
        {
            final Instant time = Instant.parse(fill.path("time").asText());
            final BigDecimal pnl = fill.path("realized_pnl").decimalValue();
            final boolean inside = (start == null || !time.isBefore(start)) && (end == null || time.isBefore(end));
            curve = curve.add(pnl);
            if (inside)
            {
                peak = peak == null ? curve.subtract(pnl) : peak;
                realized = realized.add(pnl);
                fills++;
                period(time, daily, weekly, monthly).forEach(p ->
                {
                    p.realized = p.realized.add(pnl);
                    p.fills++;
                });
                peak = drawdown(peak, curve);
            }
            final String accountId = fill.path("account_id").asText();
            final String key = Boolean.TRUE.equals(hedging.get(accountId)) ? accountId + "#" + fill.path("position_id").asText()
                : accountId + "/" + fill.path("symbol").asText();
            final Trip trip = open.computeIfAbsent(key, k -> new Trip());
            final BigDecimal signed = "buy".equals(fill.path("side").asText()) ? fill.path("quantity").decimalValue()
                : fill.path("quantity").decimalValue().negate();
            final BigDecimal before = trip.quantity;
            trip.quantity = before.add(signed);
            trip.pnl = trip.pnl.add(pnl);
            final boolean closed = before.signum() != 0 && (trip.quantity.signum() == 0 || trip.quantity.signum() != before.signum());
            if (closed)
            {
                if (inside)
                {
                    closeTrip(trip.pnl, time);
                }
                trip.pnl = BigDecimal.ZERO;
            }
        }
        if (peak == null)
        {
            peak = curve;
        }
        drawdown(peak, curve.add(unrealized));
        return this;
    }

    private void closeTrip(final BigDecimal pnl, final Instant time)
    {
        trips++;
        if (pnl.signum() > 0)
        {
            wins++;
            grossProfit = grossProfit.add(pnl);
        }
        else if (pnl.signum() < 0)
        {
            losses++;
            grossLoss = grossLoss.add(pnl.negate());
        }
        period(time, daily, weekly, monthly).forEach(p -> p.trips++);
    }

    /** @return the new peak */
    private BigDecimal drawdown(final BigDecimal peak, final BigDecimal value)
    {
        if (value.compareTo(peak) > 0)
        {
            return value;
        }
        if (peak.signum() > 0)
        {
            final BigDecimal fall = peak.subtract(value).multiply(HUNDRED).divide(peak, RATIO_SCALE, RoundingMode.HALF_EVEN);
            if (fall.compareTo(maxDrawdownPct) > 0)
            {
                maxDrawdownPct = fall;
            }
        }
        return peak;
    }

    private static java.util.List<Period> period(final Instant time, final Map<String, Period> days, final Map<String, Period> weeks,
        final Map<String, Period> months)
    {
        final LocalDate date = time.atZone(ZoneOffset.UTC).toLocalDate();
        final String week = String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return java.util.List.of(days.computeIfAbsent(date.toString(), k -> new Period()), weeks.computeIfAbsent(week, k -> new Period()),
            months.computeIfAbsent(date.toString().substring(0, 7), k -> new Period()));
    }

    BigDecimal returnPct()
    {
        return startingEquity.signum() <= 0 ? null
            : realized.add(unrealized).multiply(HUNDRED).divide(startingEquity, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal winRate()
    {
        return trips == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trips), RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal profitFactor()
    {
        return grossLoss.signum() == 0 ? null : grossProfit.divide(grossLoss, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The return of one month's realized PnL on the starting equity, for a target_monthly_roi. */
    BigDecimal monthReturnPct(final String month)
    {
        final Period period = monthly.get(month);
        return startingEquity.signum() <= 0 ? null : (period == null ? BigDecimal.ZERO : period.realized).multiply(HUNDRED)
            .divide(startingEquity, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
