package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.order.Trade;
import io.ordergate.engine.position.ClosedPosition;
import io.ordergate.engine.position.ClosedPositions;
import io.ordergate.fixed.Money;

/**
 * An exchange fill's commission is booked once, whenever it is told: a fill first learnt from an answer without one (a
 * futures REST answer that beat ORDER_TRADE_UPDATE, a query after a reconnect) gets it from the later report, even when
 * the order is already filled; a repeated report or a cumulative figure books only what was not booked yet; a replay
 * of the journal gives the same state.
 */
class ExchangeFeeEngineTest
{
    private final ExchangeDriver driver = new ExchangeDriver();

    @Test
    void shouldBookTheStreamsCommissionOfAFillTheRestAnswerToldWithout()
    {
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        final CommandEvent buy = driver.order("bn-1", Side.BUY, "0.01");
        final long orderId = buy.order.orderId;
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "7");  // the REST answer: no commission
        assertEquals(0, newestTrade().fee);
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.65", "0.01");  // the stream's n for its l
        assertEquals(money("0.65"), newestTrade().fee, "the filled order's fee, from the later report");
        assertEquals(money("99999.35"), account().balance);
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.65", "0.01");  // told again
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.65", "0.01");
        assertEquals(money("0.65"), newestTrade().fee, "booked once");
        assertEquals(money("99999.35"), account().balance);
        assertReplaysTheSame();
    }

    @Test
    void shouldBookOfACumulativeCommissionOnlyWhatWasNotBookedYet()
    {
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        final long orderId = driver.order("bn-1", Side.BUY, "0.02").order.orderId;
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_PARTIALLY_FILLED, "0.01", "650.00", "0.60", "0.01");  // the stream's first trade (a maker's rate)
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_FILLED, "0.02", "1300.00", "1.30", "0.02");  // the query: the order's whole fee
        assertEquals(money("0.70"), newestTrade().fee, "the second part: what the cumulative fee adds, not its half");
        assertEquals(money("99998.70"), account().balance, "1.30 in all");
        driver.report("bn-1", orderId, ExchangeBodies.STATUS_FILLED, "0.02", "1300.00", "0.70", "0.01");  // the second trade's stream event, late
        assertEquals(money("99998.70"), account().balance, "already covered by the cumulative fee");
        assertReplaysTheSame();
    }

    @Test
    void shouldBookALateCommissionOfTheClosingFillOntoTheClosedPositionsRecord()
    {
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        final long buyId = driver.order("bn-1", Side.BUY, "0.01").order.orderId;
        driver.report("bn-1", buyId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.65", "0.01");
        final long sellId = driver.order("bn-1", Side.SELL, "0.01").order.orderId;
        driver.report("bn-1", sellId, ExchangeBodies.STATUS_FILLED, "0.01", "650.00", "7");  // a query's answer: no commission
        final ClosedPosition close = newestClose();
        assertEquals(money("0.65"), close.fee, "the entry's fee only, so far");
        driver.report("bn-1", sellId, ExchangeBodies.STATUS_FILLED, "0.01", "650.00", "0.60", "0.01");  // its commission, late
        assertEquals(money("1.25"), close.fee, "the closing fill's fee joins the close it made");
        assertEquals(money("-1.26"), close.pnl, "gross -0.01 less both fees");
        assertEquals(money("0.60"), newestTrade().fee);
        assertEquals(money("99998.74"), account().balance);
        assertReplaysTheSame();
    }

    @Test
    void shouldBookALateCommissionOfTheOpeningFillOntoThePositionsCloseWhenItClosedMeanwhile()
    {
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        final long buyId = driver.order("bn-1", Side.BUY, "0.01").order.orderId;
        driver.report("bn-1", buyId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "7");  // learnt by a query: no commission
        final long sellId = driver.order("bn-1", Side.SELL, "0.01").order.orderId;
        driver.report("bn-1", sellId, ExchangeBodies.STATUS_FILLED, "0.01", "650.00", "0.60", "0.01");
        final ClosedPosition close = newestClose();
        assertEquals(money("0.60"), close.fee);
        driver.report("bn-1", buyId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.65", "0.01");  // the opening fill's, after the close
        assertEquals(money("1.25"), close.fee, "the entry fee the close would have carried");
        assertEquals(money("-1.26"), close.pnl);
        assertEquals(money("0.65"), driver.engine.context().trades().newest(1).fee, "on the opening fill's trade");
        assertEquals(money("99998.74"), account().balance);
        assertReplaysTheSame();
    }

    @Test
    void shouldBookALateCommissionOnTheOrdersOwnTradeWhenOthersWereBookedSince()
    {
        driver.exchangeAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        final long firstId = driver.order("bn-1", Side.BUY, "0.01").order.orderId;
        driver.report("bn-1", firstId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "7");
        for (int i = 0; i < 3; i++)
        {
            final long otherId = driver.order("bn-1", Side.BUY, "0.01").order.orderId;
            driver.report("bn-1", otherId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.65", "0.01");
        }
        final Trade first = driver.engine.context().trades().newest(3);
        assertEquals(firstId, first.orderId);
        assertEquals(first.tradeId, driver.engine.context().orders().get(firstId).lastTradeId, "the order names its trade");
        driver.report("bn-1", firstId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "0.50", "0.01");
        assertEquals(money("0.50"), first.fee, "the first order's own trade, not the newest");
        assertEquals(money("0.65"), newestTrade().fee);
        assertEquals(money("0.50") + 3 * money("0.65"), driver.engine.context().accounts().find("bn-1").positions[0].openFee);
        assertReplaysTheSame();
    }

    private ClosedPosition newestClose()
    {
        final ClosedPositions closes = driver.engine.context().ledger().closedPositions();
        return closes.get(closes.count());
    }

    private Trade newestTrade()
    {
        return driver.engine.context().trades().newest(0);
    }

    private Account account()
    {
        return driver.engine.context().accounts().find("bn-1");
    }

    private static long money(final String decimal)
    {
        return new java.math.BigDecimal(decimal).movePointRight(Money.DIGITS).longValueExact();
    }

    private void assertReplaysTheSame()
    {
        final ExchangeDriver replayed = new ExchangeDriver();
        for (final byte[] frame : driver.journal)
        {
            replayed.replay(frame);
        }
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest());
    }
}
