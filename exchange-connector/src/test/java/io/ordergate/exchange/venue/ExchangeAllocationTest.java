package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;

/**
 * The engine thread's steady state on an exchange account allocates nothing: an order routed (its outbox record
 * names the account's client-order-id namespace, made once), the exchange's fill report booked, the closing order
 * and its fill. Frames are encoded before measuring; only {@code apply} is measured.
 */
class ExchangeAllocationTest
{
    private static final int CYCLES = 2000;

    @Test
    void shouldAllocateNothingPerOrderCycleOnceWarm()
    {
        final ExchangeDriver driver = new ExchangeDriver();
        assertEquals(ResultCode.CREATED, driver.exchangeAccount("bn-1").result);
        driver.quote("65000.00", "65001.00");
        final CommandEvent first = driver.order("bn-1", Side.BUY, "0.01");
        final List<ExchangeOutbox.Record> sent = ExchangeOutbox.read(first);
        assertEquals(1, sent.size());
        assertEquals(ExchangeAccounts.namespace(ExchangeDriver.START_MICROS), sent.get(0).namespace());
        driver.report("bn-1", first.order.orderId, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "1");
        cycles(driver, CYCLES, null);  // warm: every order slot, trade slot and buffer used at least once

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocated = cycles(driver, CYCLES, threads);
        System.out.println("exchange order cycles: " + allocated + " bytes allocated on the engine path for " + CYCLES + " cycles");
        // Under one byte per command: any object made per command would be at least 16 bytes x 8,000 commands.
        // Not exactly 0: the JIT occasionally allocates a few bytes once (e.g. 72 bytes on a deoptimization).
        assertTrue(allocated < CYCLES * 4, allocated + " bytes for " + CYCLES * 4 + " commands");
    }

    /** Buy, its fill, sell, its fill; with frames prepared first, measuring only the engine's apply when asked. */
    private static long cycles(final ExchangeDriver driver, final int count, final com.sun.management.ThreadMXBean threads)
    {
        final CommandEvent[] events = new CommandEvent[count * 4];
        final long firstOrderId = driver.engine.context().orders().nextOrderId();
        for (int i = 0; i < count; i++)
        {
            final long buy = firstOrderId + 2L * i;
            events[i * 4] = driver.prepare(d -> d.order("bn-1", Side.BUY, "0.01"));
            events[i * 4 + 1] = driver.prepare(d -> d.report("bn-1", buy, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", Long.toString(buy)));
            events[i * 4 + 2] = driver.prepare(d -> d.order("bn-1", Side.SELL, "0.01"));
            events[i * 4 + 3] = driver.prepare(d -> d.report("bn-1", buy + 1, ExchangeBodies.STATUS_FILLED, "0.01", "650.00",
                Long.toString(buy + 1)));
        }
        final long allocated = driver.applyAll(events, threads);
        for (int i = 0; i < count; i++)
        {
            assertEquals(ResultCode.CREATED, events[i * 4].result);
            assertEquals(OrderStatus.ROUTED, events[i * 4].order.status);
            assertEquals(1, events[i * 4].outboxCount, "routed to the connector");
            assertEquals(ResultCode.OK, events[i * 4 + 1].result);
            assertEquals(OrderStatus.FILLED, events[i * 4 + 3].order.status);
        }
        return allocated;
    }
}
