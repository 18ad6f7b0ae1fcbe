package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;

/**
 * The performance worker's rest after each read, and the month a group's {@code target_monthly_roi} is judged in.
 */
class PerformanceReadsTest
{
    @Test
    void restsSoThatReadsTakeTheConfiguredShareOfACore()
    {
        final long read = 60_000_000L;
        assertEquals(180_000_000L, PerformanceReads.restNanos(read, 25), "a quarter: 60 ms of work, 180 ms of rest");
        assertEquals(read, PerformanceReads.restNanos(read, 50));
        assertEquals(0, PerformanceReads.restNanos(read, 100), "all of a core: no rest");
        assertEquals(99 * read, PerformanceReads.restNanos(read, 1));
        final long work = 7_777_777L;
        assertEquals(0.25, work / (double)(work + PerformanceReads.restNanos(work, 25)), 1e-6);
    }

    /**
     * 10,000.00 deposited in October; +100.00 on 5 November, +200.00 on 20 November, +50.00 on 2 December. The actual
     * monthly ROI is the whole calendar month the range ends in (an open range: this month), on the equity that month
     * started with: it used to be the clock's month, cut to the range (0 for a past range, a part of the month for a
     * range starting inside it).
     */
    @Test
    void theActualMonthlyRoiIsTheWholeCalendarMonthTheRangeEndsIn() throws Exception
    {
        final FillStore store = new FillStore(64);
        RandomRecords.balance(0, micros("2026-10-20T09:00:00Z"), 1_000_000, store);
        fill(store, 1, "2026-11-05T10:00:00Z", 10_000);
        fill(store, 2, "2026-11-20T10:00:00Z", 20_000);
        fill(store, 3, "2026-12-02T10:00:00Z", 5_000);
        final JsonNode data = RandomRecords.accounts(new Random(3));
        final Map<String, FillStore.Record> records = RandomRecords.records(store);

        assertEquals(YearMonth.of(2026, 11), PerformanceReads.targetMonth(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-05T00:00:00Z")),
            "end_date 2026-11-30 ends before 1 December: November");
        assertEquals(YearMonth.of(2026, 12), PerformanceReads.targetMonth(null, Instant.parse("2026-12-05T00:00:00Z")));
        assertEquals(new BigDecimal("3.00000000"), roi(data, records, "2026-11-15T00:00:00Z", "2026-12-01T00:00:00Z", "2026-12-05T00:00:00Z"),
            "a past range: its end's month, all of it (300 on 10,000)");
        assertEquals(new BigDecimal("3.00000000"), roi(data, records, "2026-11-15T00:00:00Z", null, "2026-11-25T00:00:00Z"),
            "an open range in November: November so far, from its first day");
        assertEquals(new BigDecimal("0.48543689"), roi(data, records, "2026-12-03T00:00:00Z", null, "2026-12-05T00:00:00Z"),
            "December: 50 on the 10,300 it started with, though the range starts after the fill");
    }

    private static BigDecimal roi(final JsonNode data, final Map<String, FillStore.Record> records, final String start, final String end,
        final String now)
    {
        final PerformanceReads.Read read = new PerformanceReads.Read(null, PerformanceReads.Shape.GROUP, Instant.parse(start),
            end == null ? null : Instant.parse(end), start, end, 0);
        return PerformanceReads.actualMonthlyRoi(data, records, read, Instant.parse(now));
    }

    /** A closing fill of the netting account realizing {@code cents}. */
    private static void fill(final FillStore store, final long tradeId, final String time, final long cents)
    {
        final TradeChange trade = new TradeChange();
        trade.tradeId = tradeId;
        trade.orderId = tradeId;
        trade.positionId = tradeId;
        trade.accountId = RandomRecords.ACCOUNTS[0];
        trade.symbol = RandomRecords.SYMBOLS[0];
        trade.quantityDigits = 2;
        trade.side = Side.SELL;
        trade.quantity = 100;
        trade.realizedPnl = cents;
        trade.timeMicros = micros(time);
        store.fill(trade);
    }

    private static long micros(final String time)
    {
        return Instant.parse(time).toEpochMilli() * 1_000L;
    }
}
