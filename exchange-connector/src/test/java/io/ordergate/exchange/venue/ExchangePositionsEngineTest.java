package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.EngineSnapshot;

/**
 * EXCHANGE_POSITIONS ({@link ExchangePositionFlow}) on the engine thread: a symbol the account still has a working order
 * in is left alone until the order ends (routed, unknown after a restart, across a snapshot and a replay too), also when
 * the order is older than every order the engine's table remembers, and a read allocates nothing once warm.
 */
class ExchangePositionsEngineTest
{
    /** Orders of another account after the old open one: more than the driver's order table (64) remembers. */
    private static final int OTHER_ORDERS = 100;
    private static final int CYCLES = 2000;

    private final ExchangeDriver driver = new ExchangeDriver();

    @Test
    void shouldLeaveAnOldWorkingOrdersSymbolAloneAmongAnotherAccountsOrders()
    {
        driver.futuresAccount("bn-1");
        driver.exchangeAccount("bn-2");
        driver.quote("65000.00", "65001.00");
        fill(driver, driver.order("bn-1", Side.BUY, "0.01"), "0.01");
        assertEquals(OrderStatus.ROUTED, driver.order("bn-1", Side.BUY, "0.001").order.status, "bn-1's old order, still working");
        for (int i = 0; i < OTHER_ORDERS; i++)
        {
            fill(driver, driver.order("bn-2", Side.BUY, "0.001"), "0.001");
        }

        final CommandEvent read = positions(driver, "0.02");

        assertEquals(ResultCode.OK, read.result);
        assertEquals(quantity(driver, "0.01"), netOf(driver), "BTCUSDT has a working order, older than " + OTHER_ORDERS
            + " orders of another account: left alone");
    }

