package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.CommandEvent;
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

    private void refused(final String field, final String message, final NewOrder request)
    {
        final long digest = driver.digest();
        final CommandEvent event = expect(ResultCode.VALIDATION_ERROR, request.send());
        assertEquals(field, event.resultField, event.resultMessage);
        assertEquals(message, event.resultMessage);
        assertEquals(digest, driver.digest(), "a refusal changes no state");
    }
}
