package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journal first, end to end: every order whose 201 reached the client is still there, in the same state, after
 * the gateway process is killed with SIGKILL in the middle of a stream of orders.
 */
class KillNineTest
{
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(final int port, final String method, final String path, final String body) throws Exception
    {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String order(final int i)
    {
        final String side = i % 2 == 0 ? "buy" : "sell";
        return i % 3 == 0
            ? "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"" + side + "\",\"type\":\"limit\",\"price\":" +
                (i % 2 == 0 ? "1.07" : "1.10") + ",\"quantity\":0.01,\"client_order_id\":\"k9-" + i + "\"}"
            : "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"" + side + "\",\"type\":\"market\",\"quantity\":0.01," +
                "\"client_order_id\":\"k9-" + i + "\"}";
    }

    @Test
    void everyAcknowledgedOrderSurvivesSigkill() throws Exception
    {
        final Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, TestGateway.CONFIG);
        final Path dataDir = dir.resolve("data");
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();  // order id -> status in its 201

        try (ChildGateway first = new ChildGateway(config, dataDir, dir.resolve("first.err")))
        {
            final int port = first.port();
            assertEquals(202, send(port, "POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}").statusCode());
            final CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
            final AtomicBoolean stop = new AtomicBoolean();
            final Thread sender = new Thread(() ->
            {
                for (int i = 0; !stop.get(); i++)
                {
                    try
                    {
                        final HttpResponse<String> reply = send(port, "POST", "/api/v1/orders", order(i));
                        if (reply.statusCode() == 201)
                        {
                            final JsonNode json = TestGateway.JSON.readTree(reply.body());
                            acknowledged.put(json.path("order_id").asText(), json.path("status").asText());
                            enough.countDown();
                        }
                    }
                    catch (final Exception ex)
                    {
                        return;  // the gateway is gone
                    }
                }
            }, "kill-nine-sender");
            sender.start();
            assertTrue(enough.await(60, TimeUnit.SECONDS), "orders were acknowledged: " + acknowledged.size());
            first.kill();  // while the sender is still sending
            stop.set(true);
            sender.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!sender.isAlive(), "sender stopped");
        }

        try (ChildGateway second = new ChildGateway(config, dataDir, dir.resolve("second.err")))
        {
            final int port = second.port();
            for (final Map.Entry<String, String> order : acknowledged.entrySet())
            {
                final HttpResponse<String> reply = send(port, "GET", "/api/v1/orders/" + order.getKey(), null);
                assertEquals(200, reply.statusCode(), "order " + order.getKey() + ": " + reply.body());
                assertEquals(order.getValue(), TestGateway.JSON.readTree(reply.body()).path("status").asText(), reply.body());
            }
            final HttpResponse<String> next = send(port, "POST", "/api/v1/orders",
                "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}");
            assertEquals(201, next.statusCode(), next.body());
            final long nextId = Long.parseLong(TestGateway.JSON.readTree(next.body()).path("order_id").asText());
            final long maxAcknowledged = acknowledged.keySet().stream().mapToLong(Long::parseLong).max().orElseThrow();
            assertTrue(nextId > maxAcknowledged, nextId + " after " + maxAcknowledged);
            second.terminate();  // the shutdown hook closes in order, bounded by terminate()'s wait
            assertTrue(!second.stderrText().contains("SEVERE"), second.stderrText());
        }
    }
}
