package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.GroupBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Stops and prices at the edges of a long: pips times a large pip size, distances that would wrap past
 * Long.MAX_VALUE, huge limit prices. Each is a clean refusal naming the real problem, never a throw on the engine
 * thread.
 */
class EngineOrderPriceEdgesTest
{
    /** A pip of 10 at 8 digits is 10^9 in price units: past 10^8, pips times it can leave the long range. */
    private static final String BIG_PIP = String.join("\n",
        "  - { symbol: BIGPIP, digits: 8, pip_size: 10, contract_size: 1, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 10, base_currency: BIG, quote_currency: USD }",
        "");
    private static final String FURTHER = "the stop is further from the price than the instrument can value";
    private static final String MAX_PIPS = "92233720368.54775807";

    private EngineDriver driver;

    @BeforeEach
    void setUp()
    {
        driver = new EngineDriver(ConfigLoader.parse(EngineDriver.CONFIG + BIG_PIP, "test"));
        expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000", 100));
        expect(ResultCode.ACCEPTED, driver.quote("BIGPIP", "1.00000000", "1.00000010"));
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
    }

    @Test
    void stopLossPipsPastALongAreRefusedNotThrown()
    {
        refused("stop_loss_pips", "the stop is at or below zero",
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "BIGPIP", "1").stopLossPips(MAX_PIPS));
        refused("stop_loss_pips", FURTHER,
            driver.order("paper-1", Side.SELL, OrderType.MARKET, "BIGPIP", "1").stopLossPips(MAX_PIPS));
        refused("stop_loss_pips", "stop_loss must be on the losing side of the entry price",
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "BIGPIP", "1").stopLossPips("-92233720368.5"));
    }

    @Test
    void takeProfitPipsPastALongAreRefusedNotThrown()
    {
        refused("take_profit_pips", FURTHER,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "BIGPIP", "1").takeProfitPips(MAX_PIPS));
        refused("take_profit_pips", "the stop is at or below zero",
            driver.order("paper-1", Side.SELL, OrderType.MARKET, "BIGPIP", "1").takeProfitPips(MAX_PIPS));
    }

    @Test
    void trailingStopPipsPastALongAreRefusedNotThrown()
    {
        refused("trailing_stop_pips", "the trailing stop would start at or below zero",
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "BIGPIP", "1").trailingStopPips(MAX_PIPS));
        refused("trailing_stop_pips", FURTHER,
            driver.order("paper-1", Side.SELL, OrderType.MARKET, "BIGPIP", "1").trailingStopPips(MAX_PIPS));
    }

    @Test
    void takeProfitThatWouldWrapPastALongIsTooFarNotBelowZero()
    {
        // 9223372036.8547758 pips of 10^9 is 9223372036854775800: a long, but the entry price plus it is not.
        refused("take_profit_pips", FURTHER,
            driver.order("paper-1", Side.BUY, OrderType.MARKET, "BIGPIP", "1").takeProfitPips("9223372036.8547758"));
        // 100,000,000.00 times 92233720368% is 9223372036800000000, a long; plus the price is not.
        refused("take_profit_pct", FURTHER,
            driver.order("paper-1", Side.BUY, OrderType.LIMIT, "BTCUSD", "0.001").price("100000000").takeProfitPct("92233720368"));
    }

    @Test
    void takeProfitPercentPastALongIsRefusedNotThrown()
    {
        refused("take_profit_pct", FURTHER,
            driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "0.01").price("90000000").takeProfitPct(MAX_PIPS));
    }

    @Test
    void sellTrailingStopFurtherThanTheInstrumentCanValueIsRefused()
    {
        // 92233720368.5 pips of 0.0001 is 9223372.03685 over the entry: past the 9223372.03685 a stop may be (5 digits,
        // 100,000 per lot), so the start of the trailing stop is no stop the engine can value.
        refused("trailing_stop_pips", FURTHER,
            driver.order("paper-1", Side.SELL, OrderType.MARKET, "EURUSD", "1").trailingStopPips(MAX_PIPS));
        refused("trailing_stop_pips", FURTHER,
            driver.order("paper-1", Side.SELL, OrderType.LIMIT, "EURUSD", "1").price("9223372.03685").trailingStopPips("1"));
    }

    @Test
    void stopFurtherFromAHugeEntryThanTheInstrumentCanValueIsRefused()
    {
        // 92,233,720.36 is past the 9,223,372.03685 EURUSD can value; a stop at 1.00000 under it is as far from it
        refused("stop_loss", FURTHER,
            driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "1").price("92233720.36").stopLoss("1.00000"));
        refused("trailing_stop_pct", FURTHER,
            driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "1").price("92233720.36").trailingStopPct("50"));
        expect(ResultCode.CREATED,
            driver.order("paper-1", Side.BUY, OrderType.LIMIT, "EURUSD", "1").price("9223373.03685").stopLoss("1.00001").send());
    }

    @Test
    void groupOrderWithAStopFurtherFromAHugeEntryIsRefusedNotThrown()
    {
        expect(ResultCode.CREATED, driver.createAccount("paper-2", "USD", "100000", 100));
        final CommandEvent group = new CommandEvent();
        GroupBodies.group(driver.begin(group, CommandType.CREATE_GROUP), "g", 0, "", "", 0, 0, List.of(
            new GroupBodies.Member("paper-1", GroupBodies.SIZING_RISK_PERCENT, EngineDriver.wire("1"), "", List.of()),
            new GroupBodies.Member("paper-2", GroupBodies.SIZING_EQUITY_RATIO, EngineDriver.wire("1000"), "", List.of())));
        driver.finish(group);
        expect(ResultCode.CREATED, driver.apply(group));

        final long digest = driver.digest();
        final CommandEvent order = new CommandEvent();
        final BodyWriter body = driver.begin(order, CommandType.GROUP_ORDER);
        GroupBodies.groupOrderHead(body, "g");
        GroupBodies.signal(body, "EURUSD", Side.BUY, OrderType.LIMIT, null,
            GroupBodies.HAS_QUANTITY | NewOrderBody.HAS_PRICE | NewOrderBody.HAS_STOP_LOSS, EngineDriver.wire("1"),
            EngineDriver.wire("9223372036"), EngineDriver.wire("1.00000"), 0, 0, 0, 0);
        body.putString("");
        driver.finish(order);
        expect(ResultCode.VALIDATION_ERROR, driver.apply(order));
        assertEquals("stop_loss", order.resultField, order.resultMessage);
        assertEquals(FURTHER, order.resultMessage);
        assertEquals(digest, driver.digest(), "a refusal changes no state");
    }

    @Test
    void restingOrderWorthMoreThanALongNeedsMoreMarginThanAnyAccountHasNotAThrow()
    {
        // 100 lots of 100,000 at 92,233,720,368.00000: a notional past a long, in cents
        final long digest = driver.digest();
        expect(ResultCode.INSUFFICIENT_MARGIN,
            driver.order("paper-1", Side.SELL, OrderType.LIMIT, "EURUSD", "100").price("92233720368").send());
        expect(ResultCode.INSUFFICIENT_MARGIN,
            driver.order("paper-1", Side.BUY, OrderType.STOP, "EURUSD", "100").price("92233720368").send());
        expect(ResultCode.OK, driver.setRisk("paper-1", "max_notional", "1000000"));
        expect(ResultCode.RISK_MAX_NOTIONAL,
            driver.order("paper-1", Side.SELL, OrderType.LIMIT, "EURUSD", "100").price("92233720368").send());
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "EURUSD", "1"));
        assertNotEquals(digest, driver.digest(), "the engine goes on: the market order fills");
    }

    @Test
    void patchedStopFurtherThanTheInstrumentCanValueIsRefusedAsANewOrdersIs()
    {
        expect(ResultCode.CREATED, driver.market("paper-1", Side.SELL, "EURUSD", "1"));
        final long shortId = driver.positionId("paper-1", "EURUSD");
        // past the 9,223,372.03685 EURUSD can value: the short's stop, and the long's target, as a new order's
        patchRefused("stop_loss", shortId, "92233720368", null);
        patchRefused("stop_loss", shortId, "9223372.03686", "1.00000");
        expect(ResultCode.OK, driver.modifyPosition(shortId, "9223372.03685", null));
        expect(ResultCode.CREATED, driver.market("paper-1", Side.BUY, "BIGPIP", "1"));
        patchRefused("take_profit", driver.positionId("paper-1", "BIGPIP"), null, "92233720368");
    }

    private void patchRefused(final String field, final long positionId, final String stopLoss, final String takeProfit)
    {
        final long digest = driver.digest();
        final CommandEvent event = expect(ResultCode.VALIDATION_ERROR, driver.modifyPosition(positionId, stopLoss, takeProfit));
        assertEquals(field, event.resultField, event.resultMessage);
        assertEquals(FURTHER, event.resultMessage);
        assertEquals(digest, driver.digest(), "a refusal changes no state");
    }

    private void refused(final String field, final String message, final NewOrder request)
    {
        final long digest = driver.digest();
        final CommandEvent event = expect(ResultCode.VALIDATION_ERROR, request.send());
        assertEquals(field, event.resultField, event.resultMessage);
        assertEquals(message, event.resultMessage);
        assertEquals(digest, driver.digest(), "a refusal changes no state");
    }
}
