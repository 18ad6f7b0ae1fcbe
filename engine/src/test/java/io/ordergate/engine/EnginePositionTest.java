package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/** Stops and targets, closing and modifying positions, close-all. */
class EnginePositionTest
{
    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withPaperAccount();
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
    }

    @Test
    void stopLossAndTakeProfitAsPricesAreSetOnThePosition()
    {
        final CommandEvent event = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.08000").takeProfit("1.09000").send());
        final Map<String, Object> position = driver.position("paper-1", "EURUSD");
        assertTrue(Json.matches(position.get("stop_loss"), "1.08"), position.toString());
        assertTrue(Json.matches(position.get("take_profit"), "1.09"), position.toString());
        assertEquals(String.valueOf(event.order.positionId), position.get("position_id"));
    }

    @Test
    void stopsAsPipsAreMeasuredFromTheFillPrice()
    {
        // buy fills at the ask 1.08428; 20 pips (0.0020) below is 1.08228, 40 pips above is 1.08828
        final CommandEvent buy = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLossPips("20").takeProfitPips("40").send());
        assertEquals(108228, buy.order.stopLoss);
        assertEquals(108828, buy.order.takeProfit);
        // sell on another symbol: XAUUSD bid 2380.50, pip 0.1: 15 pips above is 2382.00, 25.5 pips below is 2377.95
        driver.quote("XAUUSD", "2380.50", "2380.85");
        final CommandEvent sell = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.SELL, OrderType.MARKET, "XAUUSD", "0.10").stopLossPips("15").takeProfitPips("25.5").send());
        assertEquals(238200, sell.order.stopLoss);
        assertEquals(237795, sell.order.takeProfit);
        assertTrue(Json.matches(driver.position("paper-1", "XAUUSD").get("stop_loss"), "2382"));
    }

    @Test
    void stopLossTriggeredByAQuoteClosesThePositionAndBooksTheLoss()
    {
        driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.08300").send();
        driver.quote("EURUSD", "1.08301", "1.08309");
        assertNotNull(driver.position("paper-1", "EURUSD"), "bid above the stop: still open");
        driver.advanceMicros(5_000_000);
        driver.quote("EURUSD", "1.08290", "1.08298");
        assertNull(driver.position("paper-1", "EURUSD"));
        // closed at the bid 1.08290: (1.08290 - 1.08428) * 0.10 * 100000 = -13.80
        assertTrue(Json.matches(driver.account("paper-1").get("balance"), "99986.2"), driver.account("paper-1").toString());
        final Map<String, Object> closing = newestOrder();
        assertEquals("stop_loss", closing.get("origin"));
        assertEquals("sell", closing.get("side"));
        assertEquals("filled", closing.get("status"));
        assertTrue(Json.matches(closing.get("average_price"), "1.0829"));
        final Map<String, Object> trade = newestTrade();
        assertTrue(Json.matches(trade.get("realized_pnl"), "-13.8"), trade.toString());
    }

    @Test
    void takeProfitOfAShortTriggersOnTheAsk()
    {
        driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "0.20").takeProfit("1.08200").send();  // sold at 1.08420
        driver.quote("EURUSD", "1.08190", "1.08201");
        assertNotNull(driver.position("paper-1", "EURUSD"), "a short closes at the ask, still above the target");
        driver.quote("EURUSD", "1.08190", "1.08200");
        assertNull(driver.position("paper-1", "EURUSD"));
        // (1.08420 - 1.08200) * 0.20 * 100000 = 44.00
        assertTrue(Json.matches(driver.account("paper-1").get("balance"), "100044"));
        assertEquals("take_profit", newestOrder().get("origin"));
        assertEquals("buy", newestOrder().get("side"));
    }

    @Test
    void restingLimitWithStopsPutsThemOnThePositionItOpens()
    {
        driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10").price("1.08300").stopLossPips("10").send();
        driver.quote("EURUSD", "1.08290", "1.08299");
        final Map<String, Object> position = driver.position("paper-1", "EURUSD");
        assertTrue(Json.matches(position.get("stop_loss"), "1.082"), position.toString());
        driver.quote("EURUSD", "1.08200", "1.08210");
        assertNull(driver.position("paper-1", "EURUSD"), "the stop from pips off the limit price triggered");
    }

    @Test
    void closingAPositionFullyAndPartially()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.30");
        final long positionId = driver.positionId("paper-1", "EURUSD");
        driver.quote("EURUSD", "1.08528", "1.08536");

        final CommandEvent partial = expect(ResultCode.OK, driver.closePosition(positionId, "0.10"));
        assertEquals(OrderStatus.FILLED, partial.order.status);
        assertEquals(Side.SELL, partial.order.side);
        assertEquals(positionId, partial.order.positionId);
        assertEquals("close", Json.order(partial.order).get("origin"));
        // (1.08528 - 1.08428) * 0.10 * 100000 = 10.00
        assertTrue(Json.matches(driver.account("paper-1").get("balance"), "100010"));
        assertTrue(Json.matches(driver.position("paper-1", "EURUSD").get("quantity"), "0.2"));
        assertEquals(positionId, driver.positionId("paper-1", "EURUSD"), "a partial close keeps the position id");

        final CommandEvent full = expect(ResultCode.OK, driver.closePosition(positionId));
        assertEquals(20, full.order.quantity);
        assertEquals(positionId, full.order.positionId, "the closing order names the position it closed");
        assertEquals(String.valueOf(positionId), newestTrade().get("position_id"));
        assertNull(driver.position("paper-1", "EURUSD"));
        assertTrue(Json.matches(driver.account("paper-1").get("balance"), "100030"));
        expect(ResultCode.NOT_FOUND, driver.closePosition(positionId));
    }

    @Test
    void closeQuantityOffTheLotStepOrAboveThePositionIsAValidationError()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");
        final long positionId = driver.positionId("paper-1", "EURUSD");
        final long digest = driver.digest();
        assertEquals("quantity", expect(ResultCode.VALIDATION_ERROR, driver.closePosition(positionId, "0.015")).resultField);
        assertEquals("quantity", expect(ResultCode.VALIDATION_ERROR, driver.closePosition(positionId, "0.11")).resultField);
        assertEquals("quantity", expect(ResultCode.VALIDATION_ERROR, driver.closePosition(positionId, "0")).resultField);
        assertEquals(digest, driver.digest());
    }

    @Test
    void modifyingAPositionSetsAndRemovesItsStops()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");
        final long positionId = driver.positionId("paper-1", "EURUSD");
        final Map<String, Object> modified = Json.output(expect(ResultCode.OK, driver.modifyPosition(positionId, "1.08000", "1.09000")));
        assertTrue(Json.matches(modified.get("stop_loss"), "1.08"), modified.toString());
        assertTrue(Json.matches(modified.get("take_profit"), "1.09"));

        final Map<String, Object> onlyTarget = Json.output(expect(ResultCode.OK, driver.modifyPosition(positionId, "none", null)));
        assertNull(onlyTarget.get("stop_loss"));
        assertTrue(Json.matches(onlyTarget.get("take_profit"), "1.09"), "an unflagged stop is left as it was");

        assertEquals("stop_loss", expect(ResultCode.VALIDATION_ERROR, driver.modifyPosition(positionId, "1.08500", null)).resultField);
        assertEquals("take_profit", expect(ResultCode.VALIDATION_ERROR, driver.modifyPosition(positionId, null, "1.08000")).resultField);
        assertEquals("stop_loss", expect(ResultCode.VALIDATION_ERROR, driver.modifyPosition(positionId, "1.080001", null)).resultField);
        assertTrue(Json.matches(driver.position("paper-1", "EURUSD").get("take_profit"), "1.09"));
    }

    @Test
    void modifyingOnlyTheTargetOfAPositionWithSeveralLegsKeepsEachLegsStopLoss()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");
        driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.20").stopLoss("1.08000").send();
        driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.30").stopLoss("1.07000").send();
        final long positionId = driver.positionId("paper-1", "EURUSD");

        final Map<String, Object> modified = Json.output(expect(ResultCode.OK, driver.modifyPosition(positionId, null, "1.09000")));
        final List<?> stops = (List<?>)modified.get("stops");
        assertEquals(3, stops.size(), modified.toString());
        // the part opened without stops gets the target alone, oldest, so a reduction still comes out of it first
        assertTrue(Json.matches(Json.at(stops, 0, "quantity"), "0.1") && Json.at(stops, 0, "stop_loss") == null, stops.toString());
        assertTrue(Json.matches(Json.at(stops, 1, "stop_loss"), "1.08") && Json.matches(Json.at(stops, 1, "quantity"), "0.2"), stops.toString());
        assertTrue(Json.matches(Json.at(stops, 2, "stop_loss"), "1.07") && Json.matches(Json.at(stops, 2, "quantity"), "0.3"), stops.toString());
        for (final Object leg : stops)
        {
            assertTrue(Json.matches(Json.at(leg, "take_profit"), "1.09"), stops.toString());
        }

        final Map<String, Object> noStopLoss = Json.output(expect(ResultCode.OK, driver.modifyPosition(positionId, "none", null)));
        assertEquals(3, ((List<?>)noStopLoss.get("stops")).size(), "each leg keeps its target: " + noStopLoss);
        final Map<String, Object> nothing = Json.output(expect(ResultCode.OK, driver.modifyPosition(positionId, null, "none")));
        assertEquals(0, ((List<?>)nothing.get("stops")).size(), "a leg left with nothing goes: " + nothing);
    }

    @Test
    void closeAllPausesCancelsRestingOrdersAndClosesEveryPosition()
    {
        driver.quote("XAUUSD", "2380.50", "2380.85");
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");
        driver.market("paper-1", Side.SELL, "XAUUSD", "0.05");
        final long resting = driver.limit("paper-1", Side.BUY, "EURUSD", "0.10", "1.07000").order.orderId;
        final Map<String, Object> account = Json.output(expect(ResultCode.OK, driver.closeAll("paper-1")));
        assertEquals("paused", account.get("status"));
        assertTrue(Json.matches(account.get("open_positions"), "0"), account.toString());
        assertTrue(Json.matches(account.get("open_orders"), "0"));
        assertEquals(OrderStatus.CANCELLED, driver.getOrder(resting).order.status);
        assertEquals(0, ((List<?>)Json.output(driver.listPositions("paper-1")).get("positions")).size());
        assertEquals("close_all", newestOrder().get("origin"));
        // closed at the current quotes: EURUSD -0.00008 * 10000 = -0.80; XAUUSD (2380.50 - 2380.85) * 5 = -1.75
        assertTrue(Json.matches(account.get("balance"), "99997.45"), account.toString());
        expect(ResultCode.ACCOUNT_PAUSED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
    }

    @Test
    void aFlipThroughZeroOpensANewPositionWithTheOrdersStops()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");
        final long first = driver.positionId("paper-1", "EURUSD");
        driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "0.30").stopLoss("1.09000").send();
        final Map<String, Object> position = driver.position("paper-1", "EURUSD");
        assertNotEquals(String.valueOf(first), position.get("position_id"));
        assertEquals("sell", position.get("side"));
        assertTrue(Json.matches(position.get("quantity"), "0.2"));
        assertTrue(Json.matches(position.get("open_price"), "1.0842"));
        assertTrue(Json.matches(position.get("stop_loss"), "1.09"));
    }

    @Test
    void aTradeKeyCannotClosePositionsOfOtherAccounts()
    {
        expect(ResultCode.CREATED, driver.createAccount("paper-2", "USD", "10000", 100));
        driver.market("paper-2", Side.BUY, "EURUSD", "0.10");
        final long positionId = driver.positionId("paper-2", "EURUSD");
        final int trader = driver.createKey("k1", CommandBodies.SCOPE_TRADE, "paper-1");
        final int reader = driver.createKey("k2", CommandBodies.SCOPE_READ, "paper-2");
        driver.as(trader);
        expect(ResultCode.NOT_FOUND, driver.closePosition(positionId));
        expect(ResultCode.NOT_FOUND, driver.modifyPosition(positionId, "1.0", null));
        driver.as(reader);
        expect(ResultCode.FORBIDDEN, driver.closePosition(positionId));
        driver.asSystem();
        assertNotNull(driver.position("paper-2", "EURUSD"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> newestOrder()
    {
        return (Map<String, Object>)((List<Object>)Json.output(driver.listOrders("paper-1", CommandBodies.STATUS_ANY, 1)).get("orders")).get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> newestTrade()
    {
        final List<Object> trades = (List<Object>)Json.output(driver.listTrades("", 1)).get("trades");
        return (Map<String, Object>)trades.get(0);
    }
}
