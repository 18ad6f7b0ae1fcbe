package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * {@link PerformanceLedger} (cents in longs, a primitive sort, one division per peak) against {@link ReferenceLedger},
 * the plain form of the same rules (an object per entry, the JDK's stable sort, BigDecimal everywhere, a division per
 * point), over random records: two accounts (netting and hedging) in one scope, symbols of 2 and 3 quantity digits,
 * round trips and flips, deals of the past out of time order, corrections of recent fills, deposits and withdrawals,
 * equal times, and ranges bounded by days, by fill times and between microseconds.
 */
class LedgerAgainstReferenceTest
{
    private static final RandomRecords.Shape SHAPE = new RandomRecords.Shape(40, 80, 3, 20);

    @Test
    void everyFigureIsTheReferencesOnRandomRecords() throws Exception
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            final Random random = new Random(seed);
            final FillStore store = new FillStore(64);
            final long last = RandomRecords.record(random, SHAPE, store);
            final JsonNode data = RandomRecords.accounts(random);
            final Map<String, FillStore.Record> records = RandomRecords.records(store);
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

    /** No bound, a UTC day's start, or a moment in the record (on a microsecond, or 500 ns past one). */
    private static Instant bound(final Random random, final long last)
    {
        final long at = RandomRecords.T0 + (long)(random.nextDouble() * (last - RandomRecords.T0 + 1));
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
