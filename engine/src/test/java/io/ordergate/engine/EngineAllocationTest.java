package io.ordergate.engine;

import static io.ordergate.engine.EngineDriver.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.ordergate.config.ConfigLoader;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.OrderType;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * Bytes this thread allocates around many {@code engine.apply} calls, after warm-up, with every event prepared
 * before measuring.
 *
 * <pre>
 *   prepare events ─► warm-up: apply them W times ─► allocated(thread) ─► apply N ─► allocated(thread)
 * </pre>
 * The bound is per batch: {@link #BOUND_BYTES} over {@link #MEASURED} commands is under one byte a command, so
 * any per-command allocation (an array, a String, a boxed long: 16 bytes or more) fails it.
 */
class EngineAllocationTest
{
    private static final int WARM_UP_ROUNDS = 10;
    private static final int MEASURED = 20_000;
    private static final long BOUND_BYTES = 4 * 1024;

    private static com.sun.management.ThreadMXBean threads;

    @BeforeAll
    static void allocationCountingIsOn()
    {
        threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        assertTrue(threads.isThreadAllocatedMemoryEnabled());
    }

    private static EngineDriver driver()
    {
        // Tables big enough that neither orders nor trades wrap into anything but reuse during the run.
        final String yaml = EngineDriver.CONFIG.replace("max_orders: 1024, max_trades: 1024", "max_orders: 4096, max_trades: 4096");
        final EngineDriver driver = new EngineDriver(ConfigLoader.parse(yaml, "allocation"));
        expect(ResultCode.CREATED, driver.createAccount("paper-1", "USD", "100000000", 100));
        driver.setRisk("paper-1", "max_orders_per_second", "1000000");
        expect(ResultCode.ACCEPTED, driver.quote("EURUSD", "1.08420", "1.08428"));
        return driver;
    }

    @Test
    void newMarketOrdersAllocateNothingInSteadyState()
    {
        final EngineDriver driver = driver();
        final CommandEvent[] events = new CommandEvent[64];
        for (int i = 0; i < events.length; i++)
        {
            final Side side = i % 2 == 0 ? Side.BUY : Side.SELL;
            events[i] = driver.order("paper-1", side, OrderType.MARKET, "EURUSD", "0.10").stopLossPips("50").encode(new CommandEvent());
        }
        final Runnable batch = () ->
        {
            for (int i = 0; i < MEASURED; i++)
            {
                driver.engine.apply(events[i & 63]);
            }
        };
        for (int i = 0; i < WARM_UP_ROUNDS; i++)
        {
            batch.run();
        }
        final long allocated = allocatedBy(batch);
        System.out.printf("new market orders: %d bytes allocated for %d orders (%.3f per order)%n",
            allocated, MEASURED, (double)allocated / MEASURED);
        assertEquals(ResultCode.CREATED, events[MEASURED - 1 & 63].result);
        assertEquals(OrderStatus.FILLED, events[MEASURED - 1 & 63].order.status);
        assertTrue(allocated < BOUND_BYTES, allocated + " bytes allocated by " + MEASURED + " orders");
    }

    @Test
    void quotesOverARestingBookAllocateNothingInSteadyState()
    {
        final EngineDriver driver = driver();
        for (int i = 0; i < 100; i++)
        {
            // resting far away from the quotes below, so nothing fills and the book stays the same
            expect(ResultCode.CREATED, driver.limit("paper-1", Side.BUY, "EURUSD", "0.01", "1.0" + (5000 + i)));
        }
        driver.order("paper-1", Side.BUY, OrderType.MARKET, "EURUSD", "0.10").stopLoss("1.04000").takeProfit("1.20000").send();
        final CommandEvent[] events = new CommandEvent[64];
        final BodyWriter writer = new BodyWriter();
        for (int i = 0; i < events.length; i++)
        {
            events[i] = new CommandEvent();
            events[i].reset(CommandType.QUOTES);
            events[i].header(-1, driver.now() + i, i, 4);
            writer.wrap(events[i].frame, io.ordergate.engine.command.CommandFrame.BODY_OFFSET);
            CommandBodies.quotesHeader(writer, 1);
            CommandBodies.quote(writer, "EURUSD", EngineDriver.wire("1.084") + i * 1000L, EngineDriver.wire("1.0841") + i * 1000L);
            events[i].bodyLength(writer.length());
        }
        final Runnable batch = () ->
        {
            for (int i = 0; i < MEASURED; i++)
            {
                driver.engine.apply(events[i & 63]);
            }
        };
        for (int i = 0; i < WARM_UP_ROUNDS; i++)
        {
            batch.run();
        }
        final long allocated = allocatedBy(batch);
        System.out.printf("quotes over 100 resting orders: %d bytes allocated for %d quotes (%.3f per quote)%n",
            allocated, MEASURED, (double)allocated / MEASURED);
        assertEquals(ResultCode.ACCEPTED, events[63].result);
        assertTrue(Json.matches(driver.account("paper-1").get("open_orders"), "100"), "the book is still there");
        assertTrue(allocated < BOUND_BYTES, allocated + " bytes allocated by " + MEASURED + " quotes");
    }

    private static long allocatedBy(final Runnable work)
    {
        final long threadId = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(threadId);
        work.run();
        return threads.getThreadAllocatedBytes(threadId) - before;
    }
}
