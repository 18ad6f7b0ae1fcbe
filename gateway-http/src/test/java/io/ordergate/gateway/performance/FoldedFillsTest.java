package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.StateGraph;

/**
 * An account's record keeps at most {@code server.performance_fills_kept_per_account} fills (and the chunks folded next),
 * however many it makes; the older ones are folded into sums per UTC day ({@link FoldedFills}). Every figure of a range on
 * day bounds stays the one the whole record gives: the same random records (two accounts, netting and hedging, round
 * trips and flips, deals of the past, corrections of recent fills, deposits and withdrawals) are read from a store that
 * keeps 1,024 fills an account and from one that keeps them all. Only the drawdown is compared where the range holds no
 * folded day: these records read two accounts on one curve, and move balances inside folded days, which a folded day
 * (placed whole at its first fill) cannot interleave ({@link FoldedDrawdownTest} checks one account's).
 */
class FoldedFillsTest
{
    private static final long DAY = FoldedFills.MICROS_A_DAY;
    private static final int KEPT = 1_024;
    private static final long T0 = RandomRecords.T0;
    private static final String[] ACCOUNTS = RandomRecords.ACCOUNTS;
    private static final String[] SYMBOLS = RandomRecords.SYMBOLS;
    private static final RandomRecords.Shape SHAPE = new RandomRecords.Shape(4_000, 1_000, 20, 40);

    @Test
    void anAccountKeepsAtMostItsRetentionOfFillsHoweverManyItMakes() throws Exception
    {
        final FillStore bounded = new FillStore(64, KEPT);
        final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
        // 65,536 kept: folded 4 chunks at a time (a 64th of what is kept), so a fold copies the chunk slots less often
        final FillStore batched = new FillStore(64, 65_536);
        final TradeChange trade = new TradeChange();
        RandomRecords.balance(0, T0, 10_000_000, bounded, whole);
        RandomRecords.balance(0, T0, 10_000_000, batched, batched);
        long mostRows = 0;
        long mostBatchedRows = 0;
        for (int i = 1; i <= 200_000; i++)
        {
            trade.tradeId = i;
            trade.orderId = i;
            trade.positionId = (i + 1) / 2;
            trade.accountId = ACCOUNTS[0];
            trade.symbol = SYMBOLS[0];
            trade.quantityDigits = 2;
            trade.side = i % 2 == 1 ? Side.BUY : Side.SELL;
            trade.quantity = 100;
            trade.realizedPnl = i % 2 == 1 ? 0 : i % 6 == 0 ? -300 : 700;
            trade.fee = 5;
            trade.timeMicros = T0 + i * 30_000_000L;  // 200,000 fills over 70 days
            bounded.fill(trade);
            whole.fill(trade);
            batched.fill(trade);
            mostRows = Math.max(mostRows, bounded.rows());
            mostBatchedRows = Math.max(mostBatchedRows, batched.rows());
        }
        assertTrue(mostBatchedRows <= 65_536 + 4 * FillRows.CHUNK, "rows held at most, batched: " + mostBatchedRows);
        assertTrue(batched.record(ACCOUNTS[0]).folded().count() > 0, "folded");
        final FillStore.Record record = bounded.record(ACCOUNTS[0]);
        assertTrue(mostRows <= KEPT + FillRows.CHUNK, "rows held at most: " + mostRows);
        assertTrue(record.fillCount() <= KEPT + FillRows.CHUNK, "rows kept: " + record.fillCount());
        assertTrue(record.folded().count() <= 2 * 71 + 16, "folded segments, ~one a day: " + record.folded().count());
        assertEquals(200_000, whole.rows(), "the store that keeps everything holds every row");

        final JsonNode data = RandomRecords.accounts(new Random(1));
        for (final Instant start : new Instant[] {null, day(T0 + 20 * DAY), day(T0 + 69 * DAY)})
        {
            final PerformanceLedger folded = new PerformanceLedger(start, null, Instant.now()).read(data, Map.of(ACCOUNTS[0], record));
            final PerformanceLedger exact = new PerformanceLedger(start, null, Instant.now()).read(data, Map.of(ACCOUNTS[0], whole.record(ACCOUNTS[0])));
            assertEquals(sums(exact), sums(folded), "from " + start);
            assertEquals(periods(exact), periods(folded), "from " + start);
            final PerformanceLedger foldedInFours = new PerformanceLedger(start, null, Instant.now())
                .read(data, Map.of(ACCOUNTS[0], batched.record(ACCOUNTS[0])));
            assertEquals(sums(exact), sums(foldedInFours), "from " + start);
        }
        final PerformanceLedger all = new PerformanceLedger(null, null, Instant.now()).read(data, Map.of(ACCOUNTS[0], record));
        assertEquals(200_000, all.fills);
        assertEquals(100_000, all.trips);
        assertEquals(new BigDecimal("0.66667000"), all.winRate(), "two wins in three round trips, of 100,000");
    }

