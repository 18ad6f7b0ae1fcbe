package io.ordergate.gateway.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.engine.change.AccountChange;
import io.ordergate.engine.change.TradeChange;
import io.ordergate.engine.command.Side;

/**
 * A fill's round trip is counted the way its account counted when the fill was booked, should an account's mode change
 * under one record (here its account change says so; an account deleted and made again under its id as netting no
 * longer does: DELETE_ACCOUNT drops the old record, AccountRecreatedPerformanceHttpTest). The old hedging fills (two
 * positions of one symbol, each opened and closed: two round trips) were counted per symbol, as the account is now,
 * both when read (one trip: the symbol is flat only at the end) and when folded.
 */
class RoundTripModeTest
{
    private static final long T0 = RandomRecords.T0;
    private static final String ACCOUNT = "remade-1";

    @Test
    void aFillsRoundTripFollowsThePositionModeItWasBookedUnder() throws Exception
    {
        final FillStore bounded = new FillStore(64, 256);
        final FillStore whole = new FillStore(64, Integer.MAX_VALUE);
        account("hedging", T0, bounded, whole);
        // hedging: positions 1 and 2 of EURUSD overlap; each is a round trip (+100.00, -50.00)
        fill(1, T0 + 1, 1, Side.BUY, 0, bounded, whole);
        fill(2, T0 + 2, 2, Side.BUY, 0, bounded, whole);
        fill(3, T0 + 3, 1, Side.SELL, 10_000, bounded, whole);
        fill(4, T0 + 4, 2, Side.SELL, -5_000, bounded, whole);
        account("netting", T0 + 10, bounded, whole);  // deleted, then made again as netting
        for (int i = 5; i <= 604; i++)
        {
            fill(i, T0 + 10 + i, 100 + (i - 5) / 2, i % 2 == 1 ? Side.BUY : Side.SELL, 0, bounded, whole);
        }
        assertTrue(bounded.record(ACCOUNT).folded() != null, "the hedging fills are folded while the account nets");
        final JsonNode data = new ObjectMapper().readTree("{\"accounts\":[{\"account_id\":\"" + ACCOUNT
            + "\",\"balance\":\"10000.00\",\"unrealized_pnl\":\"0\",\"position_mode\":\"netting\",\"venue\":\"paper\"}]}");
        for (final FillStore store : new FillStore[] {whole, bounded})
        {
            final PerformanceLedger ledger = new PerformanceLedger(null, null, Instant.parse("2027-01-01T00:00:00Z"))
                .read(data, Map.of(ACCOUNT, store.record(ACCOUNT)));
            final String which = store == whole ? "kept" : "folded";
            assertEquals(2 + 300, ledger.trips, which + ": two hedged round trips, then 300 netted");
            assertEquals(1, ledger.losses, which);
        }
    }

    private static void account(final String mode, final long time, final FillStore... stores)
    {
        final AccountChange change = new AccountChange();
        change.accountId = ACCOUNT;
        change.positionMode = mode;
        change.venue = "paper";
        change.balance = 1_000_000;
        change.timeMicros = time;
        for (final FillStore store : stores)
        {
            store.account(change);
        }
    }

    private static void fill(final long tradeId, final long time, final long positionId, final Side side, final long realized,
        final FillStore... stores)
    {
        final TradeChange trade = new TradeChange();
        trade.tradeId = tradeId;
        trade.orderId = tradeId;
        trade.positionId = positionId;
        trade.accountId = ACCOUNT;
        trade.symbol = "EURUSD";
        trade.quantityDigits = 2;
        trade.side = side;
        trade.quantity = 100;
        trade.realizedPnl = realized;
        trade.timeMicros = time;
        for (final FillStore store : stores)
        {
            store.fill(trade);
        }
    }
}
