package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.OrderStatus;
import io.ordergate.engine.command.ResultCode;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.snapshot.EngineSnapshot;

/**
 * A close of an exchange account's position while other closes of it are still working at the exchange
 * ({@link PendingCloses}): what it decides (409 beyond the position, naming the newest working close; closes that fit
 * go out; an ended close no longer counts, across a snapshot and a replay too) and what it costs the engine thread,
 * which must not grow with the orders the engine remembers: only with the account's own working closes.
 */
class PendingClosesEngineTest
{
    /** Orders of another account after the old open one: more than the driver's order table (64) remembers. */
    private static final int OTHER_ORDERS = 100;
    private static final int CLOSE_CYCLES = 2000;

    private final ExchangeDriver driver = new ExchangeDriver();

    @Test
    void shouldLookOnlyAtTheAccountsWorkingClosesHoweverManyOrdersTheEngineRemembers()
    {
        final long positionId = openPositionWithAnOldOpenOrder();

        final long looked = lookedAt(driver);
        final CommandEvent first = close(driver, positionId, "0.005");
        final long firstCost = lookedAt(driver) - looked;
        final CommandEvent second = close(driver, positionId, "0.005");
        final long secondCost = lookedAt(driver) - looked - firstCost;
        final CommandEvent beyond = close(driver, positionId, "0.001");
        final long beyondCost = lookedAt(driver) - looked - firstCost - secondCost;
        System.out.println("orders looked at per close, with 0, 1 and 2 working closes on the account: " + firstCost + ", " + secondCost + ", "
            + beyondCost);

        assertEquals(OrderStatus.ROUTED, first.order.status, "half the position fits");
        assertEquals(OrderStatus.ROUTED, second.order.status, "the other half fits beside the first");
        assertEquals(ResultCode.CONFLICT, beyond.result, "nothing is left to close: " + beyond.order.rejectMessage);
        assertTrue(beyond.order.rejectMessage.contains("already being closed by order " + second.order.orderId), beyond.order.rejectMessage);
        assertTrue(firstCost <= 0 && secondCost <= 1 && beyondCost <= 2,
            "a close looks at the account's working closes only, not at the " + OTHER_ORDERS + " orders of another account: " + firstCost + ", "
                + secondCost + ", " + beyondCost);
    }

    @Test
    void shouldCountOnlyClosesStillWorkingAndDecideTheSameOnReplay()
    {
        final long positionId = openPositionWithAnOldOpenOrder();
        final CommandEvent first = close(driver, positionId, "0.005");
        final CommandEvent second = close(driver, positionId, "0.004");
        driver.report("bn-1", first.order.orderId, ExchangeBodies.STATUS_FILLED, "0.005", "325.00", "11");

        final CommandEvent beyond = close(driver, positionId, "0.002");
        final CommandEvent rest = close(driver, positionId, "0.001");
        driver.report("bn-1", second.order.orderId, ExchangeBodies.STATUS_CANCELLED, "0", "0", "12");
        final CommandEvent whole = close(driver, positionId, "0.004");

        assertEquals(ResultCode.CONFLICT, beyond.result, "0.004 working + 0.002 > the 0.005 left: " + beyond.order.rejectMessage);
        assertTrue(beyond.order.rejectMessage.contains("already being closed by order " + second.order.orderId), beyond.order.rejectMessage);
        assertEquals(OrderStatus.ROUTED, rest.order.status, "0.004 working + 0.001 fit the 0.005 left");
        assertEquals(OrderStatus.ROUTED, whole.order.status, "the cancelled close no longer counts: 0.001 working + 0.004 fit");
        final ExchangeDriver replayed = new ExchangeDriver();
        driver.journal.forEach(replayed::replay);
        assertEquals(driver.engine.stateDigest(), replayed.engine.stateDigest(), "the same journal decides the same closes");
    }

    @Test
    void shouldStillKnowAWorkingCloseAfterASnapshot()
    {
        final long positionId = openPositionWithAnOldOpenOrder();
        final CommandEvent first = close(driver, positionId, "0.01");
        final ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        EngineSnapshot.write(driver.engine, snapshot);
        final ExchangeDriver restored = new ExchangeDriver();
        EngineSnapshot.read(restored.engine, new ByteArrayInputStream(snapshot.toByteArray()));

        final CommandEvent again = close(restored, positionId, "0.01");

        assertEquals(ResultCode.CONFLICT, again.result, again.order.status + " " + again.order.rejectMessage);
        assertTrue(again.order.rejectMessage.contains("already being closed by order " + first.order.orderId), again.order.rejectMessage);
    }

