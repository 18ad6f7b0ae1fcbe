package io.ordergate.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.AsciiView;
import io.ordergate.engine.command.OrderStatus;

/** The circular order table, its client order id index and the per-instrument resting lists. */
class OrdersTest
{
    private static Order place(final Orders orders, final int account, final String clientOrderId, final OrderStatus status)
    {
        final Order order = orders.allocate();
        order.accountIndex = account;
        order.instrumentIndex = 0;
        order.status = status;
        final byte[] bytes = clientOrderId.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, order.clientOrderId, 0, bytes.length);
        order.clientOrderIdLength = bytes.length;
        if (bytes.length > 0)
        {
            orders.indexClientOrderId(order);
        }
        return order;
    }

    private static AsciiView view(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return new AsciiView().wrap(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    @Test
    void doneOrdersAreForgottenWhenTheirSlotComesRound()
    {
        final Orders orders = new Orders(4, 1);
        final Order first = place(orders, 0, "a", OrderStatus.FILLED);
        for (int i = 0; i < 3; i++)
        {
            place(orders, 0, "", OrderStatus.FILLED);
        }
        final Order fifth = place(orders, 0, "", OrderStatus.FILLED);
        assertSame(first, fifth, "a done order's object is reused in place");
        assertEquals(5, fifth.orderId);
        assertNull(orders.get(1), "order 1 is forgotten");
        assertNull(orders.findByClientOrderId(0, view("a")), "and so is its client order id");
        assertSame(fifth, orders.get(5));
        assertNull(orders.get(6));
        assertNull(orders.get(0));
        assertSame(fifth, orders.newest(0));
        assertEquals(2, orders.newest(3).orderId);
        assertNull(orders.newest(4));
    }

    @Test
    void aReusedOrderObjectKeepsNothingOfTheOrderBefore()
    {
        final Orders orders = new Orders(2, 1);
        final Order first = place(orders, 0, "", OrderStatus.FILLED);
        first.trailingStopPct = 50_000_000;
        first.trailingStopDistance = 20;
        first.realizedPnl = -1234;
        first.closesPositionId = 7;
        first.termsFingerprint = 99;
        place(orders, 0, "", OrderStatus.FILLED);
        final Order third = place(orders, 0, "", OrderStatus.FILLED);
        assertSame(first, third);
        assertEquals(0, third.trailingStopPct);
        assertEquals(0, third.trailingStopDistance);
        assertEquals(0, third.realizedPnl);
        assertEquals(0, third.closesPositionId);
        assertEquals(0, third.termsFingerprint);
    }

    @Test
    void anOpenOrderIsDisplacedInsteadOfBlockingNewOrders()
    {
        final Orders orders = new Orders(4, 1);
        final Order resting = place(orders, 0, "keep", OrderStatus.ACCEPTED);
        for (int i = 0; i < 10; i++)
        {
            assertTrue(orders.canAllocate(), "order " + (i + 2));
            place(orders, 0, "", OrderStatus.FILLED);
        }
        assertSame(resting, orders.get(1), "the open order is still found by id");
        assertSame(resting, orders.findByClientOrderId(0, view("keep")), "and by client order id");
        assertEquals(1, orders.overflowCount());
        assertEquals(11, orders.newest(0).orderId);
        assertSame(resting, orders.newest(4), "listed after the last capacity ids, newest first");
        assertEquals(5, orders.rememberedSpan());
    }

    @Test
    void aDisplacedOrderIsForgottenOnlyOnceDoneAndItsPlaceIsNeeded()
    {
        final Orders orders = new Orders(4, 1);
        final List<Order> open = new ArrayList<>();
        // 4 slots and 16 overflow places: 20 open orders fit, the 21st has nowhere to go.
        for (int i = 0; i < 20; i++)
        {
            assertTrue(orders.canAllocate(), "order " + (i + 1));
            open.add(place(orders, 0, "o" + i, OrderStatus.ACCEPTED));
        }
        assertEquals(16, orders.overflowCount());
        assertFalse(orders.canAllocate(), "every slot and every overflow place holds an open order");

        open.get(3).status = OrderStatus.FILLED;
        assertTrue(orders.canAllocate(), "a done displaced order gives its place up");
        place(orders, 0, "", OrderStatus.FILLED);
        assertNull(orders.get(4), "order 4 (done, displaced) is forgotten");
        assertNull(orders.findByClientOrderId(0, view("o3")));
        assertSame(open.get(4), orders.get(5), "the others stay");
        assertSame(open.get(0), orders.findByClientOrderId(0, view("o0")));
    }

    @Test
    void clientOrderIdsArePerAccount()
    {
        final Orders orders = new Orders(16, 1);
        final Order a = place(orders, 0, "same", OrderStatus.FILLED);
        final Order b = place(orders, 1, "same", OrderStatus.FILLED);
        assertSame(a, orders.findByClientOrderId(0, view("same")));
        assertSame(b, orders.findByClientOrderId(1, view("same")));
        assertNull(orders.findByClientOrderId(2, view("same")));
        assertNull(orders.findByClientOrderId(0, view("sam")));
        assertNull(orders.findByClientOrderId(0, view("same2")));
    }

    @Test
    void forgettingClientOrderIdsKeepsEveryRemainingOneReachableThroughCollisions()
    {
        // 8 orders in 16 index slots over a thousand rounds: chains collide and wrap, so deletion must backward-shift.
        final Orders orders = new Orders(8, 1);
        final Random random = new Random(7);
        final List<String> live = new ArrayList<>();
        final List<Integer> accounts = new ArrayList<>();
        for (int round = 0; round < 5_000; round++)
        {
            final String clientOrderId = "c" + round + "-" + random.nextInt(1000);
            final int account = random.nextInt(3);
            place(orders, account, clientOrderId, OrderStatus.FILLED);
            live.add(clientOrderId);
            accounts.add(account);
            if (live.size() > 8)
            {
                final String forgotten = live.remove(0);
                assertNull(orders.findByClientOrderId(accounts.remove(0), view(forgotten)), "round " + round + ": " + forgotten);
            }
            for (int i = 0; i < live.size(); i++)
            {
                final Order found = orders.findByClientOrderId(accounts.get(i), view(live.get(i)));
                assertTrue(found != null && found.orderId == round + 1 - (live.size() - 1 - i), "round " + round + ": lost " + live.get(i));
            }
        }
    }

    @Test
    void restingOrdersKeepArrivalOrderThroughRemovalsAtHeadMiddleAndTail()
    {
        final Orders orders = new Orders(16, 2);
        final List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++)
        {
            final Order order = place(orders, 0, "", OrderStatus.ACCEPTED);
            orders.addResting(order);
            placed.add(order);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), resting(orders, 0));
        orders.removeResting(placed.get(2));
        orders.removeResting(placed.get(0));
        orders.removeResting(placed.get(4));
        assertEquals(List.of(2L, 4L), resting(orders, 0));
        orders.removeResting(placed.get(4));  // twice is harmless
        assertFalse(placed.get(4).isResting());
        final Order six = place(orders, 0, "", OrderStatus.ACCEPTED);
        orders.addResting(six);
        assertEquals(List.of(2L, 4L, 6L), resting(orders, 0));
        assertEquals(List.of(), resting(orders, 1));
        orders.removeResting(placed.get(1));
        orders.removeResting(placed.get(3));
        orders.removeResting(six);
        assertNull(orders.firstResting(0));
    }

    private static List<Long> resting(final Orders orders, final int instrument)
    {
        final List<Long> ids = new ArrayList<>();
        for (Order order = orders.firstResting(instrument); order != null; order = orders.nextResting(order))
        {
            ids.add(order.orderId);
        }
        return ids;
    }
}
