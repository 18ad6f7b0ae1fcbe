package io.ordergate.benchmarks.drills;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Crashes: kill -9 in the middle of a stream of orders (every acknowledged order must come back, in the state its
 * 201 gave). Journal damage is {@link JournalDamageDrill}.
 */
final class CrashDrills
{
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String QUOTE = "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}";

    private final Drills.DrillSetup setup;

    CrashDrills(final Drills.DrillSetup setup)
    {
        this.setup = setup;
    }

    DrillResult killNine(final int trials, final int ordersPerTrial) throws IOException, InterruptedException
    {
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();  // order id -> status in its 201
        final AtomicInteger sent = new AtomicInteger();
        final Set<String> lost = ConcurrentHashMap.newKeySet();
        for (int trial = 0; trial < trials; trial++)
        {
            try (DrillGateway gateway = setup.start("kill9"))
            {
                missing(gateway, acknowledged, lost);  // what the previous kill may have lost
                gateway.call("POST", "/api/v1/quotes", QUOTE);
                final AtomicBoolean stop = new AtomicBoolean();
                final AtomicInteger acked = new AtomicInteger();
                final int first = trial * 1_000_000;
                final Thread sender = new Thread(() ->
                {
                    for (int i = first; !stop.get(); i++)
                    {
                        sent.incrementAndGet();
                        final HttpResponse<String> reply = gateway.call("POST", "/api/v1/orders", order(i));
                        if (reply != null && reply.statusCode() == 201)
                        {
                            final JsonNode json = read(reply.body());
                            acknowledged.put(json.path("order_id").asText(), json.path("status").asText());
                            acked.incrementAndGet();
                        }
                    }
                }, "kill9-sender");
                sender.start();
                while (acked.get() < ordersPerTrial && sender.isAlive())
                {
                    LockSupport.parkNanos(1_000_000L);
                }
                gateway.kill();  // while the sender is still sending
                stop.set(true);
                sender.join(30_000);
            }
        }
        try (DrillGateway gateway = setup.start("kill9"))
        {
            missing(gateway, acknowledged, lost);
        }
        return new DrillResult("kill9", trials, sent.get(), lost.size(), acknowledged.size() + " acknowledged orders, " + lost.size()
            + " lost or changed");
    }

    /** Adds to {@code lost} the acknowledged orders missing or in another state than their 201 said. */
    static void missing(final DrillGateway gateway, final Map<String, String> acknowledged, final Set<String> lost)
    {
        for (final Map.Entry<String, String> order : acknowledged.entrySet())
        {
            final HttpResponse<String> reply = gateway.call("GET", "/api/v1/orders/" + order.getKey(), null);
            if (reply == null || reply.statusCode() != 200 || !order.getValue().equals(read(reply.body()).path("status").asText()))
            {
                lost.add(order.getKey());
            }
        }
    }

    static String order(final int i)
    {
        return "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"" + (i % 2 == 0 ? "buy" : "sell")
            + "\",\"type\":\"market\",\"quantity\":0.01,\"client_order_id\":\"drill-" + i + "\"}";
    }

    static JsonNode read(final String body)
    {
        try
        {
            return JSON.readTree(body);
        }
        catch (final IOException ex)
        {
            return JSON.createObjectNode();
        }
    }
}
