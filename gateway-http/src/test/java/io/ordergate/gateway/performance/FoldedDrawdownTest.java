package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;

/**
 * The drawdown over an account's folded days is the one its fills give. A folded day kept only its lowest and highest
 * points (in their order) and its end, so a fall inside the day between other points was lost: 0 → +10 → −10 → +20 →
 * +15 showed a fall from the start to −10 and from +20 to +15, not the one from +10 to −10. Each store here keeps 256
 * fills an account and folds the rest; the other keeps them all.
 */
class FoldedDrawdownTest
{
    private static final long DAY = FoldedFills.MICROS_A_DAY;
    private static final long T0 = RandomRecords.T0;
    private static final String ACCOUNT = RandomRecords.ACCOUNTS[0];

    @Test
    void aFallInsideAFoldedDayBetweenItsExtremesIsCounted() throws Exception
    {
        final FillStore bounded = new FillStore(64, 256);
        final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
        RandomRecords.balance(0, T0, 1_000_000, bounded, whole);
        long tradeId = 0;
        for (final long net : new long[] {1_000, -2_000, 3_000, -500})
        {
            fill(++tradeId, T0 + tradeId * 60_000_000L, net, bounded, whole);
        }
        while (tradeId < 1_024)
        {
            fill(++tradeId, T0 + DAY + tradeId * 60_000_000L, 0, bounded, whole);
        }
        assertTrue(bounded.record(ACCOUNT).folded().count() > 0, "the first day is folded");
        assertEquals(new BigDecimal("0.19980020"), drawdown(null, whole), "10,010.00 to 9,990.00");
        assertEquals(new BigDecimal("0.19980020"), drawdown(null, bounded));
    }

