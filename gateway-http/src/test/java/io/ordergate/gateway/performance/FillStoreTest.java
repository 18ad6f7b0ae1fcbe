package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.view.JsonWriter;

/**
 * The fills kept for performance and the figures read from them: a record taken on the reply thread reads the same
 * after the store has grown (rows, chunks and a correction appended behind it), a correction counts where its fill was
 * booked, and the figures are the hand-computed ones.
 */
class FillStoreTest
{
    private static final long T0 = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli() * 1_000L;
    private static final long MINUTE = 60_000_000L;

    private final FillStore store = new FillStore(1_024);
    private final TradeChange trade = new TradeChange();
    private long balance;

    @Test
    void aRecordReadsTheSameAfterTheStoreGrewBehindIt() throws Exception
    {
        deposit(1_000_000, T0);
        for (int i = 1; i <= 1_500; i++)
        {
            fill(i, i % 2 == 1 ? Side.BUY : Side.SELL, i % 2 == 1 ? 0 : (i % 3 == 0 ? -300 : 700), 5, T0 + i * MINUTE);
        }
        final FillStore.Record taken = store.record("acc-1");
        final String before = figures(taken, null);
        // columns copied again (past 2,048 rows), a correction of a fill the record holds (within the engine's last
        // max_trades trades, the only ones it corrects), a transfer
        for (int i = 1_501; i <= 2_100; i++)
        {
            fill(i, i % 2 == 1 ? Side.BUY : Side.SELL, i % 2 == 1 ? 0 : 900, 5, T0 + i * MINUTE);
        }
        fill(1_498, Side.SELL, -300, 99, T0 + 1_498 * MINUTE);
        deposit(50_000, T0 + 4_000 * MINUTE);

        assertEquals(before, figures(taken, null), "a record taken before reads what was there when it was taken");
        assertNotEquals(before, figures(store.record("acc-1"), null));
        final PerformanceLedger now = ledger(store.record("acc-1"), null);
        assertEquals(2_100, now.fills, "a correction is no fill of its own");
        assertEquals(1_050, now.trips);
    }

    @Test
    void aCorrectionReplacesItsFillWhereItWasBookedAndMovesNoMoney() throws Exception
    {
        deposit(100_000, T0);
        fill(1, Side.BUY, 0, 10, T0 + MINUTE);
        fill(2, Side.SELL, 500, 10, T0 + 2 * MINUTE);
        fill(2, Side.SELL, 500, 30, T0 + 2 * MINUTE);  // the close's commission, known later
        balance(100_000 + 500 - 40, T0 + 3 * MINUTE);

        final PerformanceLedger ledger = ledger(store.record("acc-1"), null);
        assertEquals(new BigDecimal("5.00"), ledger.realized);
        assertEquals(new BigDecimal("0.40"), ledger.fees);
        assertEquals(2, ledger.fills);
        assertEquals(1, ledger.trips);
        assertEquals(new BigDecimal("4.60"), ledger.grossProfit);
        assertEquals(new BigDecimal("1000.00"), ledger.deposits, "the corrected fee is the fill's, not a withdrawal");
        assertEquals(0, ledger.withdrawals.signum());
    }

    @Test
    void drawdownFromThePeakWithTransfersMovingCurveAndPeakAlike() throws Exception
    {
        deposit(100_000, T0);
        fill(1, Side.BUY, 0, 0, T0 + MINUTE);
        fill(2, Side.SELL, 10_000, 0, T0 + 2 * MINUTE);    // 1,100.00: the peak
        fill(3, Side.BUY, 0, 0, T0 + 3 * MINUTE);
        fill(4, Side.SELL, -22_000, 0, T0 + 4 * MINUTE);   // 880.00: 20% under 1,100
        balance(88_000 + 50_000, T0 + 5 * MINUTE);          // +500.00: curve 1,380, peak 1,600
        fill(5, Side.BUY, 0, 0, T0 + 6 * MINUTE);
        fill(6, Side.SELL, -16_000, 0, T0 + 7 * MINUTE);   // 1,220.00: 23.75% under 1,600

        final PerformanceLedger ledger = ledger(store.record("acc-1"), null);
        assertEquals(new BigDecimal("23.75000000"), ledger.maxDrawdownPct);
        assertEquals(new BigDecimal("1500.00"), ledger.deposits);
        assertEquals(3, ledger.trips);
        assertEquals(2, ledger.losses);
    }

    @Test
    void aBoundBetweenMicrosecondsLeavesTheFillOnItsSide() throws Exception
    {
        deposit(100_000, T0);
        fill(1, Side.BUY, 0, 0, T0 + MINUTE);
        fill(2, Side.SELL, 1_000, 0, T0 + 2 * MINUTE);
        final Instant justAfterTheClose = Instant.ofEpochSecond(0, (T0 + 2 * MINUTE) * 1_000L + 500);

        final PerformanceLedger after = new PerformanceLedger(justAfterTheClose, null, Instant.now())
            .read(data(), Map.of("acc-1", store.record("acc-1")));
        assertEquals(0, after.fills);
        assertEquals(new BigDecimal("1010.00"), after.startingEquity);
        final PerformanceLedger until = new PerformanceLedger(null, justAfterTheClose, Instant.now())
            .read(data(), Map.of("acc-1", store.record("acc-1")));
        assertEquals(2, until.fills);
    }

    private void deposit(final long cents, final long timeMicros)
    {
        balance(balance + cents, timeMicros);
    }

    /** The account's balance as the engine reports it after its fills (fills move it by their net). */
    private void balance(final long cents, final long timeMicros)
    {
        balance = cents;
        final AccountChange account = new AccountChange();
        account.accountId = "acc-1";
        account.balance = cents;
        account.timeMicros = timeMicros;
        store.account(account);
    }

    private void fill(final long tradeId, final Side side, final long realized, final long fee, final long timeMicros)
    {
        trade.tradeId = tradeId;
        trade.orderId = tradeId;
        trade.accountId = "acc-1";
        trade.symbol = "EURUSD";
        trade.side = side;
        trade.quantity = 100;
        trade.quantityDigits = 2;
        trade.positionId = (tradeId + 1) / 2;
        trade.realizedPnl = realized;
        trade.fee = fee;
        trade.timeMicros = timeMicros;
        store.fill(trade);
        balance += realized - fee;
    }

    private static JsonNode data() throws Exception
    {
        return new ObjectMapper().readTree("{\"id\":\"acc-1\",\"accounts\":[{\"account_id\":\"acc-1\",\"balance\":\"0.00\","
            + "\"unrealized_pnl\":\"0.00\",\"position_mode\":\"netting\",\"venue\":\"paper\"}]}");
    }

    private static PerformanceLedger ledger(final FillStore.Record record, final Instant start) throws Exception
    {
        return new PerformanceLedger(start, null, Instant.now()).read(data(), Map.of("acc-1", record));
    }

    private static String figures(final FillStore.Record record, final Instant start) throws Exception
    {
        final JsonWriter json = new JsonWriter().wrap(new ExpandableArrayBuffer(4_096), 0);
        json.startObject();
        PerformanceJson.metrics(json, ledger(record, start), true);
        json.endObject();
        final byte[] bytes = new byte[json.length()];
        json.buffer().getBytes(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
