package io.ordergate.engine.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.ordergate.engine.command.OrderStatus;

/**
 * An open order displaced from its slot is found by id in a bounded number of steps, however many are displaced: every
 * command about an old open order (a venue's report, a cancel, an amend) looks it up on the engine thread.
 */
class DisplacedOrderLookupTest
{
    private static Order place(final Orders orders, final OrderStatus status)
    {
        final Order order = orders.allocate();
        order.accountIndex = 0;
        order.instrumentIndex = 0;
        order.status = status;
        return order;
    }

    @Test
    void aDisplacedOrderIsFoundInAFewStepsWhenTheOverflowIsFull()
    {
        final Orders orders = new Orders(1024, 1);  // 128 overflow places
        final List<Order> open = new ArrayList<>();
        for (int i = 0; i < 128; i++)
        {
            open.add(place(orders, OrderStatus.ACCEPTED));
        }
        for (int i = 0; i < 1024; i++)
        {
            place(orders, OrderStatus.FILLED);  // ids 1025..1152 displace 1..128
        }
        assertEquals(128, orders.overflowCount());

        final long before = orders.displacedPlacesLookedAt();
        for (final Order order : open)
        {
            assertSame(order, orders.get(order.orderId));
        }
        final long perLookup = (orders.displacedPlacesLookedAt() - before) / open.size();
        assertTrue(perLookup <= 2, "places looked at per lookup of a displaced order: " + perLookup + " (a scan of the list: 64)");
        assertNull(orders.get(1153), "not made yet");
    }

    /** Orders displaced, done, reclaimed and displaced again at random: each lookup answers as a scan of the list did. */
    @Test
    void everyOpenOrderIsFoundAndEveryForgottenOneIsNotThroughDisplacementsAndReclaims()
    {
        final Orders orders = new Orders(16, 1);  // 16 overflow places: the index's deletions wrap and shift
        final Random random = new Random(11);
        final List<Order> open = new ArrayList<>();
        final List<Long> made = new ArrayList<>();
        for (int round = 0; round < 20_000; round++)
        {
            if (!open.isEmpty() && (random.nextInt(3) == 0 || !orders.canAllocate()))
            {
                open.remove(random.nextInt(open.size())).status = OrderStatus.CANCELLED;
            }
            else if (orders.canAllocate())
            {
                final Order order = place(orders, random.nextInt(4) == 0 ? OrderStatus.ACCEPTED : OrderStatus.FILLED);
                made.add(order.orderId);
                if (order.status == OrderStatus.ACCEPTED)
                {
                    open.add(order);
                }
            }
            for (final Order order : open)
            {
                assertSame(order, orders.get(order.orderId), "round " + round + ": open order " + order.orderId);
            }
            for (int back = 0; back < orders.overflowCount(); back++)
            {
                final long displacedId = orders.idAt(orders.rememberedSpan() - 1 - back);
                assertEquals(displacedId, orders.get(displacedId).orderId, "round " + round + ": displaced and done, not yet reclaimed");
            }
        }
        final long oldestInSlots = orders.nextOrderId() - orders.capacity();
        for (final long id : made)
        {
            final Order found = orders.get(id);
            assertTrue(found == null || found.orderId == id, "order " + id + " answered by " + (found == null ? 0 : found.orderId));
            assertTrue(found != null || id < oldestInSlots, "order " + id + " is in the last capacity ids, yet forgotten");
        }
    }
}