    @Test
    void overFoldedDaysTheDrawdownIsTheFillsOnRandomPaths() throws Exception
    {
        for (int seed = 1; seed <= 30; seed++)
        {
            final Random random = new Random(seed);
            final FillStore bounded = new FillStore(64, 256);
            final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
            RandomRecords.balance(0, T0, 1_000_000 + random.nextInt(1_000_000), bounded, whole);
            long time = T0;
            final int fills = 1_200 + random.nextInt(600);
            for (int tradeId = 1; tradeId <= fills; tradeId++)
            {
                time += random.nextInt(8) == 0 ? DAY / 3 : 1_000_000L * random.nextInt(900);
                fill(tradeId, time, random.nextInt(20_001) - 8_000, bounded, whole);  // rising: the largest falls are short
            }
            assertTrue(bounded.record(ACCOUNT).folded().count() > 3, "seed " + seed + " folded days");
            for (int day = 0; day < 12; day++)
            {
                final Instant start = day == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(T0, DAY) * 86_400L + day * 86_400L);
                assertEquals(drawdown(start, whole), drawdown(start, bounded), "seed " + seed + " from " + start);
            }
        }
    }

    /**
     * A transfer in the middle of a folded day moves the curve between the day's fills, as it does between kept fills.
     * The day used to count on the curve whole at its first fill, before the transfer: a deposit after a loss made the
     * loss after it look larger (15% for 10%), a withdrawal after a gain made the loss after it look smaller (8.33%
     * for 50%).
     * <pre>
     *   deposit:    10,000.00  -1,000 ->  9,000  +10,000 -> 19,000 (peak 20,000)  -500 -> 18,500  +2,000 -> 20,500   10%
     *   withdrawal: 10,000.00  +2,000 -> 12,000  -10,000 ->  2,000 (peak  2,000) -1,000 ->  1,000  +1,500 ->  2,500   50%
     * </pre>
     */
    @Test
    void aTransferInsideAFoldedDayMovesTheCurveBetweenItsFills() throws Exception
    {
        final long hour = DAY / 24;
        for (final long[] day : new long[][] {{-100_000, 1_000_000, -50_000, 200_000}, {200_000, -1_000_000, -100_000, 150_000}})
        {
            final FillStore bounded = new FillStore(64, 256);
            final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
            RandomRecords.balance(0, T0, 1_000_000, bounded, whole);
            fill(1, T0 + hour / 2, day[0], bounded, whole);
            RandomRecords.balance(0, T0 + hour, 1_000_000 + day[0] + day[1], bounded, whole);
            fill(2, T0 + 2 * hour, day[2], bounded, whole);
            fill(3, T0 + 3 * hour, day[3], bounded, whole);
            for (long tradeId = 4; tradeId <= 1_024; tradeId++)
            {
                fill(tradeId, T0 + DAY + tradeId * 60_000_000L, 0, bounded, whole);
            }
            assertTrue(bounded.record(ACCOUNT).folded().count() > 0, "the first day is folded");
            final BigDecimal expected = new BigDecimal(day[1] > 0 ? "10.00000000" : "50.00000000");
            assertEquals(expected, drawdown(null, whole), "kept one by one");
            assertEquals(expected, drawdown(null, bounded), "folded");
        }
    }

    @Test
    void overFoldedDaysWithTransfersTheDrawdownIsTheFillsOnRandomPaths() throws Exception
    {
        for (int seed = 1; seed <= 30; seed++)
        {
            final Random random = new Random(seed);
            final FillStore bounded = new FillStore(64, 256);
            final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
            long balance = 1_000_000 + random.nextInt(1_000_000);
            RandomRecords.balance(0, T0, balance, bounded, whole);
            long time = T0;
            final int fills = 1_200 + random.nextInt(600);
            for (int tradeId = 1; tradeId <= fills; tradeId++)
            {
                time += random.nextInt(8) == 0 ? DAY / 3 : 1_000_000L * random.nextInt(900);
                if (random.nextInt(25) == 0)
                {
                    // in or out, the equity kept well above 0 (a fall's percent is exact while it is positive)
                    balance += random.nextInt(2) == 0 ? random.nextInt(300_000) : -random.nextInt((int)Math.min(balance / 2, Integer.MAX_VALUE));
                    RandomRecords.balance(0, time, balance, bounded, whole);
                    time += random.nextInt(3) * 1_000_000L;  // sometimes a fill of the transfer's microsecond
                }
                final long net = random.nextInt(20_001) - 8_000;
                balance += net;
                fill(tradeId, time, net, bounded, whole);
            }
            assertTrue(bounded.record(ACCOUNT).folded().count() > 3, "seed " + seed + " folded days");
            // transfers folded too take their day's first transfer's time (documented): fewer than 128 stay one by one here
            assertTrue(bounded.record(ACCOUNT).foldedTransfers() == null, "seed " + seed + " transfers kept one by one");
            for (int day = 0; day < 12; day++)
            {
                final Instant start = day == 0 ? null : Instant.ofEpochSecond(Math.floorDiv(T0, DAY) * 86_400L + day * 86_400L);
                assertEquals(drawdown(start, whole), drawdown(start, bounded), "seed " + seed + " from " + start);
            }
        }
    }

    private static BigDecimal drawdown(final Instant start, final FillStore store) throws Exception
    {
        final JsonNode data = RandomRecords.accounts(new Random(5));
        final Map<String, FillStore.Record> records = Map.of(ACCOUNT, store.record(ACCOUNT));
        // a past range: the unrealized PnL of now is not part of the curve
        return new PerformanceLedger(start, Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-02T00:00:00Z"))
            .read(only(data), records).maxDrawdownPct;
    }

    /** The accounts' view of the one account read. */
    private static JsonNode only(final JsonNode data)
    {
        final com.fasterxml.jackson.databind.node.ObjectNode one = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        one.putArray("accounts").add(data.path("accounts").get(0));
        return one;
    }

    /** A fill of the netting account moving its curve by {@code net} cents (alternately opening and closing a position). */
    private static void fill(final long tradeId, final long time, final long net, final FillStore... stores)
    {
        final TradeChange trade = new TradeChange();
        trade.tradeId = tradeId;
        trade.orderId = tradeId;
        trade.positionId = (tradeId + 1) / 2;
        trade.accountId = ACCOUNT;
        trade.symbol = RandomRecords.SYMBOLS[0];
        trade.quantityDigits = 2;
        trade.side = tradeId % 2 == 1 ? Side.BUY : Side.SELL;
        trade.quantity = 100;
        trade.realizedPnl = net;
        trade.timeMicros = time;
        for (final FillStore store : stores)
        {
            store.fill(trade);
        }
    }
}