    @Test
    void everyFigureOnDayBoundsIsTheWholeRecordsOnRandomRecords() throws Exception
    {
        for (int seed = 1; seed <= 40; seed++)
        {
            final Random random = new Random(seed);
            final FillStore bounded = new FillStore(64, KEPT);
            final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
            final long last = RandomRecords.record(random, SHAPE, bounded, whole);
            final JsonNode data = RandomRecords.accounts(random);
            final Map<String, FillStore.Record> folded = RandomRecords.records(bounded);
            final Map<String, FillStore.Record> exact = RandomRecords.records(whole);
            assertTrue(folded.get(ACCOUNTS[0]).folded() != null && folded.get(ACCOUNTS[1]).folded() != null, "seed " + seed + " folded");
            for (int range = 0; range < 12; range++)
            {
                final Instant start = random.nextInt(4) == 0 ? null : day(T0 + (long)(random.nextDouble() * (last - T0)));
                final Instant end = random.nextInt(3) == 0 ? null : day(T0 + (long)(random.nextDouble() * (last - T0)) + DAY);
                if (start != null && end != null && !start.isBefore(end))
                {
                    continue;
                }
                final Instant now = Instant.ofEpochSecond(0, last * 1_000L + random.nextInt(2) * DAY * 1_000L);
                final String where = "seed " + seed + ", range " + start + " .. " + end;
                final PerformanceLedger bounds = new PerformanceLedger(start, end, now).read(data, folded);
                final PerformanceLedger reference = new PerformanceLedger(start, end, now).read(data, exact);
                assertNull(bounds.boundInsideFoldedDay, where);
                assertEquals(sums(reference), sums(bounds), where);
                assertEquals(periods(reference), periods(bounds), where);
                if (!foldedDayInside(folded, start, end))
                {
                    assertEquals(reference.maxDrawdownPct, bounds.maxDrawdownPct, where);
                }
            }
        }
    }

    @Test
    void aBoundInsideAFoldedDayIsRefusedAndOneOnItsStartIsNot() throws Exception
    {
        final Random random = new Random(7);
        final FillStore bounded = new FillStore(64, KEPT);
        RandomRecords.record(random, SHAPE, bounded, new FillStore(64, Integer.MAX_VALUE));
        final Map<String, FillStore.Record> records = RandomRecords.records(bounded);
        final long foldedDay = records.get(ACCOUNTS[0]).folded().segments()[0].day();
        final Instant midnight = Instant.ofEpochSecond(foldedDay * 86_400L);
        final JsonNode data = RandomRecords.accounts(random);

        assertEquals("start_date", new PerformanceLedger(midnight.plusSeconds(3_600), null, Instant.now()).read(data, records).boundInsideFoldedDay);
        assertEquals("end_date", new PerformanceLedger(null, midnight.plusSeconds(1), Instant.now()).read(data, records).boundInsideFoldedDay);
        assertNull(new PerformanceLedger(midnight, midnight.plusSeconds(86_400), Instant.now()).read(data, records).boundInsideFoldedDay);
    }

    @Test
    void aClusterSnapshotCarriesTheFoldedDaysAndTheTripsLeftOpen() throws Exception
    {
        final Random random = new Random(11);
        final FillStore bounded = new FillStore(64, KEPT);
        RandomRecords.record(random, SHAPE, bounded, new FillStore(64, Integer.MAX_VALUE));
        final Map<String, Object> roots = new LinkedHashMap<>();
        bounded.stateRoots(roots);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(Set.of(), StateGraph.write(roots, bytes), "nothing of the record left out");
        final FillStore restored = new FillStore(64, KEPT);
        final Map<String, Object> freshRoots = new LinkedHashMap<>();
        restored.stateRoots(freshRoots);
        StateGraph.read(freshRoots, new ByteArrayInputStream(bytes.toByteArray()));

        final JsonNode data = RandomRecords.accounts(random);
        final PerformanceLedger before = new PerformanceLedger(null, null, Instant.now()).read(data, RandomRecords.records(bounded));
        final PerformanceLedger after = new PerformanceLedger(null, null, Instant.now()).read(data, RandomRecords.records(restored));
        assertEquals(sums(before), sums(after));
        assertEquals(periods(before), periods(after));
        assertEquals(before.maxDrawdownPct, after.maxDrawdownPct);
    }

    private static boolean foldedDayInside(final Map<String, FillStore.Record> records, final Instant start, final Instant end)
    {
        final long from = start == null ? Long.MIN_VALUE : start.getEpochSecond() / 86_400L;
        final long to = end == null ? Long.MAX_VALUE : end.getEpochSecond() / 86_400L;
        for (final FillStore.Record record : records.values())
        {
            for (int s = 0; s < record.folded().count(); s++)
            {
                final long day = record.folded().segments()[s].day();
                if (day >= from && day < to)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static Instant day(final long micros)
    {
        return LocalDate.ofEpochDay(Math.floorDiv(micros, DAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Every figure but the drawdown. */
    /** The figures by value: a sum of folded days is 0.00 where the whole record's is 0, and the answer shows 0.00 for both. */
    private static String sums(final PerformanceLedger l)
    {
        return List.of(plain(l.realized), plain(l.fees), l.fills, l.trips, l.wins, l.losses, plain(l.grossProfit), plain(l.grossLoss),
            plain(l.deposits), plain(l.withdrawals), plain(l.startingEquity), plain(l.returnPct()), plain(l.winRate()), plain(l.profitFactor())).toString();
    }

    private static String plain(final BigDecimal value)
    {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    private static String periods(final PerformanceLedger l)
    {
        final StringBuilder text = new StringBuilder();
        for (final Map<String, PerformanceLedger.Period> series : List.of(l.daily, l.weekly, l.monthly))
        {
            series.forEach((key, p) -> text.append(key).append(' ').append(p.realized).append(' ').append(p.fees).append(' ')
                .append(p.fills).append(' ').append(p.trips).append('\n'));
        }
        return text.toString();
    }
}
