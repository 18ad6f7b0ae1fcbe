package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The orders channel's snapshot is what a client resyncs from after a reconnect. It holds the newest 1000 open orders
 * (read in slices of at most 32, so this one takes more than 30); when more rest, it says so ({@code "truncated": true}), so the client reads the
 * older ones with {@code GET /api/v1/orders?status=open} instead of losing them without a word.
 */
class StreamOrdersSnapshotTest
{
    private static final int RESTING = 1001;
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}";
    private static final String UNSUBSCRIBE = "{\"type\":\"unsubscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}";

    @TempDir
    Path dataDir;

    @Test
    void aSnapshotThatLeavesOpenOrdersOutSaysSo() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            String oldest = null;
            for (int i = 0; i < RESTING; i++)
            {
                final TestGateway.Reply resting = gateway.order(
                    "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"limit\",\"price\":1.0,\"quantity\":0.01}");
                assertEquals(201, resting.status(), resting::toString);
                oldest = oldest == null ? resting.json().path("order_id").asText() : oldest;
            }
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                final JsonNode data = timedSnapshot(user, "1000 resting and 1 left out");
                assertEquals(1000, data.path("orders").size(), "the newest 1000");
                assertTrue(data.path("truncated").asBoolean(), "an open order was left out: " + data.path("truncated"));
                final String left = oldest;
                assertTrue(java.util.stream.StreamSupport.stream(data.path("orders").spliterator(), false)
                    .noneMatch(order -> left.equals(order.path("order_id").asText())), "the oldest is the one left out");
                assertEquals(200, gateway.send("DELETE", "/api/v1/orders/" + oldest, null, TestGateway.ADMIN).status(), "cancelled");
                for (int again = 0; again < 20; again++)
                {
                    user.send(UNSUBSCRIBE);
                    final JsonNode whole = timedSnapshot(user, "1000 resting");
                    assertEquals(1000, whole.path("orders").size());
                    assertFalse(whole.has("truncated"), "every open order is in it: " + whole.path("truncated"));
                }
            }
        }
    }

    /** Subscribes and returns the snapshot's data, printing how long it took (docs/STREAMS.md quotes it; a wall time, not asserted). */
    private static JsonNode timedSnapshot(final StreamClient user, final String what) throws Exception
    {
        final long asked = System.nanoTime();
        user.send(SUBSCRIBE);
        final JsonNode data = user.nextMatching(message -> "snapshot".equals(message.path("type").asText()), 10).path("data");
        System.out.println("orders snapshot of " + what + ": " + (System.nanoTime() - asked) / 1_000 + " us");
        return data;
    }
}
