package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.StateGraph;

/**
 * An account's transfers are bounded like its fills: an MT5 terminal whose heartbeat balance runs ahead of its trade
 * reports makes a deposit and then a withdrawal, again and again, and every one was kept. Now past twice the transfers
 * kept (64 for a store keeping 1,024 fills) the oldest are folded into sums per UTC day; a range on day bounds reads the
 * same deposits, withdrawals, starting equity and return as from a store that keeps every transfer.
 */
class FoldedTransfersTest
{
    private static final long DAY = FoldedFills.MICROS_A_DAY;
    private static final long T0 = RandomRecords.T0;
    private static final String ACCOUNT = RandomRecords.ACCOUNTS[0];

    @Test
    void anAccountsTransfersAreBoundedAndTheirSumsOnDayBoundsKept() throws Exception
    {
        final FillStore bounded = new FillStore(64, 1_024);
        final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
        final Random random = new Random(17);
        long balance = 1_000_000;
        balance(T0, balance, bounded, whole);
        int most = 0;
        for (int i = 1; i <= 20_000; i++)
        {
            final long time = T0 + i * 300_000_000L;  // every 5 minutes for 69 days
            if (i % 50 == 0)
            {
                final long net = random.nextInt(20_001) - 10_000;
                fill(i, time, net, bounded, whole);
                balance += net;  // the next balance seen holds it: not a transfer
                continue;
            }
            balance += random.nextInt(3) == 0 ? -random.nextInt(5_000) : random.nextInt(5_000);
            balance(time, balance, bounded, whole);
            most = Math.max(most, bounded.record(ACCOUNT).transferCount());
        }
        assertTrue(most <= 128, "transfers kept one by one at most: " + most);
        final FillStore.Record record = bounded.record(ACCOUNT);

        final JsonNode data = RandomRecords.accounts(new Random(1));
        final Instant now = Instant.ofEpochSecond(0, (T0 + 80 * DAY) * 1_000L);
        for (final int[] range : new int[][] {{-1, -1}, {0, 30}, {10, 11}, {20, -1}, {-1, 68}, {68, 69}})
        {
            final Instant start = range[0] < 0 ? null : midnight(T0 + range[0] * DAY);
            final Instant end = range[1] < 0 ? null : midnight(T0 + range[1] * DAY);
            assertEquals(figures(whole, start, end, now, data), figures(bounded, start, end, now, data), start + " .. " + end);
        }
        // a cluster snapshot carries the folded days
        final Map<String, Object> roots = new LinkedHashMap<>();
        bounded.stateRoots(roots);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(Set.of(), StateGraph.write(roots, bytes), "nothing of the record left out");
        final FillStore restored = new FillStore(64, 1_024);
        final Map<String, Object> freshRoots = new LinkedHashMap<>();
        restored.stateRoots(freshRoots);
        StateGraph.read(freshRoots, new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(figures(whole, null, null, now, data), figures(restored, null, null, now, data), "restored");

        final Instant inside = midnight(T0 + 5 * DAY).plusSeconds(3_600);
        assertEquals("start_date", new PerformanceLedger(inside, null, now).read(only(data), Map.of(ACCOUNT, record)).boundInsideFoldedDay,
            "a day's transfer sums cannot be split");
    }

    private static String figures(final FillStore store, final Instant start, final Instant end, final Instant now, final JsonNode data)
    {
        final PerformanceLedger l = new PerformanceLedger(start, end, now).read(only(data), Map.of(ACCOUNT, store.record(ACCOUNT)));
        assertEquals(null, l.boundInsideFoldedDay);
        return "deposits=" + l.deposits + " withdrawals=" + l.withdrawals + " starting_equity=" + l.startingEquity + " return_pct="
            + l.returnPct() + " realized=" + l.realized + " fills=" + l.fills;
    }

    private static Instant midnight(final long micros)
    {
        return Instant.ofEpochSecond(Math.floorDiv(micros, DAY) * 86_400L);
    }

    private static JsonNode only(final JsonNode data)
    {
        final com.fasterxml.jackson.databind.node.ObjectNode one = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        one.putArray("accounts").add(data.path("accounts").get(0));
        return one;
    }

    private static void balance(final long time, final long cents, final FillStore... stores)
    {
        final AccountChange change = new AccountChange();
        change.accountId = ACCOUNT;
        change.positionMode = "netting";
        change.venue = "mt5";
        change.balance = cents;
        change.timeMicros = time;
        for (final FillStore store : stores)
        {
            store.account(change);
        }
    }

    /** A fill that realizes {@code net}. */
    private static void fill(final long tradeId, final long time, final long net, final FillStore... stores)
    {
        final TradeChange trade = new TradeChange();
        trade.tradeId = tradeId;
        trade.orderId = tradeId;
        trade.positionId = tradeId;
        trade.accountId = ACCOUNT;
        trade.symbol = RandomRecords.SYMBOLS[0];
        trade.quantityDigits = 2;
        trade.side = Side.SELL;
        trade.quantity = 100;
        trade.realizedPnl = net;
        trade.timeMicros = time;
        for (final FillStore store : stores)
        {
            store.fill(trade);
        }
    }
}
