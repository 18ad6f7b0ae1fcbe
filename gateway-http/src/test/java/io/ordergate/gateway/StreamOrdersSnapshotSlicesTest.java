package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An orders snapshot is read in slices of at most 32 orders, other commands applied between them. Orders placed,
 * filled and cancelled on the account while the slices are read are each either in the snapshot or told after it,
 * never both and never neither: a client that applies the messages after its snapshot holds exactly the account's
 * open orders, and an order that never changed after it was placed is in the snapshot or in one message, once.
 */
class StreamOrdersSnapshotSlicesTest
{
    private static final int RESTING_BEFORE = 700;
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}";
    private static final String RESTING = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\",\"price\":1.0,"
        + "\"quantity\":0.01}";

    @TempDir
    Path dataDir;

    @Test
    void ordersPlacedFilledAndCancelledWhileTheSlicesAreReadAreNeitherLostNorDoubled() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final List<String> before = new ArrayList<>();
            for (int i = 0; i < RESTING_BEFORE; i++)
            {
                before.add(place(gateway, RESTING));
            }
            final Trader trader = new Trader(gateway, before);
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                final Thread trading = new Thread(trader, "trader");
                trading.start();
                while (trader.restingPlaced.size() < 5 && trader.failures.isEmpty())
                {
                    Thread.onSpinWait();  // the trader is under way before the snapshot's first slice
                }
                user.send(SUBSCRIBE);
                final JsonNode snapshot = user.nextOfType("snapshot", 30).path("data");
                trader.snapshotArrived.set(true);
                trader.stop.set(true);
                trading.join(30_000);
                final String last = place(gateway, RESTING);  // every change before it is told before it

                final Map<String, Integer> inSnapshot = new HashMap<>();
                final Map<String, String> status = new HashMap<>();
                for (final JsonNode order : snapshot.path("orders"))
                {
                    inSnapshot.merge(order.path("order_id").asText(), 1, Integer::sum);
                    status.put(order.path("order_id").asText(), order.path("status").asText());
                }
                final Map<String, Integer> told = new HashMap<>();
                JsonNode message;
                do
                {
                    message = user.nextOfType("order", 30).path("data");
                    told.merge(message.path("order_id").asText(), 1, Integer::sum);
                    status.put(message.path("order_id").asText(), message.path("status").asText());
                }
                while (!last.equals(message.path("order_id").asText()));

                final Set<String> heldByClient = new TreeSet<>();
                status.forEach((id, latest) ->
                {
                    if (!Set.of("filled", "cancelled", "rejected", "expired").contains(latest))
                    {
                        heldByClient.add(id);
                    }
                });
                assertEquals(List.of(), trader.failures, "the trader's orders and cancels were taken");
                assertEquals(openOrders(gateway), heldByClient, "the snapshot and the messages after it make the account's open orders");
                for (final String id : trader.restingPlaced)
                {
                    assertEquals(1, inSnapshot.getOrDefault(id, 0) + told.getOrDefault(id, 0), "order " + id + " once: in the snapshot or told");
                }
                for (final String id : before)
                {
                    final int snapshotted = inSnapshot.getOrDefault(id, 0);
                    if (trader.cancelled.contains(id))
                    {
                        // cancelled before its slice: in neither; after it: in the snapshot, then its cancel
                        assertEquals(snapshotted, told.getOrDefault(id, 0), "order " + id + " cancelled: told only if snapshotted");
                    }
                    else
                    {
                        assertEquals(List.of(1, 0), List.of(snapshotted, told.getOrDefault(id, 0)), "order " + id + " unchanged: in the snapshot only");
                    }
                }
                final long placedWhileRead = trader.placedBeforeSnapshotArrived.stream().filter(trader.restingPlaced::contains)
                    .filter(id -> !inSnapshot.containsKey(id)).count();
                System.out.println("orders placed while the snapshot was read: " + placedWhileRead);
                // a machine fast enough to read every slice before the trader's next order lands shows nothing of the race:
                // reported as skipped (what was asserted above held), not as a failure of the gateway
                assumeTrue(placedWhileRead > 0, "no order was placed while the snapshot was read: the race was not exercised this run");
            }
        }
    }

    /** Places resting and market orders on paper-1, and cancels the ones placed before, until stopped. */
    private static final class Trader implements Runnable
    {
        final AtomicBoolean snapshotArrived = new AtomicBoolean();
        final AtomicBoolean stop = new AtomicBoolean();
        final Set<String> placedBeforeSnapshotArrived = ConcurrentHashMap.newKeySet();
        final List<String> restingPlaced = new CopyOnWriteArrayList<>();
        final Set<String> cancelled = ConcurrentHashMap.newKeySet();
        final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private final TestGateway gateway;
        private final List<String> before;

        Trader(final TestGateway gateway, final List<String> before)
        {
            this.gateway = gateway;
            this.before = before;
        }

        @Override
        public void run()
        {
            try
            {
                for (int i = 0; !stop.get() && i < 400; i++)
                {
                    final String id = place(gateway, i % 3 == 2 ? marketOrder() : RESTING);
                    if (i % 3 != 2)
                    {
                        restingPlaced.add(id);
                    }
                    if (!snapshotArrived.get())
                    {
                        placedBeforeSnapshotArrived.add(id);
                    }
                    if (i % 4 == 0)
                    {
                        final String old = before.get(i / 4);
                        assertEquals(200, gateway.send("DELETE", "/api/v1/orders/" + old, null, TestGateway.ADMIN).status());
                        cancelled.add(old);
                    }
                }
            }
            catch (final Throwable failure)
            {
                failures.add(failure);
            }
        }
    }

    private static String marketOrder()
    {
        return "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}";
    }

    private static String place(final TestGateway gateway, final String order)
    {
        final TestGateway.Reply reply = gateway.order(order);
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().path("order_id").asText();
    }

    private static Set<String> openOrders(final TestGateway gateway)
    {
        final TestGateway.Reply open = gateway.get("/api/v1/orders?account_id=paper-1&status=open&limit=1000");
        assertEquals(200, open.status(), open::toString);
        final Set<String> ids = new TreeSet<>();
        open.json().path("orders").forEach(order -> ids.add(order.path("order_id").asText()));
        return ids;
    }
}
