package io.ordergate.engine.position;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.VenueKind;
import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.OrderView;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.instrument.Instrument;
import io.ordergate.engine.instrument.Instruments;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.order.Trades;

/** Net positions: open, add at the VWAP, reduce with realized PnL, flip through zero, close. EURUSD, USD account. */
class LedgerTest
{
    private static final String CONFIG = String.join("\n",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "");
    private static final long DAY = 86_400_000_000L;

    private final Instruments instruments = new Instruments(ConfigLoader.parse(CONFIG, "ledger").instruments());
    private final Instrument eurusd = instruments.get(0);
    private final Trades trades = new Trades(8);
    private final ClosedPositions closed = new ClosedPositions(64, 16);
    private final Ledger ledger = new Ledger(trades, new HedgePositions(8), closed);
    private final Account account = new Account(0, "a", VenueKind.PAPER.code(), "USD", 10_000_000, 100, 1, 1);
    private final Position position = account.positions[0];

    @Test
    void openingFromFlatStartsAPosition()
    {
        final Trade trade = ledger.fill(account, eurusd, Side.BUY, 10, 108_428, 7, 100);
        assertEquals(1, position.positionId);
        assertEquals(10, position.quantity);
        assertEquals(108_428, position.openPrice);
        assertEquals(100, position.openedAtMicros);
        assertEquals(1, account.openPositions);
        assertEquals(1, trade.tradeId);
        assertEquals(7, trade.orderId);
        assertEquals(1, trade.positionId);
        assertEquals(0, trade.realizedPnl);
    }

    @Test
    void pnlIsComputedFromTheExactCostNotTheRoundedAverage()
    {
        // 1 lot at 1.08420 and 2 at 1.08421: the average 1.084206667 shows as 1.08421
        ledger.fill(account, eurusd, Side.BUY, 100, 108_420, 1, 100);
        ledger.fill(account, eurusd, Side.BUY, 200, 108_421, 2, 200);
        assertEquals(108_421, position.openPrice);
        // 3 lots sold at 1.08421: the first lot gained 0.00001 x 100000 = 1.00, the others nothing
        final long before = account.balance;
        final Trade partial = ledger.fill(account, eurusd, Side.SELL, 100, 108_421, 3, 300);
        assertEquals(33, partial.realizedPnl, "a third of the 1.00 (0.333 rounded to the cent)");
        final Trade rest = ledger.fill(account, eurusd, Side.SELL, 200, 108_421, 4, 400);
        assertEquals(67, rest.realizedPnl, "the rest of the cost: the closes add up to exactly 1.00");
        assertEquals(before + 100, account.balance);
        assertEquals(0, position.openCost);
    }

    @Test
    void everyReductionIsKeptAsAClosedPositionNewestFirst()
    {
        ledger.fill(account, eurusd, Side.SELL, 30, 108_420, 1, 100);
        ledger.fill(account, eurusd, Side.BUY, 10, 108_320, 2, 200);
        ledger.fill(account, eurusd, Side.BUY, 50, 108_520, 3, 300);  // closes the last 20 and flips long 30
        final ClosedPosition[] out = new ClosedPosition[16];
        assertEquals(2, closed.newest(16, close -> true, out));
        assertEquals(300, out[0].closedAtMicros);
        assertEquals(Side.SELL, out[0].side);
        assertEquals(20, out[0].size);
        assertEquals(108_420, out[0].entryPrice);
        assertEquals(108_520, out[0].exitPrice);
        assertEquals(-2_000, out[0].pnl, "short 0.20 closed 10 pips higher");
        assertEquals(true, out[0].finalClose);
        assertEquals(10, out[1].size);
        assertEquals(1_000, out[1].pnl);
        assertEquals(false, out[1].finalClose);
        assertEquals(out[0].positionId, out[1].positionId);
        assertNotEquals(position.positionId, out[0].positionId, "the flip opened a new position");
    }

    @Test
    void addingAveragesTheOpenPriceRoundedHalfEven()
    {
        ledger.fill(account, eurusd, Side.BUY, 10, 108_428, 1, 100);
        ledger.fill(account, eurusd, Side.BUY, 10, 108_433, 2, 200);
        // (108428 + 108433) / 2 = 108430.5 -> 108430 (half-even: 0 is even)
        assertEquals(108_430, position.openPrice);
        ledger.fill(account, eurusd, Side.BUY, 20, 108_441, 3, 300);
        // (20 * 108430 + 20 * 108441) / 40 = 108435.5 -> 108436
        assertEquals(108_436, position.openPrice);
        assertEquals(40, position.quantity);
        assertEquals(1, position.positionId, "adding keeps the id");
        assertEquals(100, position.openedAtMicros);
        assertEquals(10_000_000, account.balance);
    }

    @Test
    void partialReduceRealizesPnlIntoTheBalance()
    {
        ledger.fill(account, eurusd, Side.SELL, 30, 108_420, 1, 100);
        final Trade trade = ledger.fill(account, eurusd, Side.BUY, 10, 108_320, 2, DAY + 5);
        // short 0.10 closed 10 pips lower: +10.00
        assertEquals(1_000, trade.realizedPnl);
        assertEquals(10_001_000, account.balance);
        assertEquals(1_000, account.realizedPnl);
        assertEquals(1_000, account.dailyRealizedPnl);
        assertEquals(1, account.lossDay);
        assertEquals(-20, position.quantity);
        assertEquals(108_420, position.openPrice, "reducing keeps the open price");
    }

    @Test
    void flipThroughZeroClosesAndOpensANewPositionAtTheFillPrice()
    {
        ledger.fill(account, eurusd, Side.BUY, 10, 108_428, 1, 100);
        position.stops.setWhole(108_000, OrderView.NONE, 0, 0);
        final Trade trade = ledger.fill(account, eurusd, Side.SELL, 25, 108_528, 2, 200);
        assertEquals(1_000, trade.realizedPnl, "only the closed 0.10 realizes");
        assertEquals(2, position.positionId);
        assertEquals(2, trade.positionId);
        assertEquals(-15, position.quantity);
        assertEquals(108_528, position.openPrice);
        assertEquals(200, position.openedAtMicros);
        assertEquals(OrderView.NONE, position.stopLoss(), "the old position's stop does not carry over");
        assertEquals(1, account.openPositions);
    }

    @Test
    void fullCloseFlattensAndTheTradeKeepsThePositionId()
    {
        ledger.fill(account, eurusd, Side.BUY, 10, 108_428, 1, 100);
        final Trade trade = ledger.fill(account, eurusd, Side.SELL, 10, 108_328, 2, 200);
        assertEquals(-1_000, trade.realizedPnl);
        assertEquals(1, trade.positionId);
        assertEquals(0, position.positionId);
        assertEquals(0, position.quantity);
        assertEquals(0, account.openPositions);
        assertEquals(9_999_000, account.balance);
        ledger.fill(account, eurusd, Side.BUY, 10, 108_428, 3, 300);
        assertNotEquals(1, position.positionId, "reopening gets a new id");
        assertEquals(3, ledger.nextPositionId());
    }

    @Test
    void theDailyLossCounterStartsAgainOnANewUtcDay()
    {
        ledger.book(account, -500, DAY - 1);
        assertEquals(-500, account.dailyRealizedPnl);
        ledger.book(account, -200, DAY);
        assertEquals(-200, account.dailyRealizedPnl);
        assertEquals(-700, account.realizedPnl);
    }
}
