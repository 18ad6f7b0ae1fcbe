package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
import io.ordergate.engine.command.TimeInForce;

/** New orders and cancels through {@link Engine#apply}, on the paper venue. */
class EngineOrderTest
{
    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withQuotedPaperAccount();
    }

    @Test
    void marketBuyFillsAtTheAskAndMarketSellAtTheBid()
    {
        final CommandEvent buy = expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
        assertEquals(OrderStatus.FILLED, buy.order.status);
        assertEquals(108428, buy.order.averagePrice);
        assertEquals(TimeInForce.IOC, buy.order.timeInForce);
        final Map<String, Object> json = Json.order(buy.order);
        assertEquals("filled", json.get("status"));
        assertTrue(Json.matches(json.get("average_price"), "1.08428"), json.toString());
        assertTrue(Json.matches(json.get("filled_quantity"), "0.1"), json.toString());
        assertEquals("fill-1", json.get("venue_order_id"), "the paper venue names a fill by its trade id");
        assertNull(json.get("price"));
        assertEquals("2026-11-22T10:00:00.000Z", json.get("created_at"));

        final CommandEvent sell = expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.10"));
        assertEquals(108420, sell.order.averagePrice);
        assertNull(driver.position("paper-1", "EURUSD"), "a sell of the same quantity flattens the net position");
    }

    @Test
    void limitOrderRestsThenFillsAtTheQuoteThatCrossesIt()
    {
        final CommandEvent limit = expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.10", "1.08400"));
        assertEquals(OrderStatus.ACCEPTED, limit.order.status);
        assertEquals(TimeInForce.GTC, limit.order.timeInForce);
        final long orderId = limit.order.orderId;

        driver.quote("EURUSD", "1.08405", "1.08410");  // ask still above the limit
        assertEquals(OrderStatus.ACCEPTED, driver.getOrder(orderId).order.status);

        driver.advanceMicros(1_000_000);
        driver.quote("EURUSD", "1.08390", "1.08395");
        final CommandEvent filled = expect(ResultCode.OK, driver.getOrder(orderId));
        assertEquals(OrderStatus.FILLED, filled.order.status);
        assertEquals(108395, filled.order.averagePrice, "fills at the quote's ask, which is better than the limit");
        assertEquals(driver.now(), filled.order.updatedAtMicros);
        assertEquals(0, Json.at(driver.account("paper-1"), "open_orders").equals(BigDecimal.ZERO) ? 0 : 1);
    }

    @Test
    void sellLimitRestsUntilTheBidReachesIt()
    {
        final long orderId = expect(ResultCode.CREATED, driver.limit("paper-1", Side.SELL, "EURUSD", "0.10", "1.08500")).order.orderId;
        driver.quote("EURUSD", "1.08499", "1.08510");
        assertEquals(OrderStatus.ACCEPTED, driver.getOrder(orderId).order.status);
        driver.quote("EURUSD", "1.08501", "1.08510");
        assertEquals(OrderStatus.FILLED, driver.getOrder(orderId).order.status);
        assertEquals(108501, driver.getOrder(orderId).order.averagePrice);
    }

    @Test
    void iocAndFokLimitsThatCannotFillNowExpire()
    {
        for (final TimeInForce tif : new TimeInForce[] {TimeInForce.IOC, TimeInForce.FOK})
        {
            final CommandEvent event = expect(ResultCode.CREATED,
                driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10").price("1.08000").timeInForce(tif).send());
            assertEquals(OrderStatus.EXPIRED, event.order.status, tif.name());
        }
        assertTrue(Json.matches(driver.account("paper-1").get("open_orders"), "0"));
    }

    @Test
    void marketableIocLimitFillsAtTheQuote()
    {
        final CommandEvent event = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10").price("1.09000").timeInForce(TimeInForce.IOC).send());
        assertEquals(OrderStatus.FILLED, event.order.status);
        assertEquals(108428, event.order.averagePrice);
    }

    @Test
    void buyStopTriggersWhenTheAskRisesToIt()
    {
        final long orderId = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.STOP, "EURUSD", "0.10").price("1.08500").send()).order.orderId;
        assertEquals(OrderStatus.ACCEPTED, driver.getOrder(orderId).order.status);
        driver.quote("EURUSD", "1.08480", "1.08499");
        assertEquals(OrderStatus.ACCEPTED, driver.getOrder(orderId).order.status);
        driver.quote("EURUSD", "1.08495", "1.08503");
        final CommandEvent filled = driver.getOrder(orderId);
        assertEquals(OrderStatus.FILLED, filled.order.status);
        assertEquals(108503, filled.order.averagePrice);
    }

    @Test
    void sellStopTriggersWhenTheBidFallsToIt()
    {
        final long orderId = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.SELL, OrderType.STOP, "EURUSD", "0.10").price("1.08300").send()).order.orderId;
        driver.quote("EURUSD", "1.08301", "1.08310");
        assertEquals(OrderStatus.ACCEPTED, driver.getOrder(orderId).order.status);
        driver.quote("EURUSD", "1.08300", "1.08310");
        assertEquals(OrderStatus.FILLED, driver.getOrder(orderId).order.status);
        assertEquals("sell", driver.position("paper-1", "EURUSD").get("side"));
    }

    @Test
    void cancellingARestingOrderCancelsItAndCancellingAFilledOneConflicts()
    {
        final long resting = driver.limit("paper-1", Side.BUY, "EURUSD", "0.10", "1.08000").order.orderId;
        assertTrue(Json.matches(driver.account("paper-1").get("open_orders"), "1"));
        final CommandEvent cancel = expect(ResultCode.OK, driver.cancel(resting));
        assertEquals(OrderStatus.CANCELLED, cancel.order.status);
        assertTrue(Json.matches(driver.account("paper-1").get("open_orders"), "0"));
        driver.quote("EURUSD", "1.07900", "1.07910");
        assertEquals(OrderStatus.CANCELLED, driver.getOrder(resting).order.status, "a cancelled order never fills");

        final long filled = driver.market("paper-1", Side.BUY, "EURUSD", "0.10").order.orderId;
        final CommandEvent conflict = expect(ResultCode.CONFLICT, driver.cancel(filled));
        assertEquals(OrderStatus.FILLED, conflict.order.status);
        expect(ResultCode.CONFLICT, driver.cancel(resting));
        expect(ResultCode.NOT_FOUND, driver.cancel(9999));
    }

    @Test
    void repeatedClientOrderIdReturnsTheFirstOrderAndChangesNothing()
    {
        final CommandEvent first = expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("my-42").send());
        final long digest = driver.digest();
        final CommandEvent repeat = expect(ResultCode.DUPLICATE,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("my-42").send());
        assertEquals(first.order.orderId, repeat.order.orderId);
        assertEquals("my-42", Json.order(repeat.order).get("client_order_id"));
        final CommandEvent conflict = expect(ResultCode.CONFLICT,
            driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "0.50").clientOrderId("my-42").send());
        assertEquals(first.order.orderId, conflict.order.orderId, "the conflict names the first order");
        assertEquals(Side.BUY, conflict.order.side);
        assertEquals("client_order_id", conflict.resultField);
        assertEquals(digest, driver.digest(), "neither a repeat nor a conflict changes state");

        expect(ResultCode.CREATED, driver.createAccount("paper-2", "USD", "1000", 10));
        final CommandEvent other = expect(ResultCode.CREATED,
            driver.order("paper-2", Side.BUY, OrderType.MARKET, "EURUSD", "0.01").clientOrderId("my-42").send());
        assertNotEquals(first.order.orderId, other.order.orderId, "client order ids are unique per account only");
    }

    @Test
    void rejectedOrderIsRecordedAndItsClientOrderIdRepeatsTheRejection()
    {
        final CommandEvent rejected = expect(ResultCode.UNKNOWN_SYMBOL,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "NOPE", "1").clientOrderId("c1").send());
        assertEquals(OrderStatus.REJECTED, rejected.order.status);
        final Map<String, Object> json = Json.order(rejected.order);
        assertEquals("UNKNOWN_SYMBOL", json.get("reject_code"));
        assertEquals("NOPE", json.get("symbol"));
        final CommandEvent again = expect(ResultCode.DUPLICATE,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "NOPE", "1").clientOrderId("c1").send());
        assertEquals(rejected.order.orderId, again.order.orderId);
        assertEquals(rejected.order.orderId, expect(ResultCode.CONFLICT,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("c1").send()).order.orderId);
    }

    @Test
    void quantityOffTheLotStepIsAValidationErrorThatChangesNothing()
    {
        assertValidationError("quantity", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.105"));
        assertValidationError("quantity", driver.order("paper-1", Side.BUY, OrderType.MARKET, "BTCUSD", "0.0005"));
    }

    @Test
    void quantityOutsideTheInstrumentsBoundsIsAValidationError()
    {
        assertValidationError("quantity", driver.order("paper-1", Side.BUY, OrderType.MARKET, "XAUUSD", "50.01"));
        assertValidationError("quantity", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0"));
        assertValidationError("quantity", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "-0.10"));
        assertValidationError("quantity", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "100.01"));
    }

    @Test
    void priceOrStopsWithMoreDigitsThanTheInstrumentAreValidationErrors()
    {
        assertValidationError("price", driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10").price("1.084201"));
        assertValidationError("stop_loss", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.080001"));
        assertValidationError("take_profit", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").takeProfit("1.0900001"));
    }

    @Test
    void limitOrStopWithoutAPositivePriceIsAValidationError()
    {
        assertValidationError("price", driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.10"));
        assertValidationError("price", driver.order("paper-1", Side.BUY, OrderType.STOP, "EURUSD", "0.10").price("0"));
        assertValidationError("price", driver.order("paper-1", Side.SELL, OrderType.LIMIT, "EURUSD", "0.10").price("-1.08"));
    }

    @Test
    void stopsOnTheWrongSideOfTheEntryAreValidationErrors()
    {
        assertValidationError("stop_loss", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.08500"));
        assertValidationError("take_profit", driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").takeProfit("1.08400"));
        assertValidationError("stop_loss", driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.08400"));
        assertValidationError("take_profit_pips",
            driver.order("paper-1", Side.SELL, OrderType.LIMIT, "EURUSD", "0.10").price("1.08500").takeProfitPips("20000"));
    }

    @Test
    void clientOrderIdLongerThanAnOrderCanHoldIsAValidationError()
    {
        assertValidationError("client_order_id",
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("x".repeat(65)));
        expect(ResultCode.CREATED, driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").clientOrderId("y".repeat(64)).send());
    }

    private void assertValidationError(final String field, final NewOrder request)
    {
        final long digest = driver.digest();
        final long nextId = driver.market("paper-1", Side.BUY, "XAUUSD", "0.01").order.orderId + 1;  // no quote: rejected, recorded
        final long digestBefore = driver.digest();
        final CommandEvent event = expect(ResultCode.VALIDATION_ERROR, request.send());
        assertEquals(field, event.resultField, event.resultMessage);
        assertEquals(digestBefore, driver.digest(), "a validation error changes no state");
        assertEquals(nextId, driver.market("paper-1", Side.BUY, "XAUUSD", "0.01").order.orderId, "and takes no order id");
        assertNotEquals(digest, digestBefore);
    }

    @Test
    void tradeScopedKeySeesOnlyItsAccountsAndReadScopedKeyCannotTrade()
    {
        expect(ResultCode.CREATED, driver.createAccount("paper-2", "USD", "1000", 10));
        final long othersOrder = driver.market("paper-2", Side.BUY, "EURUSD", "0.01").order.orderId;
        final int trader = driver.createKey("k-trade", CommandBodies.SCOPE_TRADE, "paper-1");
        final int reader = driver.createKey("k-read", CommandBodies.SCOPE_READ, "paper-1");

        driver.as(trader);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        final CommandEvent hidden = expect(ResultCode.NOT_FOUND, driver.market("paper-2", Side.BUY, "EURUSD", "0.01"));
        assertEquals("account_id", hidden.resultField);
        expect(ResultCode.NOT_FOUND, driver.getOrder(othersOrder));
        expect(ResultCode.NOT_FOUND, driver.cancel(othersOrder));
        expect(ResultCode.NOT_FOUND, driver.getAccount("paper-2"));
        expect(ResultCode.NOT_FOUND, driver.listOrders("paper-2", CommandBodies.STATUS_ANY, 10));
        final List<?> visible = (List<?>)Json.output(expect(ResultCode.OK, driver.listOrders("", CommandBodies.STATUS_ANY, 100))).get("orders");
        assertEquals(1, visible.size(), "only paper-1's order");
        expect(ResultCode.FORBIDDEN, driver.pause("paper-1"));

        driver.as(reader);
        final long digest = driver.digest();
        expect(ResultCode.FORBIDDEN, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        expect(ResultCode.NOT_FOUND, driver.market("paper-2", Side.BUY, "EURUSD", "0.01"));
        expect(ResultCode.OK, driver.getAccount("paper-1"));
        assertEquals(digest, driver.digest());
    }
}
