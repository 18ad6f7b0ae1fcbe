package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static io.ordergate.engine.EngineDriver.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ExpertBodies;
import io.ordergate.engine.command.NewOrderBody;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Experts in the engine itself: an expert's state survives a snapshot (the digest and the bytes of a round trip), and
 * an order through an expert, sized by its strategy and protected by its stops, allocates nothing in steady state.
 */
class ExpertEngineTest
{
    private static final int MEASURED = 20_000;
    private static final long BOUND_BYTES = 64 * 1024;

    private static EngineDriver driver()
    {
        final EngineDriver driver = EngineDriver.withPaperAccount();
        driver.setRisk("paper-1", "max_orders_per_second", "1000000");
        expect(ResultCode.ACCEPTED, driver.quote("BTCUSD", "50000.00", "50010.00"));
        return driver;
    }

    private static CommandEvent create(final EngineDriver driver, final int flags, final int sizeType, final String sizeValue,
        final String stopLossPct, final String trailingPct)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.CREATE_EXPERT);
        body.putString("paper-1").putString("My Strategy").putString("1h").putLong(1001);
        ExpertBodies.encodeStrategy(body, "BTCUSD", flags | ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_SIZE_TYPE | ExpertBodies.HAS_SIZE_VALUE,
            0, 0, sizeType, wire(sizeValue), wire(stopLossPct), 0, wire(trailingPct));
        driver.finish(event);
        return driver.apply(event);
    }

    private static CommandEvent control(final EngineDriver driver, final String expertId, final int action)
    {
        final CommandEvent event = new CommandEvent();
        driver.begin(event, CommandType.CONTROL_EXPERT).putString(expertId).putByte(action);
        driver.finish(event);
        return driver.apply(event);
    }

    private static CommandEvent strategy(final EngineDriver driver, final int flags, final long maxDrawdownPct, final int sizeType)
    {
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.EXPERT_STRATEGY).putString("exp_1");
        ExpertBodies.encodeStrategy(body, "", flags, 0, maxDrawdownPct, sizeType, 0, 0, 0, 0);
        driver.finish(event);
        return driver.apply(event);
    }

    /** An order through the expert with no quantity and no stops: the strategy sizes and protects it. */
    private static CommandEvent order(final EngineDriver driver, final String expertId, final Side side, final CommandEvent event)
    {
        final BodyWriter body = driver.begin(event, CommandType.EXPERT_ORDER).putString(expertId);
        NewOrderBody.encode(body, "", "", side, OrderType.MARKET, null, 0, 0, 0, 0, 0, 0, 0, "");
        driver.finish(event);
        return event;
    }

    @Test
    void anExpertsStateIsInTheSnapshot()
    {
        final EngineDriver driver = driver();
        expect(ResultCode.CREATED, create(driver, ExpertBodies.HAS_STOP_LOSS_PCT | ExpertBodies.HAS_TRAILING_STOP_PCT,
            ExpertBodies.SIZE_RISK_BASED, "1.5", "2", "1"));
        expect(ResultCode.OK, control(driver, "exp_1", ExpertBodies.START));
        final CommandEvent filled = driver.apply(order(driver, "exp_1", Side.BUY, new CommandEvent()));
        expect(ResultCode.CREATED, filled);
        // 1.5% of 100000 at the 1% trailing start (500.10 a BTC): 2.999 BTC.
        assertEquals(2999, filled.order.quantity);
        assertEquals(OrderStatus.FILLED, filled.order.status);
        expect(ResultCode.ACCEPTED, driver.quote("BTCUSD", "51000.00", "51010.00"));
        driver.digest();  // a snapshot round trip: the same digest, the same bytes
    }

    @Test
    void aSizeTypeChangedAloneIsCheckedWithTheSizeValueItInherits()
    {
        final EngineDriver driver = driver();
        expect(ResultCode.CREATED, create(driver, 0, ExpertBodies.SIZE_FIXED, "150", "0", "0"));
        // 150 lots fixed is fine; made risk_based it would be a risk of 150% of equity on every order
        final CommandEvent riskBased = strategy(driver, ExpertBodies.HAS_SIZE_TYPE, 0, ExpertBodies.SIZE_RISK_BASED);
        expect(ResultCode.VALIDATION_ERROR, riskBased);
        assertEquals("size_value", riskBased.resultField);
        final CommandEvent percentEquity = strategy(driver, ExpertBodies.HAS_SIZE_TYPE, 0, ExpertBodies.SIZE_PERCENT_EQUITY);
        expect(ResultCode.VALIDATION_ERROR, percentEquity);
        assertEquals("size_value", percentEquity.resultField);
    }

    @Test
    void aTakeProfitPctOfAHundredIsRefusedAsNoSellCouldHonourIt()
    {
        final EngineDriver driver = driver();
        final CommandEvent event = new CommandEvent();
        final BodyWriter body = driver.begin(event, CommandType.CREATE_EXPERT);
        body.putString("paper-1").putString("My Strategy").putString("1h").putLong(1001);
        ExpertBodies.encodeStrategy(body, "BTCUSD", ExpertBodies.HAS_SYMBOL | ExpertBodies.HAS_TAKE_PROFIT_PCT, 0, 0, 0, 0, 0, wire("100"), 0);
        driver.finish(event);
        expect(ResultCode.VALIDATION_ERROR, driver.apply(event));
        assertEquals("take_profit_pct", event.resultField);
    }

    @Test
    void aDrawdownSetWhileRunningMeasuresFromTheHighestEquitySinceTheStart()
    {
        final EngineDriver driver = driver();
        expect(ResultCode.CREATED, create(driver, 0, ExpertBodies.SIZE_FIXED, "1", "0", "0"));
        expect(ResultCode.OK, control(driver, "exp_1", ExpertBodies.START));  // peak 100000
        expect(ResultCode.CREATED, driver.apply(order(driver, "exp_1", Side.BUY, new CommandEvent())));  // 1 BTC at 50010.00
        expect(ResultCode.ACCEPTED, driver.quote("BTCUSD", "60000.00", "60010.00"));  // equity 109990
        expect(ResultCode.OK, strategy(driver, ExpertBodies.HAS_MAX_DRAWDOWN, wire("5"), 0));
        // 103990 is 5.45% below the 109990 peak (but only 3.99% above the 100000 at the start): the expert stops
        expect(ResultCode.ACCEPTED, driver.quote("BTCUSD", "54000.00", "54010.00"));
        expect(ResultCode.EXPERT_STOPPED, driver.apply(order(driver, "exp_1", Side.BUY, new CommandEvent())));
        driver.digest();
    }

    @Test
    void expertOrdersAllocateNothingInSteadyState()
    {
        final EngineDriver driver = driver();
        expect(ResultCode.CREATED, create(driver, ExpertBodies.HAS_STOP_LOSS_PCT, ExpertBodies.SIZE_FIXED, "0.01", "2", "0"));
        expect(ResultCode.OK, control(driver, "exp_1", ExpertBodies.START));
        final CommandEvent[] events = new CommandEvent[64];
        for (int i = 0; i < events.length; i++)
        {
            events[i] = order(driver, "exp_1", i % 2 == 0 ? Side.BUY : Side.SELL, new CommandEvent());
        }
        final Runnable batch = () ->
        {
            for (int i = 0; i < MEASURED; i++)
            {
                driver.engine.apply(events[i & 63]);
            }
        };
        batch.run();
        batch.run();
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        final long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        batch.run();
        final long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        System.out.printf("expert orders: %d bytes allocated for %d orders%n", allocated, MEASURED);
        assertEquals(ResultCode.CREATED, events[MEASURED - 1 & 63].result, String.valueOf(events[MEASURED - 1 & 63].resultMessage));
        assertEquals(10, events[MEASURED - 1 & 63].order.quantity, "0.01 BTC (3 digits), fixed");
        assertTrue(allocated < BOUND_BYTES, allocated + " bytes allocated by " + MEASURED + " expert orders");
    }
}
