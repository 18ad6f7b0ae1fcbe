package io.ordergate.gateway.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;

/**
 * Random performance records for the tests that read them against another reading: two accounts (netting and
 * hedging), two instruments, fills and round trips and flips, deals of the past, corrections of recent fills, deposits
 * and withdrawals, written alike into each store given.
 */
final class RandomRecords
{
    static final long T0 = Instant.parse("2026-01-30T20:00:00Z").toEpochMilli() * 1_000L;
    static final String[] ACCOUNTS = {"net-1", "hedge-1"};
    static final String[] MODES = {"netting", "hedging"};
    static final String[] SYMBOLS = {"EURUSD", "BTCUSD"};
    private static final int[] DIGITS = {2, 3};
    private static final long DAY = FoldedFills.MICROS_A_DAY;

    /** How a record is drawn: how many events, and how often time jumps by hours and a balance moves. */
    record Shape(int leastEvents, int moreEvents, int hourJumpOneIn, int kindsOneIn)
    {
    }

    private RandomRecords()
    {
    }

    /** Writes one random record into every store; returns its last time. */
    static long record(final Random random, final Shape shape, final FillStore... stores)
    {
        final TradeChange trade = new TradeChange();
        final long[] balances = new long[ACCOUNTS.length];
        final long[][] recent = new long[16][];  // tradeId, account, time of fills the engine could still correct
        long time = T0;
        long tradeId = 0;
        final int events = shape.leastEvents() + random.nextInt(shape.moreEvents());
        for (int account = 0; account < ACCOUNTS.length; account++)
        {
            balance(account, time, 0, stores);  // made before it trades: its position mode is known at its first fill
        }
        for (int i = 0; i < events; i++)
        {
            time += random.nextInt(4) == 0 ? 0
                : random.nextInt(shape.hourJumpOneIn()) == 0 ? 3_600_000_000L * random.nextInt(30) : 1_000_000L * random.nextInt(600);
            final int account = random.nextInt(ACCOUNTS.length);
            final int what = random.nextInt(shape.kindsOneIn());
            if (what < 2)
            {
                balances[account] += (random.nextInt(3) == 0 ? -1 : 1) * (1 + random.nextInt(500_000));
                balance(account, time, balances[account], stores);
                continue;
            }
            // a correction of one of the last 16 fills made by an order (the engine corrects an MT5 close's money, never a deal
            // of the past); a store remembers 64 trades, as the engine would
            final long[] corrected = recent[random.nextInt(16)];
            final boolean correction = what == 2 && corrected != null && corrected[0] > tradeId - 16;
            final int symbol = random.nextInt(SYMBOLS.length);
            trade.tradeId = correction ? corrected[0] : ++tradeId;
            final boolean history = !correction && what == 3;
            trade.accountId = correction ? ACCOUNTS[(int)corrected[1]] : ACCOUNTS[account];
            trade.orderId = history ? 0 : trade.tradeId;
            trade.positionId = history ? 0 : 1 + random.nextInt(3);
            trade.symbol = SYMBOLS[symbol];
            trade.quantityDigits = DIGITS[symbol];
            trade.side = random.nextBoolean() ? Side.BUY : Side.SELL;
            trade.quantity = 1 + random.nextInt(4) * (long)Math.pow(10, trade.quantityDigits - 1);
            trade.realizedPnl = random.nextInt(3) == 0 ? 0 : random.nextInt(40_000) - 20_000;
            trade.fee = random.nextInt(300);
            trade.timeMicros = correction ? corrected[2] : history ? time - DAY * random.nextInt(40) : time;
            for (final FillStore store : stores)
            {
                store.fill(trade);
            }
            if (!correction && !history)
            {
                recent[(int)(trade.tradeId % 16)] = new long[] {trade.tradeId, account, trade.timeMicros};
            }
        }
        return time;
    }

    /** An account's balance, in cents, at {@code time}, into every store. */
    static void balance(final int account, final long time, final long cents, final FillStore... stores)
    {
        final AccountChange change = new AccountChange();
        change.accountId = ACCOUNTS[account];
        change.positionMode = MODES[account];
        change.venue = "paper";
        change.balance = cents;
        change.timeMicros = time;
        for (final FillStore store : stores)
        {
            store.account(change);
        }
    }

    /** The records a store holds of the two accounts, by account id (as the performance reads hand them over). */
    static Map<String, FillStore.Record> records(final FillStore store)
    {
        final Map<String, FillStore.Record> records = new HashMap<>();
        for (final String id : ACCOUNTS)
        {
            if (store.record(id) != null)
            {
                records.put(id, store.record(id));
            }
        }
        return records;
    }

    /** The accounts' view (balance, unrealized profit, position mode) the performance reads get with the records. */
    static JsonNode accounts(final Random random) throws Exception
    {
        final StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < ACCOUNTS.length; i++)
        {
            accounts.append(i == 0 ? "" : ",").append("{\"account_id\":\"").append(ACCOUNTS[i]).append("\",\"balance\":\"")
                .append(random.nextInt(2_000_000) / 100).append(".00\",\"unrealized_pnl\":\"").append(BigDecimal.valueOf(random.nextInt(400_000) - 200_000, 2))
                .append("\",\"position_mode\":\"").append(MODES[i]).append("\",\"venue\":\"paper\"}");
        }
        return new ObjectMapper().readTree("{\"accounts\":[" + accounts + "]}");
    }
}