    @Test
    void shouldLeaveASymbolAloneWhileAnOrderInItWorksAndDecideTheSameOnReplay()
    {
        driver.futuresAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        fill(driver, driver.order("bn-1", Side.BUY, "0.01"), "0.01");
        final CommandEvent working = driver.order("bn-1", Side.BUY, "0.005");

        positions(driver, "0.02");
        final long whileRouted = netOf(driver);
        driver.command(CommandType.EXCHANGE_RECOVER, body -> { });
        assertEquals(OrderStatus.UNKNOWN, driver.engine.context().orders().get(working.order.orderId).status, "a restart's recovery");
        positions(driver, "0.02");
        final long whileUnknown = netOf(driver);
        driver.report("bn-1", working.order.orderId, ExchangeBodies.STATUS_CANCELLED, "0", "0", "9");
        positions(driver, "0.02");

        assertEquals(quantity(driver, "0.01"), whileRouted, "a routed order's own report will bring its fills");
        assertEquals(quantity(driver, "0.01"), whileUnknown, "an order unknown after a restart is still working");
        assertEquals(quantity(driver, "0.02"), netOf(driver), "the order ended: the missed 0.01 is booked");
        final ExchangeDriver replayed = new ExchangeDriver();
        driver.journal.forEach(replayed::replay);
        assertEquals(quantity(replayed, "0.02"), netOf(replayed));
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest(), "the same journal decides the same");
    }

    @Test
    void shouldStillKnowAWorkingOrderAfterASnapshot()
    {
        driver.futuresAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        fill(driver, driver.order("bn-1", Side.BUY, "0.01"), "0.01");
        final CommandEvent working = driver.order("bn-1", Side.BUY, "0.005");
        final ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        EngineSnapshot.write(driver.engine, snapshot);
        final ExchangeDriver restored = new ExchangeDriver();
        EngineSnapshot.read(restored.engine, new ByteArrayInputStream(snapshot.toByteArray()));

        positions(restored, "0.02");
        final long whileWorking = netOf(restored);
        restored.report("bn-1", working.order.orderId, ExchangeBodies.STATUS_CANCELLED, "0", "0", "9");
        positions(restored, "0.02");

        assertEquals(quantity(restored, "0.01"), whileWorking, "the order routed before the snapshot still works");
        assertEquals(quantity(restored, "0.02"), netOf(restored), "once it ended the read is applied");
    }

    @Test
    void shouldAllocateNothingPerReadOnceWarm()
    {
        driver.futuresAccount("bn-1");
        driver.quote("65000.00", "65001.00");
        fill(driver, driver.order("bn-1", Side.BUY, "0.01"), "0.01");
        cycles(CYCLES, null);  // warm: every order slot used, the account's counts made

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocated = cycles(CYCLES, threads);
        System.out.println("positions cycles: " + allocated + " bytes allocated on the engine path for " + CYCLES + " cycles");
        // as ExchangeAllocationTest: under one byte per command, not exactly 0 (the JIT may allocate a few bytes once)
        assertTrue(allocated < CYCLES * 8, allocated + " bytes for " + CYCLES * 8 + " commands");
    }

    /**
     * A buy routed, a read while it works, its fill, a read that agrees; the same with a sell. Frames prepared first,
     * only the engine's apply measured when asked.
     */
    private long cycles(final int count, final com.sun.management.ThreadMXBean threads)
    {
        final CommandEvent[] events = new CommandEvent[count * 8];
        final long firstOrderId = driver.engine.context().orders().nextOrderId();
        for (int i = 0; i < count; i++)
        {
            final long buy = firstOrderId + 2L * i;
            events[i * 8] = driver.prepare(d -> d.order("bn-1", Side.BUY, "0.01"));
            events[i * 8 + 1] = driver.prepare(d -> positions(d, "0.01"));
            events[i * 8 + 2] = driver.prepare(d -> d.report("bn-1", buy, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", Long.toString(buy)));
            events[i * 8 + 3] = driver.prepare(d -> positions(d, "0.02"));
            events[i * 8 + 4] = driver.prepare(d -> d.order("bn-1", Side.SELL, "0.01"));
            events[i * 8 + 5] = driver.prepare(d -> positions(d, "0.02"));
            events[i * 8 + 6] = driver.prepare(d -> d.report("bn-1", buy + 1, ExchangeBodies.STATUS_FILLED, "0.01", "650.00",
                Long.toString(buy + 1)));
            events[i * 8 + 7] = driver.prepare(d -> positions(d, "0.01"));
        }
        final long allocated = driver.applyAll(events, threads);
        for (int i = 0; i < count * 8; i++)
        {
            assertEquals(i % 4 == 0 ? ResultCode.CREATED : ResultCode.OK, events[i].result, "command " + i % 8 + " of cycle " + i / 8);
        }
        assertEquals(quantity(driver, "0.01"), netOf(driver), "every read agreed or was left alone: nothing booked");
        return allocated;
    }

    private static void fill(final ExchangeDriver driver, final CommandEvent order, final String quantity)
    {
        assertEquals(OrderStatus.ROUTED, order.order.status);
        driver.report(order.order.accountId, order.order.orderId, ExchangeBodies.STATUS_FILLED, quantity, "650.00",
            Long.toString(order.order.orderId));
    }

    /** bn-1's position read from the exchange, started after every fill so far: BTCUSDT alone, at 65000. */
    private static CommandEvent positions(final ExchangeDriver driver, final String net)
    {
        return driver.command(CommandType.EXCHANGE_POSITIONS, body ->
        {
            ExchangeBodies.positionsHeader(body, "bn-1", driver.now + 1, 1);
            ExchangeBodies.position(body, "BTCUSDT", wire(net), wire("65000"), wire("65000"));
            ExchangeBodies.positionsHeldBothSides(body, List.of());
        });
    }

    private static long netOf(final ExchangeDriver driver)
    {
        return driver.engine.context().accounts().find("bn-1").positions[0].quantity;
    }

    /** A quantity at the instrument's digits, as positions hold it. */
    private static long quantity(final ExchangeDriver driver, final String decimal)
    {
        return io.ordergate.fixed.FixedPoint.parse(decimal, driver.engine.context().instruments().get(0).quantityDigits);
    }

    private static long wire(final String decimal)
    {
        return ExchangeDriver.wire(decimal);
    }
}
