package io.ordergate.gateway.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.agrona.collections.Long2LongHashMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.fixed.Money;

/**
 * Performance figures computed exactly from fills (API.md "Performance"): the scope's accounts as the engine has them
 * now (balance, unrealized PnL) and their whole record of fills and transfers ({@link FillStore}), read in
 * time order. Ratios are rounded half-even to 8 places.
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
 * A netting account's round trips are tracked per symbol, a hedging account's per position (as it was at each fill). A synced MT5 deal of the
 * past counts in its range's PnL and round trips but not in the equity curve (the balance it was made with holds it).
 * An account's folded fills ({@link FoldedFills}) come in as one entry per day's segment: exact sums for a range on day
 * bounds, and for the drawdown the day's lowest point, its own largest fall, its highest point and its end.
 * Money is summed in cents as longs (exact), then written as decimals. Not thread safe: one per read, on a performance
 * worker, from the {@link FillStore.Record}s the reply thread took.
 */
final class PerformanceLedger
{
    static final int RATIO_SCALE = 8;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final long MICROS_A_DAY = FoldedFills.MICROS_A_DAY;
    private static final long TRANSFER = 1L << 31;
    /** An entry of an account's folded fills: a {@link FoldedFills.Segment}. */
    private static final long SEGMENT = 1L << 30;

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
    /**
     * The bound ({@code start_date} or {@code end_date}) that falls inside a UTC day of which an account's fills are kept
     * only as sums ({@link FoldedFills}), or null: such a range cannot be told exactly, and is refused.
     */
    String boundInsideFoldedDay;
    final Map<String, Period> daily = new TreeMap<>();
    final Map<String, Period> weekly = new TreeMap<>();
    final Map<String, Period> monthly = new TreeMap<>();

    /** One period's sums; money in cents. */
    static final class Period
    {
        long realized;
        long fees;
        int fills;
        int trips;
    }

    /** The day, week and month of the entry read last: a day's entries share them. */
    private long periodDay = Long.MIN_VALUE;
    private Period[] periods;

    /** @param start inclusive, or null; @param end exclusive, or null; @param now what "open-ended" is judged against */
    PerformanceLedger(final Instant start, final Instant end, final Instant now)
    {
        this.start = start;
        this.end = end;
        this.openEnded = end == null || end.isAfter(now);
    }

    /**
     * Reads the scope's accounts (the engine's PERFORMANCE_DATA answer) and their records, taken on the reply thread
     * when the engine answered (an account without one has no fills or transfers yet).
     */
    PerformanceLedger read(final JsonNode data, final Map<String, FillStore.Record> records)
    {
        final List<FillStore.Record> scope = new ArrayList<>();
        final TimedLongs order = new TimedLongs(64);
        for (final JsonNode account : data.path("accounts"))
        {
            final String id = account.path("account_id").asText();
            balance = balance.add(account.path("balance").decimalValue());
            unrealized = unrealized.add(account.path("unrealized_pnl").decimalValue());
            final FillStore.Record record = records.get(id);
            if (record != null)
            {
                final int index = scope.size();
                scope.add(record);
                final Long2LongHashMap latest = latestCorrections(record);
                // an account's transfers before its fills of the same microsecond (its first deposit before its trading),
                // folded or not (the level a folded day was measured at counts them so)
                for (int t = 0; t < record.transferEntries(); t++)
                {
                    order.add(record.transferTime(t), (long)index << 32 | TRANSFER | t);
                }
                if (record.folded() != null)
                {
                    record.folded().entries(order, (long)index << 32 | SEGMENT);
                }
                final String split = record.boundInsideFoldedDay(start == null ? 0 : micros(start), end == null ? 0 : micros(end));
                boundInsideFoldedDay = split == null ? boundInsideFoldedDay : split;
                for (int row = 0; row < record.fillCount(); row++)
                {
                    if (!record.fills().is(row, FillRows.CORRECTION))
                    {
                        final int current = latest == null ? row : (int)latest.get(record.fills().tradeId(row));
                        final int effective = current < 0 ? row : current;
                        order.add(record.fills().time(effective), (long)index << 32 | effective);
                    }
                }
            }
        }
        order.sort();
        unrealizedCounted = openEnded ? unrealized : BigDecimal.ZERO;
        walk(order, scope);
        return this;
    }

