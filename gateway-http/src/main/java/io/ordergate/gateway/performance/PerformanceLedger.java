package io.ordergate.gateway.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.fixed.Money;

/**
 * Performance figures computed exactly from fills (API.md "Performance"): the scope's accounts as the engine has them
 * now (balance, unrealized PnL, position mode) and their whole record of fills and transfers ({@link FillStore}), read in
 * time order. Money is summed as exact decimals; ratios are rounded half-even to 8 places.
 *
 * <ul>
 *   <li>{@code realized_pnl} and {@code fees}: of the fills inside the range; {@code net_pnl} their difference;</li>
 *   <li>{@code unrealized_pnl}: the open positions at the gateway's quotes now, counted in the range's figures only
 *       when the range is open-ended (no end, or an end after now): a past range is judged by what it realized;</li>
 *   <li>{@code deposits}, {@code withdrawals}: the transfers inside the range (never counted as PnL);</li>
 *   <li>{@code starting_equity}: the equity the range starts with (transfers and net PnL before it) plus the deposits
 *       inside it; {@code return_pct}: (net PnL + unrealized when open-ended) ÷ starting equity × 100;</li>
 *   <li>{@code trades}: closed round trips (a position from flat back to flat, or through a flip), counted where the
 *       closing fill falls inside the range, each worth the net PnL of its fills; {@code win_rate} (0..1) and
 *       {@code profit_factor} over them, null when undefined;</li>
 *   <li>{@code max_drawdown_pct}: the largest fall from a peak of the equity curve (the starting equity, moved by each
 *       fill's net PnL; a transfer moves the curve and its peak alike; the unrealized PnL at the end when
 *       open-ended), as a percent of that peak;</li>
 *   <li>{@code daily}, {@code weekly} (ISO weeks), {@code monthly}: realized PnL, fees, fills and round trips by UTC period.</li>
 * </ul>
 * A netting account's round trips are tracked per symbol, a hedging account's per position. A synced MT5 deal of the
 * past counts in its range's PnL and round trips but not in the equity curve (the balance it was made with holds it).
 * Not thread safe: one per request.
 */
