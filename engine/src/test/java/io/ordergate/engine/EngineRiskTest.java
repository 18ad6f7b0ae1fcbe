package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.risk.RiskCheck;

/**
 * Every 422 order rejection of {@link RiskCheck} (EXECUTOR_OFFLINE belongs to the MT5 venue), each shown just
 * below and just above its limit, through the engine. Quotes: EURUSD 1.08420 / 1.08428 unless a test moves them.
 */
class EngineRiskTest
{
    private static final long SECOND = 1_000_000L;
    private static final long DAY = 86_400L * SECOND;

    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = EngineDriver.withQuotedPaperAccount();
    }

    private CommandEvent rejected(final ResultCode code, final CommandEvent event)
    {
        expect(code, event);
        assertEquals(OrderStatus.REJECTED, event.order.status, "a rejected order is recorded");
        assertEquals(code, event.order.rejectCode);
        assertEquals(code.name(), Json.order(event.order).get("reject_code"));
        assertEquals(event.order.orderId, driver.getOrder(event.order.orderId).order.orderId);
        return event;
    }

    @Test
    void pausedAccountRejectsNewExposureButPassesReduceOnlyOrders()
    {
        driver.market("paper-1", Side.BUY, "EURUSD", "0.20");
        expect(ResultCode.OK, driver.pause("paper-1"));
        rejected(ResultCode.ACCOUNT_PAUSED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        rejected(ResultCode.ACCOUNT_PAUSED, driver.market("paper-1", Side.SELL, "EURUSD", "0.30"));  // would flip
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.05"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.15"));
        expect(ResultCode.OK, driver.resume("paper-1"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
    }

    @Test
    void marketOrderWithoutAQuoteOrWithoutACurrencyConversionHasNoPrice()
    {
        rejected(ResultCode.NO_PRICE, driver.market("paper-1", Side.BUY, "XAUUSD", "0.01"));
        expect(ResultCode.CREATED, driver.createAccount("eur-1", "EUR", "10000", 100));
        driver.quote("USDJPY", "151.420", "151.436");
        rejected(ResultCode.NO_PRICE, driver.market("eur-1", Side.BUY, "USDJPY", "0.01"));  // neither USD nor JPY
        expect(ResultCode.CREATED, driver.market("eur-1", Side.BUY, "EURUSD", "0.01"));    // EUR is the base
    }

    @Test
    void unknownSymbolIsRejectedAndRecorded()
    {
        rejected(ResultCode.UNKNOWN_SYMBOL, driver.market("paper-1", Side.BUY, "EURUSDX", "0.01"));
    }

    @Test
    void maxOrderQuantity()
    {
        driver.setRisk("paper-1", "max_order_quantity", "1");
        rejected(ResultCode.RISK_MAX_ORDER_QUANTITY, driver.market("paper-1", Side.BUY, "EURUSD", "1.01"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "1"));
    }

    @Test
    void maxNotional()
    {
        // 0.10 lot at the ask: 0.10 * 100000 * 1.08428 = 10842.80 USD; 0.09 lot: 9758.52
        driver.setRisk("paper-1", "max_notional", "10000");
        rejected(ResultCode.RISK_MAX_NOTIONAL, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.09"));
        driver.setRisk("paper-1", "max_notional", "10842.80");
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.10"));
    }

    @Test
    void maxPositionQuantityCountsTheResultingPositionAndSparesReductions()
    {
        driver.setRisk("paper-1", "max_position_quantity", "0.2");
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.2"));
        rejected(ResultCode.RISK_MAX_POSITION, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        rejected(ResultCode.RISK_MAX_POSITION, driver.market("paper-1", Side.SELL, "EURUSD", "0.41"));  // flips to -0.21
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.4"));              // flips to -0.2
    }

    @Test
    void maxOpenOrdersCountsRestingOrdersOnly()
    {
        driver.setRisk("paper-1", "max_open_orders", "2");
        expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.08000"));
        final long second = expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.08001")).order.orderId;
        rejected(ResultCode.RISK_MAX_OPEN_ORDERS, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.08002"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        expect(ResultCode.OK, driver.cancel(second));
        expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.08002"));
    }

    @Test
    void throttleCountsOrdersWithinOneSecondOfWallClock()
    {
        driver.setRisk("paper-1", "max_orders_per_second", "3");
        driver.at(EngineDriver.START_MICROS + 7 * SECOND);
        for (int i = 0; i < 3; i++)
        {
            expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
            driver.advanceMicros(300_000);
        }
        driver.at(EngineDriver.START_MICROS + 8 * SECOND - 1);
        rejected(ResultCode.RISK_THROTTLE, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        driver.at(EngineDriver.START_MICROS + 8 * SECOND);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
    }

    @Test
    void priceCollarBoundsLimitPricesAroundTheMid()
    {
        // mid 1.08424; 1% of it is 0.0108424, rounded to price units 0.01084: band 1.07340 .. 1.09508
        driver.setRisk("paper-1", "price_collar_pct", "1");
        rejected(ResultCode.RISK_PRICE_COLLAR, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.07339"));
        expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.07340"));
        rejected(ResultCode.RISK_PRICE_COLLAR, driver.limit("paper-1", Side.SELL, "EURUSD", "0.01", "1.09509"));
        expect(ResultCode.CREATED, driver.limit("paper-1", Side.SELL, "EURUSD", "0.01", "1.09508"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
    }

    @Test
    void dailyLossCountsUnrealizedAndTodaysRealizedLoss()
    {
        driver.setRisk("paper-1", "max_daily_loss", "10");
        driver.market("paper-1", Side.BUY, "EURUSD", "0.10");  // at 1.08428
        // bid 1.08330: unrealized (1.08330 - 1.08428) * 10000 = -9.80, above the limit
        driver.quote("EURUSD", "1.08330", "1.08338");
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        // the 0.11 lot opens at the VWAP (10 * 1.08428 + 1 * 1.08338) / 11 = 1.0841982.. -> 1.08420
        driver.quote("EURUSD", "1.08300", "1.08308");  // unrealized (1.08300 - 1.08420) * 11000 = -13.20
        rejected(ResultCode.RISK_DAILY_LOSS, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "0.11"));  // reducing: allowed
        // realized -13.20 today: still blocked while flat
        rejected(ResultCode.RISK_DAILY_LOSS, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
        driver.advanceMicros(DAY);
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "0.01"));
    }

    @Test
    void insufficientMarginCountsOnlyAddedExposure()
    {
        // 1000 USD at leverage 10: 0.09 lot needs 9758.52 / 10 = 975.85; 0.10 lot needs 1084.28
        expect(ResultCode.CREATED, driver.createAccount("small", "USD", "1000", 10));
        rejected(ResultCode.INSUFFICIENT_MARGIN, driver.market("small", Side.BUY, "EURUSD", "0.10"));
        expect(ResultCode.CREATED, driver.market("small", Side.BUY, "EURUSD", "0.09"));
        rejected(ResultCode.INSUFFICIENT_MARGIN, driver.market("small", Side.BUY, "EURUSD", "0.01"));
        // a flip from +0.09 to -0.09 adds 0.09 of new exposure after releasing 0.09
        final Map<String, Object> account = driver.account("small");
        assertTrue(Json.matches(account.get("margin_used"), "975.78"), account.toString());  // at the bid 1.08420
        expect(ResultCode.CREATED, driver.market("small", Side.SELL, "EURUSD", "0.09"));
    }

    @Test
    void reducesOnlyIsTrueOnlyForOppositeOrdersNoLargerThanThePosition()
    {
        driver.market("paper-1", Side.SELL, "EURUSD", "0.10");
        final EngineState state = stateOf(driver);
        final io.ordergate.engine.account.Account account = state.accounts.find("paper-1");
        final io.ordergate.engine.instrument.Instrument eurusd = state.instruments.find("EURUSD");
        assertTrue(RiskCheck.reducesOnly(account, eurusd, Side.BUY, 10));
        assertTrue(RiskCheck.reducesOnly(account, eurusd, Side.BUY, 5));
        assertEquals(false, RiskCheck.reducesOnly(account, eurusd, Side.BUY, 11));
        assertEquals(false, RiskCheck.reducesOnly(account, eurusd, Side.SELL, 1));
        assertEquals(false, RiskCheck.reducesOnly(account, state.instruments.find("XAUUSD"), Side.SELL, 1));
    }

    @Test
    void rejectionsSpendNoExposureButTheOrderIsStillJournaledState()
    {
        driver.setRisk("paper-1", "max_order_quantity", "1");
        final CommandEvent event = rejected(ResultCode.RISK_MAX_ORDER_QUANTITY,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "2").clientOrderId("r1").send());
        assertEquals(0, driver.getAccount("paper-1").result.ordinal());
        assertEquals(event.order.orderId, expect(ResultCode.DUPLICATE,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "2").clientOrderId("r1").send()).order.orderId);
        assertTrue(Json.matches(driver.account("paper-1").get("open_positions"), "0"));
    }

    private static EngineState stateOf(final EngineDriver driver)
    {
        try
        {
            final java.lang.reflect.Field field = Engine.class.getDeclaredField("state");
            field.setAccessible(true);
            return (EngineState)field.get(driver.engine);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
