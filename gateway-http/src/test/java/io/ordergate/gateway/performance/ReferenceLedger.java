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

/**
 * The performance rules of docs/performance.md written as plainly as possible, for {@link LedgerAgainstReferenceTest}:
 * the form {@link PerformanceLedger} had before it kept money in longs and sorted primitives (an object per fill, the
 * JDK's stable sort, BigDecimal for every sum, a drawdown division at every point, round trips keyed by strings).
 */
final class ReferenceLedger
{
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private record Fill(long tradeId, long time, int symbol, boolean buy, BigDecimal quantity, long positionId, BigDecimal realized,
        BigDecimal fee, boolean history)
    {
    }

    private record Entry(long time, String accountId, Fill fill, BigDecimal transfer)
    {
    }

    private final Instant start;
    private final Instant end;
    private final boolean openEnded;
    private BigDecimal realized = BigDecimal.ZERO;
    private BigDecimal fees = BigDecimal.ZERO;
    private BigDecimal deposits = BigDecimal.ZERO;
    private BigDecimal withdrawals = BigDecimal.ZERO;
    private BigDecimal startingEquity = BigDecimal.ZERO;
    private BigDecimal grossProfit = BigDecimal.ZERO;
    private BigDecimal grossLoss = BigDecimal.ZERO;
    private BigDecimal maxDrawdown = BigDecimal.ZERO;
    private BigDecimal unrealizedCounted = BigDecimal.ZERO;
    private int fills;
    private int trips;
    private int wins;
    private int losses;
    private final List<Map<String, BigDecimal[]>> periods = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    ReferenceLedger(final Instant start, final Instant end, final Instant now)
    {
        this.start = start;
        this.end = end;
        this.openEnded = end == null || end.isAfter(now);
    }

    ReferenceLedger read(final JsonNode data, final Map<String, FillStore.Record> records)
    {
        final Map<String, Boolean> hedging = new HashMap<>();
        final List<Entry> entries = new ArrayList<>();
        BigDecimal unrealized = BigDecimal.ZERO;
        for (final JsonNode account : data.path("accounts"))
        {
            final String id = account.path("account_id").asText();
            unrealized = unrealized.add(account.path("unrealized_pnl").decimalValue());
            hedging.put(id, "hedging".equals(account.path("position_mode").asText()));
            final FillStore.Record record = records.get(id);
            if (record != null)
            {
                for (int t = 0; t < record.transferCount(); t++)
                {
                    entries.add(new Entry(record.transferTimes()[t], id, null, BigDecimal.valueOf(record.transferAmounts()[t], 2)));
                }
                fills(record).forEach(f -> entries.add(new Entry(f.time(), id, f, null)));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::time));
        unrealizedCounted = openEnded ? unrealized : BigDecimal.ZERO;
        final Map<String, BigDecimal[]> open = new HashMap<>();
        BigDecimal curve = BigDecimal.ZERO;
        BigDecimal peak = null;
        for (final Entry entry : entries)
        {
            final Instant time = Instant.ofEpochSecond(0, entry.time() * 1_000L);
            final boolean before = start != null && time.isBefore(start);
            final boolean inside = !before && (end == null || time.isBefore(end));
            if (entry.transfer() != null)
            {
                if (before || inside)
                {
                    curve = curve.add(entry.transfer());
                    peak = peak == null ? null : peak.add(entry.transfer());
                }
                if (inside)
                {
                    deposits = entry.transfer().signum() > 0 ? deposits.add(entry.transfer()) : deposits;
                    withdrawals = entry.transfer().signum() < 0 ? withdrawals.subtract(entry.transfer()) : withdrawals;
                }
                else if (before)
                {
                    startingEquity = startingEquity.add(entry.transfer());
                }
                continue;
            }
            final Fill fill = entry.fill();
            final BigDecimal net = fill.realized().subtract(fill.fee());
            if (before && !fill.history())
            {
                curve = curve.add(net);
                startingEquity = startingEquity.add(net);
            }
            if (inside)
            {
                peak = peak == null ? curve : peak;
                realized = realized.add(fill.realized());
                fees = fees.add(fill.fee());
                fills++;
                for (final BigDecimal[] period : periods(time))
                {
                    period[0] = period[0].add(fill.realized());
                    period[1] = period[1].add(fill.fee());
                    period[2] = period[2].add(BigDecimal.ONE);
                }
                if (!fill.history())
                {
                    curve = curve.add(net);
                    peak = drawdown(peak, curve);
                }
            }
            final String key = hedging.get(entry.accountId()) || fill.history()
                ? entry.accountId() + "#" + fill.positionId() + "#" + (fill.history() ? fill.tradeId() : 0)
                : entry.accountId() + "/" + fill.symbol();
            final BigDecimal[] trip = open.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            final BigDecimal beforeQuantity = fill.history() ? (fill.buy() ? fill.quantity().negate() : fill.quantity()) : trip[0];
            trip[0] = beforeQuantity.add(fill.buy() ? fill.quantity() : fill.quantity().negate());
            trip[1] = trip[1].add(net);
            if (beforeQuantity.signum() != 0 && (trip[0].signum() == 0 || trip[0].signum() != beforeQuantity.signum()))
            {
                if (inside)
                {
                    closeTrip(trip[1], time);
                }
                trip[1] = BigDecimal.ZERO;
            }
        }
        startingEquity = startingEquity.add(deposits);
        drawdown(peak == null ? curve : peak, curve.add(unrealizedCounted));
        return this;
    }