    @Test
    void shouldAllocateNothingPerCloseOnceWarm()
    {
        final long positionId = openPositionWithAnOldOpenOrder();
        driver.order("bn-1", Side.BUY, "1");
        driver.report("bn-1", driver.engine.context().orders().nextOrderId() - 1, ExchangeBodies.STATUS_FILLED, "1", "65001.00", "2");
        closeCycles(positionId, CLOSE_CYCLES, null);  // warm: every order slot used, the account's list at its size

        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long allocated = closeCycles(positionId, CLOSE_CYCLES, threads);
        System.out.println("close cycles: " + allocated + " bytes allocated on the engine path for " + CLOSE_CYCLES + " cycles");
        // as ExchangeAllocationTest: under one byte per command, not exactly 0 (the JIT may allocate a few bytes once)
        assertTrue(allocated < CLOSE_CYCLES * 4, allocated + " bytes for " + CLOSE_CYCLES * 4 + " commands");
    }

    /** Two partial closes working at once, then both filled; frames prepared first, only the engine's apply measured when asked. */
    private long closeCycles(final long positionId, final int count, final com.sun.management.ThreadMXBean threads)
    {
        final CommandEvent[] events = new CommandEvent[count * 4];
        final long firstOrderId = driver.engine.context().orders().nextOrderId();
        for (int i = 0; i < count; i++)
        {
            final long close = firstOrderId + 2L * i;
            events[i * 4] = driver.prepare(d -> close(d, positionId, "0.0001"));
            events[i * 4 + 1] = driver.prepare(d -> close(d, positionId, "0.0001"));
            events[i * 4 + 2] = driver.prepare(d -> d.report("bn-1", close, ExchangeBodies.STATUS_FILLED, "0.0001", "6.50", Long.toString(close)));
            events[i * 4 + 3] = driver.prepare(d -> d.report("bn-1", close + 1, ExchangeBodies.STATUS_FILLED, "0.0001", "6.50",
                Long.toString(close + 1)));
        }
        final long allocated = driver.applyAll(events, threads);
        for (int i = 0; i < count * 2; i++)
        {
            assertEquals(OrderStatus.ROUTED, events[i / 2 * 4 + i % 2].order.status, "both closes fit the position and go out");
        }
        return allocated;
    }

    /**
     * bn-1 holds 0.01 BTC and an order the exchange never answered (working, the account's oldest open order), then
     * another account makes {@link #OTHER_ORDERS} orders; returns bn-1's position id.
     */
    private long openPositionWithAnOldOpenOrder()
    {
        driver.exchangeAccount("bn-1");
        driver.exchangeAccount("bn-2");
        driver.quote("65000.00", "65001.00");
        final long opened = driver.order("bn-1", Side.BUY, "0.01").order.orderId;
        driver.report("bn-1", opened, ExchangeBodies.STATUS_FILLED, "0.01", "650.01", "1");
        assertEquals(OrderStatus.ROUTED, driver.order("bn-1", Side.BUY, "0.001").order.status);
        for (int i = 0; i < OTHER_ORDERS; i++)
        {
            final long other = driver.order("bn-2", Side.BUY, "0.001").order.orderId;
            driver.report("bn-2", other, ExchangeBodies.STATUS_FILLED, "0.001", "65.00", Long.toString(other));
        }
        return account(driver).positions[0].positionId;
    }

    private static CommandEvent close(final ExchangeDriver driver, final long positionId, final String quantity)
    {
        return driver.command(CommandType.CLOSE_POSITION, body -> CommandBodies.closePosition(body, positionId, true, ExchangeDriver.wire(quantity)));
    }

    private static Account account(final ExchangeDriver driver)
    {
        return driver.engine.context().accounts().get(0);
    }

    private static long lookedAt(final ExchangeDriver driver)
    {
        return ((ExchangeVenue)driver.engine.context().venueOf(account(driver))).pendingCloses().ordersLookedAt();
    }
}
