package io.ordergate.mt5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.ResultCode;

/**
 * The engine thread's steady state on an mt5 account allocates nothing: heartbeat, order routed as OPEN_POSITION,
 * its executed result, the trade close report. Frames are encoded before measuring; only {@code apply} is measured.
 */
class Mt5AllocationTest
{
    private static final int CYCLES = 2000;

    @Test
    void shouldAllocateNothingPerOrderCycleOnceWarm()
    {
        final Mt5Driver driver = new Mt5Driver();
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        driver.quote("1.08420", "1.08428");
        cycles(driver, CYCLES);  // warm: every command slot, ticket slot and buffer used at least once

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocated = cyclesMeasured(driver, CYCLES, threads);
        System.out.println("mt5 order cycles: " + allocated + " bytes allocated on the engine path for " + CYCLES + " cycles");
        // Under one byte per command: any object made per command would be at least 16 bytes x 8,000 commands.
        // Not exactly 0: the JIT occasionally allocates a few bytes once (e.g. 72 bytes on a deoptimization).
        assertTrue(allocated < CYCLES * 4, allocated + " bytes for " + CYCLES * 4 + " commands");
    }

    /**
     * An executor whose account was deleted may keep reporting (it does not know): each report is refused 409 with one
     * message, and the refusal allocates nothing either (it used to build the message per report).
     */
    @Test
    void shouldAllocateNothingRefusingTradeReportsOfADeletedAccount()
    {
        final Mt5Driver driver = new Mt5Driver();
        driver.mt5Account("mt5-1");
        driver.createExecutor("exe-1", "mt5-1");
        assertEquals(ResultCode.OK, driver.deleteAccount("mt5-1").result);
        for (int i = 0; i < CYCLES; i++)
        {
            assertEquals(ResultCode.CONFLICT, driver.tradeClose("exe-1", 7_000 + i, "1", "0", "0").result);
        }

        final CommandEvent[] events = new CommandEvent[CYCLES];
        for (int i = 0; i < CYCLES; i++)
        {
            final long ticket = 9_000 + i;
            events[i] = driver.prepare(d -> d.tradeClose("exe-1", ticket, "1", "0", "0"));
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (final CommandEvent event : events)
        {
            driver.engine.apply(event);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        for (final CommandEvent event : events)
        {
            assertEquals(ResultCode.CONFLICT, event.result, event.resultMessage);
            assertTrue(event.resultMessage.contains("was deleted"), event.resultMessage);
        }
        System.out.println("deleted account's trade reports: " + allocated + " bytes allocated on the engine path for " + CYCLES + " refusals");
        assertTrue(allocated < CYCLES, allocated + " bytes for " + CYCLES + " refused reports");
    }

    private static void cycles(final Mt5Driver driver, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            driver.heartbeat("exe-1");
            final CommandEvent order = driver.buy("mt5-1", "0.10");
            assertEquals(ResultCode.CREATED, order.result);
            final long ticket = 1_000_000 + driver.now;
            driver.result("exe-1", "ord_" + order.order.orderId, true, ticket, "1.08428", "0.10", null);
            driver.tradeClose("exe-1", ticket, "1", "0", "0");
            driver.now += 1000;
        }
    }

    /** The same cycle with frames prepared first, measuring only the engine's apply. */
    private static long cyclesMeasured(final Mt5Driver driver, final int count, final com.sun.management.ThreadMXBean threads)
    {
        final CommandEvent[] events = new CommandEvent[count * 4];
        final long firstOrderId = driver.engine.context().orders().nextOrderId();
        for (int i = 0; i < count; i++)
        {
            final long ticket = 5_000_000 + i;
            events[i * 4] = driver.prepare(d -> d.heartbeat("exe-1"));
            events[i * 4 + 1] = driver.prepare(d -> d.buy("mt5-1", "0.10"));
            final long orderId = firstOrderId + i;
            events[i * 4 + 2] = driver.prepare(d -> d.result("exe-1", "ord_" + orderId, true, ticket, "1.08428", "0.10", null));
            events[i * 4 + 3] = driver.prepare(d -> d.tradeClose("exe-1", ticket, "1", "0", "0"));
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (final CommandEvent event : events)
        {
            driver.engine.apply(event);
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        for (int i = 0; i < count; i++)
        {
            assertEquals(ResultCode.OK, events[i * 4 + 2].result);
        }
        assertEquals(CommandType.TRADE_REPORT, events[3].type);
        return allocated;
    }
}