    /** The record's fills, each as its latest correction says, where it was first booked. */
    private static List<Fill> fills(final FillStore.Record record)
    {
        final FillRows.Columns c = record.fills();
        final Map<Long, Integer> latest = new HashMap<>();
        final List<Long> order = new ArrayList<>();
        for (int row = 0; row < record.fillCount(); row++)
        {
            if (latest.put(c.tradeId(row), row) == null)
            {
                order.add(c.tradeId(row));
            }
        }
        final List<Fill> fills = new ArrayList<>();
        for (final long tradeId : order)
        {
            final int row = latest.get(tradeId);
            fills.add(new Fill(tradeId, c.time(row), c.symbol(row), c.is(row, FillRows.BUY), BigDecimal.valueOf(c.quantity(row), c.quantityDigits(row)),
                c.positionId(row), BigDecimal.valueOf(c.realized(row), 2), BigDecimal.valueOf(c.fee(row), 2), c.is(row, FillRows.HISTORY)));
        }
        return fills;
    }

    private BigDecimal drawdown(final BigDecimal peak, final BigDecimal value)
    {
        if (value.compareTo(peak) > 0)
        {
            return value;
        }
        if (peak.signum() > 0)
        {
            final BigDecimal fall = peak.subtract(value).multiply(HUNDRED).divide(peak, PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
            maxDrawdown = fall.compareTo(maxDrawdown) > 0 ? fall : maxDrawdown;
        }
        return peak;
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
        for (final BigDecimal[] period : periods(time))
        {
            period[3] = period[3].add(BigDecimal.ONE);
        }
    }

    private List<BigDecimal[]> periods(final Instant time)
    {
        final LocalDate date = time.atZone(ZoneOffset.UTC).toLocalDate();
        final String week = String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        final String[] keys = {date.toString(), week, date.toString().substring(0, 7)};
        final List<BigDecimal[]> found = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            found.add(periods.get(i).computeIfAbsent(keys[i], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO}));
        }
        return found;
    }

    String figures()
    {
        final BigDecimal netPnl = realized.subtract(fees);
        final BigDecimal returnPct = startingEquity.signum() <= 0 ? null
            : netPnl.add(unrealizedCounted).multiply(HUNDRED).divide(startingEquity, PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
        final BigDecimal winRate = trips == 0 ? null
            : BigDecimal.valueOf(wins).divide(BigDecimal.valueOf(trips), PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
        final BigDecimal profitFactor = grossLoss.signum() == 0 ? null : grossProfit.divide(grossLoss, PerformanceLedger.RATIO_SCALE, RoundingMode.HALF_EVEN);
        return figures(realized, fees, fills, trips, wins, losses, grossProfit, grossLoss, deposits, withdrawals, startingEquity, maxDrawdown,
            returnPct, winRate, profitFactor);
    }

    String periods()
    {
        final StringBuilder text = new StringBuilder();
        for (final Map<String, BigDecimal[]> series : periods)
        {
            series.forEach((key, p) -> text.append(key).append(' ').append(p[0]).append(' ').append(p[1]).append(' ').append(p[2]).append(' ')
                .append(p[3]).append('\n'));
        }
        return text.toString();
    }

    /** The figures as one comparable text; decimals by value (scale ignored), null as null. */
    static String figures(final BigDecimal realized, final BigDecimal fees, final int fills, final int trips, final int wins, final int losses,
        final BigDecimal grossProfit, final BigDecimal grossLoss, final BigDecimal deposits, final BigDecimal withdrawals,
        final BigDecimal startingEquity, final BigDecimal maxDrawdown, final BigDecimal returnPct, final BigDecimal winRate,
        final BigDecimal profitFactor)
    {
        final Object[] values = {realized, fees, fills, trips, wins, losses, grossProfit, grossLoss, deposits, withdrawals, startingEquity,
            maxDrawdown, returnPct, winRate, profitFactor};
        final StringBuilder text = new StringBuilder();
        final String[] names = {"realized", "fees", "fills", "trips", "wins", "losses", "gross_profit", "gross_loss", "deposits", "withdrawals",
            "starting_equity", "max_drawdown_pct", "return_pct", "win_rate", "profit_factor"};
        for (int i = 0; i < values.length; i++)
        {
            final Object value = values[i];
            text.append(names[i]).append('=')
                .append(value instanceof BigDecimal ? ((BigDecimal)value).stripTrailingZeros().toPlainString() : String.valueOf(value)).append(' ');
        }
        return text.toString();
    }
}