    /** The newest correction of each corrected fill of the record, by trade id (row or -1), or null when none. */
    private static Long2LongHashMap latestCorrections(final FillStore.Record record)
    {
        if (!record.corrected())
        {
            return null;
        }
        final Long2LongHashMap latest = new Long2LongHashMap(-1);
        for (int row = 0; row < record.fillCount(); row++)
        {
            if (record.fills().is(row, FillRows.CORRECTION))
            {
                latest.put(record.fills().tradeId(row), row);
            }
        }
        return latest;
    }

    private void walk(final TimedLongs order, final List<FillStore.Record> scope)
    {
        final long startMicros = start == null ? Long.MIN_VALUE : micros(start);
        final long endMicros = end == null ? Long.MAX_VALUE : micros(end);
        final List<OpenTrips> open = new ArrayList<>();
        // the round trips left open by an account's folded fills go on here
        scope.forEach(r -> open.add(r.folded() == null ? new OpenTrips() : r.folded().trips().copy()));
        final Drawdown drawdown = new Drawdown();
        long curve = 0;
        long before = 0;
        long realizedCents = 0;
        long feeCents = 0;
        long depositCents = 0;
        long withdrawalCents = 0;
        for (int i = 0; i < order.count(); i++)
        {
            final long time = order.time(i);
            final long entry = order.value(i);
            final FillStore.Record record = scope.get((int)(entry >>> 32));
            final boolean earlier = time < startMicros;
            final boolean inside = !earlier && time < endMicros;
            if ((entry & TRANSFER) != 0)
            {
                final long amount = record.transferAmount((int)(entry & (TRANSFER - 1)));
                if (earlier || inside)
                {
                    curve = Math.addExact(curve, amount);
                    if (drawdown.started())
                    {
                        drawdown.shift(amount);
                    }
                }
                if (inside)
                {
                    depositCents += amount > 0 ? amount : 0;
                    withdrawalCents -= amount < 0 ? amount : 0;
                }
                else if (earlier)
                {
                    before = Math.addExact(before, amount);
                }
                continue;
            }
            if ((entry & SEGMENT) != 0)
            {
                final FoldedFills.Segment day = record.folded().segments()[(int)(entry & (SEGMENT - 1))];
                final long dayStart = day.day() * MICROS_A_DAY;
                if (dayStart < startMicros)
                {
                    curve = Math.addExact(curve, day.curveNet());
                    before = Math.addExact(before, day.curveNet());
                }
                else if (dayStart < endMicros)
                {
                    if (!drawdown.started())
                    {
                        drawdown.start(curve);
                    }
                    realizedCents = Math.addExact(realizedCents, day.realized());
                    feeCents = Math.addExact(feeCents, day.fees());
                    folded(day, time);
                    // a peak before the day falls at most to its lowest point; the day's own largest fall; its highest
                    // point is the peak after it (exact while equity is positive: see FoldedFills)
                    drawdown.point(curve + day.low());
                    drawdown.fall(curve + day.fallPeak(), curve + day.fallTrough());
                    drawdown.point(curve + day.high());
                    curve = Math.addExact(curve, day.curveNet());
                    drawdown.point(curve);
                }
                continue;
            }
            final int row = (int)(entry & 0xffff_ffffL);
            final FillRows.Columns fill = record.fills();
            final boolean history = fill.is(row, FillRows.HISTORY);
            final long net = fill.net(row);
            if (earlier && !history)
            {
                curve = Math.addExact(curve, net);
                before = Math.addExact(before, net);
            }
            if (inside)
            {
                if (!drawdown.started())
                {
                    drawdown.start(curve);
                }
                realizedCents = Math.addExact(realizedCents, fill.realized(row));
                feeCents = Math.addExact(feeCents, fill.fee(row));
                fills++;
                for (final Period period : periods(time))
                {
                    period.realized += fill.realized(row);
                    period.fees += fill.fee(row);
                    period.fills++;
                }
                if (!history)
                {
                    curve = Math.addExact(curve, net);
                    drawdown.point(curve);
                }
            }
            trip(open.get((int)(entry >>> 32)), fill, row, net, inside, time);
        }
        realized = cents(realizedCents);
        fees = cents(feeCents);
        deposits = cents(depositCents);
        withdrawals = cents(withdrawalCents);
        startingEquity = cents(Math.addExact(before, depositCents));
        if (!drawdown.started())
        {
            drawdown.start(curve);
        }
        maxDrawdownPct = drawdown.largestPct(cents(curve).add(unrealizedCounted));
    }

