package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;

/**
 * {@link PerformanceLedger} (cents in longs, a primitive sort, one division per peak) against {@link ReferenceLedger},
 * the plain form of the same rules (an object per entry, the JDK's stable sort, BigDecimal everywhere, a division per
 * point), over random records: two accounts (netting and hedging) in one scope, symbols of 2 and 3 quantity digits,
 * round trips and flips, deals of the past out of time order, corrections of recent fills, deposits and withdrawals,
 * equal times, and ranges bounded by days, by fill times and between microseconds.
 */
class LedgerAgainstReferenceTest
{
    private static final long T0 = Instant.parse("2026-01-30T20:00:00Z").toEpochMilli() * 1_000L;
    private static final String[] ACCOUNTS = {"net-1", "hedge-1"};
    private static final String[] SYMBOLS = {"EURUSD", "BTCUSD"};
    private static final int[] DIGITS = {2, 3};

    @Test
    void everyFigureIsTheReferencesOnRandomRecords() throws Exception
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            final Random random = new Random(seed);
            final FillStore store = new FillStore(64);
            final long last = record(random, store);
            final JsonNode data = new ObjectMapper().readTree("{\"accounts\":["
                + account("net-1", "netting", random) + "," + account("hedge-1", "hedging", random) + "]}");
            final Map<String, FillStore.Record> records = new HashMap<>();
            for (final String id : ACCOUNTS)
            {
                if (store.record(id) != null)
                {
                    records.put(id, store.record(id));
                }
            }
            for (int range = 0; range < 6; range++)
            {
                final Instant start = bound(random, last);
                final Instant end = bound(random, last);
                final Instant now = Instant.ofEpochSecond(0, last * 1_000L + random.nextInt(2) * 86_400_000_000_000L);
                final String where = "seed " + seed + ", range " + start + " .. " + end;
                final PerformanceLedger ledger = new PerformanceLedger(start, end, now).read(data, records);
                final ReferenceLedger reference = new ReferenceLedger(start, end, now).read(data, records);
                assertEquals(reference.figures(), figures(ledger), where);
                assertEquals(reference.periods(), periods(ledger), where);
            }
        }
    }

    /** Fills, corrections and balance moves of both accounts; returns the last time used. */
    private static long record(final Random random, final FillStore store)
    {
        final TradeChange trade = new TradeChange();
        final long[] balances = new long[ACCOUNTS.length];
        final long[][] recent = new long[16][];  // tradeId, account, time of fills the engine could still correct
        long time = T0;
        long tradeId = 0;
        for (int i = 0; i < 40 + random.nextInt(80); i++)
        {
            time += random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 3_600_000_000L * random.nextInt(30) : 1_000_000L * random.nextInt(600);
            final int account = random.nextInt(ACCOUNTS.length);
            final int what = random.nextInt(20);
            if (what < 2)
            {
                balances[account] += (random.nextInt(3) == 0 ? -1 : 1) * (1 + random.nextInt(500_000));
                final AccountChange change = new AccountChange();
                change.accountId = ACCOUNTS[account];
                change.balance = balances[account];
                change.timeMicros = time;
                store.account(change);
                continue;
            }
            final boolean correction = what == 2 && tradeId > 0;
            final int symbol = random.nextInt(SYMBOLS.length);
            // a correction of one of the last 16 fills (this store remembers 64, as the engine would)
            trade.tradeId = correction ? Math.max(1, tradeId - random.nextInt(16)) : ++tradeId;
            final boolean history = !correction && what == 3;
            trade.accountId = correction ? ACCOUNTS[(int)recent[(int)(trade.tradeId % 16)][1]] : ACCOUNTS[account];
            trade.orderId = history ? 0 : trade.tradeId;
            trade.positionId = history ? 0 : 1 + random.nextInt(3);
            trade.symbol = SYMBOLS[symbol];
            trade.quantityDigits = DIGITS[symbol];
            trade.side = random.nextBoolean() ? Side.BUY : Side.SELL;
            trade.quantity = 1 + random.nextInt(4) * (long)Math.pow(10, trade.quantityDigits - 1);
            trade.realizedPnl = random.nextInt(3) == 0 ? 0 : random.nextInt(40_000) - 20_000;
            trade.fee = random.nextInt(300);
            trade.timeMicros = correction ? recent[(int)(trade.tradeId % 16)][2] : history ? time - 86_400_000_000L * random.nextInt(40) : time;
            store.fill(trade);
            if (!correction)
            {
                recent[(int)(trade.tradeId % 16)] = new long[] {trade.tradeId, trade.accountId.equals(ACCOUNTS[0]) ? 0 : 1, trade.timeMicros};
            }
        }
        return time;
    }

    private static String account(final String id, final String mode, final Random random)
    {
        return "{\"account_id\":\"" + id + "\",\"balance\":\"" + (random.nextInt(2_000_000)) / 100 + ".00\",\"unrealized_pnl\":\""
            + BigDecimal.valueOf(random.nextInt(400_000) - 200_000, 2) + "\",\"position_mode\":\"" + mode + "\",\"venue\":\"paper\"}";
    }

    /** No bound, a UTC day's start, or a moment in the record (on a microsecond, or 500 ns past one). */
    private static Instant bound(final Random random, final long last)
    {
        final long at = T0 + (long)(random.nextDouble() * (last - T0 + 1));
        switch (random.nextInt(4))
        {
            case 0: return null;
            case 1: return LocalDate.ofEpochDay(Math.floorDiv(at, 86_400_000_000L)).atStartOfDay(ZoneOffset.UTC).toInstant();
            case 2: return Instant.ofEpochSecond(0, at * 1_000L);
            default: return Instant.ofEpochSecond(0, at * 1_000L + 500);
        }
    }

    private static String figures(final PerformanceLedger l)
    {
        return ReferenceLedger.figures(l.realized, l.fees, l.fills, l.trips, l.wins, l.losses, l.grossProfit, l.grossLoss, l.deposits,
            l.withdrawals, l.startingEquity, l.maxDrawdownPct, l.returnPct(), l.winRate(), l.profitFactor());
    }

    private static String periods(final PerformanceLedger l)
    {
        final StringBuilder text = new StringBuilder();
        for (final Map<String, PerformanceLedger.Period> series : java.util.List.of(l.daily, l.weekly, l.monthly))
        {
            series.forEach((key, p) -> text.append(key).append(' ').append(BigDecimal.valueOf(p.realized, 2)).append(' ')
                .append(BigDecimal.valueOf(p.fees, 2)).append(' ').append(p.fills).append(' ').append(p.trips).append('\n'));
        }
        return text.toString();
    }
}
