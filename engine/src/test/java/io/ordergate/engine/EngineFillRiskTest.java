package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Risk is judged at the price an order trades at, and again when a resting order fills: a limit or stop the quote
 * already reaches is valued at the quote, not at its own price; a resting order is margined, and refused if the
 * account is paused, when the quote reaches it; the throttle's second and the loss counter's day only move forward.
 * Quotes: EURUSD 1.08420 / 1.08428 unless a test moves them.
 */
class EngineFillRiskTest
{
    private static final long SECOND = 1_000_000L;

    /** A fresh engine for each test (JUnit makes a new instance per test method). */
    private final EngineDriver driver = EngineDriver.withQuotedPaperAccount();

    @Test
    void aBuyStopTheAskHasPassedIsMarginedAtTheAskNotAtItsOwnPrice()
    {
        // 1000 USD at leverage 10: 0.10 lot at the ask needs 1084.28. Valued at its own price 0.00001 it needed 0.0001.
        expect(ResultCode.CREATED, driver.createAccount("small", "USD", "1000", 10));
        final CommandEvent stop = driver.order("small", Side.BUY, OrderType.STOP, "EURUSD", "0.10").price("0.00001").send();
        expect(ResultCode.INSUFFICIENT_MARGIN, stop);
        assertTrue(Json.matches(driver.account("small").get("open_positions"), "0"));
        // one that rests is still valued at its own price: 0.09 lot at 1.00000 needs 900
        expect(ResultCode.CREATED, driver.limit("small", Side.BUY, "EURUSD", "0.09", "1.00000"));
    }

    @Test
    void aSellLimitFarBelowTheBidCountsItsNotionalAtTheBid()
    {
        // 0.10 lot at the bid: 10842.00 USD; at its own price 0.50000 it would be 5000
        driver.setRisk("paper-1", "max_notional", "10000");
        expect(ResultCode.RISK_MAX_NOTIONAL, driver.limit("paper-1", Side.SELL, "EURUSD", "0.10", "0.50000"));
        expect(ResultCode.CREATED, driver.limit("paper-1", Side.SELL, "EURUSD", "0.09", "0.50000"));
    }

    @Test
    void restingOrdersThatReducedWhenPlacedCannotOpenAPositionOnAPausedAccount()
    {
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
        expect(ResultCode.OK, driver.pause("paper-1"));
        final long[] sells = new long[5];
        for (int i = 0; i < sells.length; i++)
        {
            // each reduces the long 0.10 as it stands: all five are taken
            sells[i] = expect(ResultCode.CREATED, driver.limit("paper-1", Side.SELL, "EURUSD", "0.10", "1.08500")).order.orderId;
        }
        driver.quote("EURUSD", "1.08501", "1.08509");
        assertEquals(OrderStatus.FILLED, driver.getOrder(sells[0]).order.status);
        for (int i = 1; i < sells.length; i++)
        {
            final CommandEvent later = driver.getOrder(sells[i]);
            assertEquals(OrderStatus.REJECTED, later.order.status, "order " + i + " would have opened a short");
            assertEquals(ResultCode.ACCOUNT_PAUSED, later.order.rejectCode);
        }
        final Map<String, Object> account = driver.account("paper-1");
        assertTrue(Json.matches(account.get("open_positions"), "0"), account.toString());
        assertTrue(Json.matches(account.get("open_orders"), "0"), account.toString());
    }

    @Test
    void aRestingOrderIsMarginedWhenTheQuoteReachesIt()
    {
        // 1000 USD at leverage 10. The limit (0.09 at 1.08000: 972 of margin) fits when placed; the market order
        // after it takes 975.85 of it, so when the ask falls to the limit there is no margin left for it.
        expect(ResultCode.CREATED, driver.createAccount("small", "USD", "1000", 10));
        final long limit = expect(ResultCode.CREATED, driver.limit("small", Side.BUY, "EURUSD", "0.09", "1.08000")).order.orderId;
        expect(ResultCode.CREATED, driver.market("small", Side.BUY, "EURUSD", "0.09"));
        driver.quote("EURUSD", "1.07990", "1.07998");
        final CommandEvent refused = driver.getOrder(limit);
        assertEquals(OrderStatus.REJECTED, refused.order.status);
        assertEquals(ResultCode.INSUFFICIENT_MARGIN, refused.order.rejectCode);
        assertEquals("INSUFFICIENT_MARGIN", Json.order(refused.order).get("reject_code"));
        final Map<String, Object> account = driver.account("small");
        assertTrue(Json.matches(account.get("open_orders"), "0"), account.toString());
        assertTrue(Json.matches(account.get("open_positions"), "1"), account.toString());
    }

    @Test
    void anOlderStampDoesNotStartTheThrottlesSecondAgain()
    {
        driver.setRisk("paper-1", "max_orders_per_second", "2");
        final long second = (EngineDriver.START_MICROS / SECOND + 11) * SECOND;
        driver.at(second);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        driver.at(second - 1);  // from another event loop, stamped a microsecond earlier, reaching the ring after
        expect(ResultCode.RISK_THROTTLE, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        driver.at(second + 1);
        expect(ResultCode.RISK_THROTTLE, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        driver.at(second + SECOND);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
    }

    @Test
    void aStampFromBeforeMidnightDoesNotTakeTheDaysLossCounterBack()
    {
        driver.setRisk("paper-1", "max_daily_loss", "10");
        final long day = 86_400L * SECOND;
        final long midnight = (EngineDriver.START_MICROS / day + 1) * day;
        driver.at(midnight + SECOND);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));  // at 1.08428
        driver.quote("EURUSD", "1.08300", "1.08308");
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.05"));  // realizes -6.40
        driver.at(midnight - 1);  // yesterday's stamp, reaching the ring after today's
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.01"));  // -1.28
        driver.at(midnight + 2 * SECOND);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.01"));  // -1.28
        // today: realized -8.96 and unrealized (1.08300 - 1.08428) * 3000 = -3.84: past the 10 limit. Had the older
        // stamp taken the counter back a day, today's count would have restarted at -1.28 and let this through.
        expect(ResultCode.RISK_DAILY_LOSS, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
    }
}
