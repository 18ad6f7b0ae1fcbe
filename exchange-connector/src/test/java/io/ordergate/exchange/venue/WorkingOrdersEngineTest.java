package io.ordergate.exchange.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.account.Account;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.command.Side;
import io.ordergate.engine.order.Order;
import io.ordergate.engine.order.Orders;
import io.ordergate.engine.snapshot.EngineSnapshot;

/**
 * {@link WorkingOrders} counts, per account and instrument, exactly the orders a walk over every order the engine
 * remembers finds working (what EXCHANGE_POSITIONS walked before), whatever ends them: fills, partial fills, cancels,
 * expiries, the exchange's refusals, a ban, a restart's recovery, closes; and so after a replay and a snapshot.
 */
class WorkingOrdersEngineTest
{
    private static final int STEPS = 3000;
    private static final String[] ACCOUNTS = {"bn-1", "bn-2"};

    private final ExchangeDriver driver = new ExchangeDriver();
    private final Random random = new Random(20261206);

    @Test
    void shouldCountWhatAWalkOverEveryRememberedOrderFinds()
    {
        driver.futuresAccount("bn-1");
        driver.exchangeAccount("bn-2");
        driver.quote("65000.00", "65001.00");
        int mostWorking = 0;
        for (int step = 0; step < STEPS; step++)
        {
            driver.now += 1_000;
            act();
            for (int account = 0; account < ACCOUNTS.length; account++)
            {
                final int walked = walked(driver, account).size();
                assertEquals(walked, counted(driver, account), "account " + account + " after step " + step);
                mostWorking = Math.max(mostWorking, walked);
            }
        }
        System.out.println("most orders of one account working at once: " + mostWorking);
        assertTrue(mostWorking >= 3, "the steps kept several orders working at once: " + mostWorking);

        final ExchangeDriver replayed = new ExchangeDriver();
        driver.journal.forEach(replayed::replay);
        final ByteArrayOutputStream snapshot = new ByteArrayOutputStream();
        EngineSnapshot.write(driver.engine, snapshot);
        final ExchangeDriver restored = new ExchangeDriver();
        EngineSnapshot.read(restored.engine, new ByteArrayInputStream(snapshot.toByteArray()));
        for (int account = 0; account < ACCOUNTS.length; account++)
        {
            assertEquals(counted(driver, account), counted(replayed, account), "replayed, account " + account);
            assertEquals(counted(driver, account), counted(restored, account), "restored from a snapshot, account " + account);
        }
    }

    /** One command: mostly orders and the exchange's word on a working one, now and then a ban, a close or a restart. */
    private void act()
    {
        final List<Order> working = walked(driver, random.nextInt(ACCOUNTS.length));
        final Order order = working.isEmpty() ? null : working.get(random.nextInt(working.size()));
        final int action = random.nextInt(20);
        if (order == null || action < 6)
        {
            driver.order(ACCOUNTS[random.nextInt(ACCOUNTS.length)], random.nextBoolean() ? Side.BUY : Side.SELL, "0.001");
        }
        else if (action < 14)
        {
            final int status = ExchangeBodies.STATUS_NEW + random.nextInt(ExchangeBodies.STATUS_REJECTED);
            final boolean whole = status == ExchangeBodies.STATUS_FILLED;
            final boolean part = !whole && random.nextBoolean();
            driver.report(order.accountId, order.orderId, status, whole ? "0.001" : part ? "0.0005" : "0", whole ? "65.00" : part ? "32.50" : "0",
                Long.toString(order.orderId));
        }
        else if (action < 17)
        {
            final int kind = action == 14 ? ExchangeBodies.REPORT_REJECTED : action == 15 ? ExchangeBodies.REPORT_UNKNOWN : ExchangeBodies.REPORT_UNAVAILABLE;
            // a ban of 2 ms: the next orders are refused before they are routed
            driver.command(CommandType.EXCHANGE_REPORT, body -> ExchangeBodies.report(body, order.accountId, order.orderId, kind, 0, 0, 0, "", "-1",
                "refused", driver.now / 1_000 + 2));
        }
        else if (action < 19)
        {
            final Account futures = driver.engine.context().accounts().find("bn-1");
            final long positionId = futures.positions[0].positionId;
            driver.command(CommandType.CLOSE_POSITION, body -> CommandBodies.closePosition(body, positionId, true, ExchangeDriver.wire("0.0005")));
        }
        else
        {
            driver.command(CommandType.EXCHANGE_RECOVER, body -> { });
        }
    }

    /** The account's working orders in BTCUSDT, as EXCHANGE_POSITIONS found them before: a walk over every remembered order. */
    private static List<Order> walked(final ExchangeDriver driver, final int accountIndex)
    {
        final List<Order> working = new ArrayList<>();
        final Orders orders = driver.engine.context().orders();
        for (int back = orders.rememberedSpan() - 1; back >= 0; back--)
        {
            final Order order = orders.newest(back);
            if (order != null && order.accountIndex == accountIndex && !order.status.isTerminal() && order.instrumentIndex == 0)
            {
                working.add(order);
            }
        }
        return working;
    }

    private static int counted(final ExchangeDriver driver, final int accountIndex)
    {
        final Account account = driver.engine.context().accounts().get(accountIndex);
        return ((ExchangeVenue)driver.engine.context().venueOf(account)).workingOrders().count(accountIndex, 0);
    }
}