final class PerformanceLedger
{
    static final int RATIO_SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    final Instant start;
    final Instant end;
    final boolean openEnded;
    BigDecimal realized = BigDecimal.ZERO;
    BigDecimal unrealized = BigDecimal.ZERO;
    BigDecimal unrealizedCounted = BigDecimal.ZERO;
    BigDecimal balance = BigDecimal.ZERO;
    BigDecimal startingEquity = BigDecimal.ZERO;
    BigDecimal deposits = BigDecimal.ZERO;
    BigDecimal withdrawals = BigDecimal.ZERO;
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
        BigDecimal fees = BigDecimal.ZERO;
        int fills;
        int trips;
    }

    /** A position's round trip in progress. */
    private static final class Trip
    {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
    }

    /** One fill or transfer of the scope, for the merge into time order. */
    private record Entry(long timeMicros, String accountId, FillStore.Fill fill, FillStore.Transfer transfer)
    {
    }

    /** @param start inclusive, or null; @param end exclusive, or null; @param now what "open-ended" is judged against */
    PerformanceLedger(final Instant start, final Instant end, final Instant now)
    {
        this.start = start;
        this.end = end;
        this.openEnded = end == null || end.isAfter(now);
    }

    /** Reads the scope's accounts (the engine's PERFORMANCE_DATA answer) and their record in {@code store}. */
    PerformanceLedger read(final JsonNode data, final FillStore store)
    {
        final Map<String, Boolean> hedging = new HashMap<>();
        final List<Entry> entries = new ArrayList<>();
        for (final JsonNode account : data.path("accounts"))
        {
            final String id = account.path("account_id").asText();
            balance = balance.add(account.path("balance").decimalValue());
            unrealized = unrealized.add(account.path("unrealized_pnl").decimalValue());
            // an MT5 account's tickets are positions of their own, as a hedging account's
            hedging.put(id, "hedging".equals(account.path("position_mode").asText()) || "mt5".equals(account.path("venue").asText()));
            final FillStore.Book book = store.book(id);
            if (book != null)
            {
                book.transfers.forEach(t -> entries.add(new Entry(t.timeMicros(), id, null, t)));
                book.fills.forEach(f -> entries.add(new Entry(f.timeMicros(), id, f, null)));
            }
        }
        // stable: an account's transfers before its fills of the same microsecond (its first deposit before its trading)
        entries.sort(Comparator.comparingLong(Entry::timeMicros));
        unrealizedCounted = openEnded ? unrealized : BigDecimal.ZERO;
        final Map<String, Trip> open = new HashMap<>();
        BigDecimal curve = BigDecimal.ZERO;
        BigDecimal peak = null;
        for (final Entry entry : entries)
        {
            final Instant time = Instant.ofEpochSecond(0, entry.timeMicros() * 1_000L);
            final boolean before = start != null && time.isBefore(start);
            final boolean inside = !before && (end == null || time.isBefore(end));
            if (entry.transfer() != null)
            {
                final BigDecimal amount = cents(entry.transfer().amount());
                if (before || inside)
                {
                    curve = curve.add(amount);
                    peak = peak == null ? null : peak.add(amount);
                }
                if (inside)
                {
                    deposits = amount.signum() > 0 ? deposits.add(amount) : deposits;
                    withdrawals = amount.signum() < 0 ? withdrawals.subtract(amount) : withdrawals;
                }
                else if (before)
                {
                    startingEquity = startingEquity.add(amount);
                }
                continue;
            }
            final FillStore.Fill fill = entry.fill();
            final BigDecimal net = cents(fill.net());
            if (before && !fill.history())
            {
                curve = curve.add(net);
                startingEquity = startingEquity.add(net);
            }
            if (inside)
            {
                peak = peak == null ? curve : peak;
                realized = realized.add(cents(fill.realized()));
                fees = fees.add(cents(fill.fee()));
                fills++;
                period(time, daily, weekly, monthly).forEach(p ->
                {
                    p.realized = p.realized.add(cents(fill.realized()));
                    p.fees = p.fees.add(cents(fill.fee()));
                    p.fills++;
                });
                if (!fill.history())
                {
                    curve = curve.add(net);
                    peak = drawdown(peak, curve);
                }
            }
            final String key = Boolean.TRUE.equals(hedging.get(entry.accountId())) || fill.history()
                ? entry.accountId() + "#" + fill.positionId() + "#" + (fill.history() ? fill.tradeId() : 0)
                : entry.accountId() + "/" + fill.symbol();
            final Trip trip = open.computeIfAbsent(key, k -> new Trip());
            final BigDecimal quantity = BigDecimal.valueOf(fill.quantity(), fill.quantityDigits());
            final BigDecimal beforeQuantity = fill.history() ? (fill.buy() ? quantity.negate() : quantity) : trip.quantity;
            trip.quantity = beforeQuantity.add(fill.buy() ? quantity : quantity.negate());
            trip.pnl = trip.pnl.add(net);
            final boolean closed = beforeQuantity.signum() != 0
                && (trip.quantity.signum() == 0 || trip.quantity.signum() != beforeQuantity.signum());
            if (closed)
            {
                if (inside)
                {
                    closeTrip(trip.pnl, time);
                }
                trip.pnl = BigDecimal.ZERO;
            }
        }
        startingEquity = startingEquity.add(deposits);
        if (peak == null)
        {
            peak = curve;
        }
        drawdown(peak, curve.add(unrealizedCounted));
        return this;
    }

    private static BigDecimal cents(final long money)
    {
        return BigDecimal.valueOf(money, Money.DIGITS);
    }

    BigDecimal netPnl()
    {
        return realized.subtract(fees);
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
            : netPnl().add(unrealizedCounted).multiply(HUNDRED).divide(startingEquity, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal winRate()
    {
        return trips == 0 ? null : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trips), RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    BigDecimal profitFactor()
    {
        return grossLoss.signum() == 0 ? null : grossProfit.divide(grossLoss, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** The return of one month's net realized PnL on the starting equity, for a target_monthly_roi. */
    BigDecimal monthReturnPct(final String month)
    {
        final Period period = monthly.get(month);
        return startingEquity.signum() <= 0 ? null : (period == null ? BigDecimal.ZERO : period.realized.subtract(period.fees))
            .multiply(HUNDRED).divide(startingEquity, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