    /**
     * Moves the fill's round trip: per symbol, or per position when the account was hedging (or MT5) as the fill was
     * booked ({@link FillRows#HEDGING}); a deal of the past is a trip of its own.
     */
    private void trip(final OpenTrips open, final FillRows.Columns fill, final int row, final long net,
        final boolean inside, final long time)
    {
        final long quantity = fill.quantity(row);
        if (fill.is(row, FillRows.HISTORY))
        {
            if (quantity != 0 && inside)
            {
                closeTrip(net, time);
            }
            return;
        }
        if (open.move(fill.tripKey(row), fill.is(row, FillRows.BUY), quantity, fill.quantityDigits(row), net) && inside)
        {
            closeTrip(open.closedPnl, time);
        }
    }

    private static long micros(final Instant instant)
    {
        // rounded up: a fill's microsecond is before the bound exactly when it is before this
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), (instant.getNano() + 999) / 1_000);
    }

    private static BigDecimal cents(final long money)
    {
        return BigDecimal.valueOf(money, Money.DIGITS);
    }

    BigDecimal netPnl()
    {
        return realized.subtract(fees);
    }

    /** A folded day's fills and round trips, inside the range. */
    private void folded(final FoldedFills.Segment day, final long time)
    {
        fills += day.fills();
        trips += day.trips();
        wins += day.wins();
        losses += day.losses();
        grossProfit = grossProfit.add(cents(day.grossProfit()));
        grossLoss = grossLoss.add(cents(day.grossLoss()));
        for (final Period period : periods(time))
        {
            period.realized += day.realized();
            period.fees += day.fees();
            period.fills += day.fills();
            period.trips += day.trips();
        }
    }

    private void closeTrip(final long pnl, final long time)
    {
        trips++;
        if (pnl > 0)
        {
            wins++;
            grossProfit = grossProfit.add(cents(pnl));
        }
        else if (pnl < 0)
        {
            losses++;
            grossLoss = grossLoss.add(cents(-pnl));
        }
        for (final Period period : periods(time))
        {
            period.trips++;
        }
    }

    /** The UTC day, ISO week and month of a time, made once per day met. */
    private Period[] periods(final long timeMicros)
    {
        final long day = Math.floorDiv(timeMicros, MICROS_A_DAY);
        if (day != periodDay)
        {
            final LocalDate date = LocalDate.ofEpochDay(day);
            final String week = String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            periods = new Period[] {daily.computeIfAbsent(date.toString(), k -> new Period()),
                weekly.computeIfAbsent(week, k -> new Period()), monthly.computeIfAbsent(date.toString().substring(0, 7), k -> new Period())};
            periodDay = day;
        }
        return periods;
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

    /** Net realized PnL ÷ starting equity × 100, unrealized PnL never counted, or null without equity (a month's return). */
    BigDecimal realizedReturnPct()
    {
        return startingEquity.signum() <= 0 ? null : netPnl().multiply(HUNDRED).divide(startingEquity, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }
}
