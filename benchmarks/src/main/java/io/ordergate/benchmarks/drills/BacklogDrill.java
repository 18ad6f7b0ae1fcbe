package io.ordergate.benchmarks.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An executor's reconnection backlog: thousands of orders routed while its socket was closed, then a WebSocket that
 * reads at full speed must get every command, never be cut off, and have every result taken.
 */
final class BacklogDrill
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Drills.DrillSetup setup;

    BacklogDrill(final Drills.DrillSetup setup)
    {
        this.setup = setup;
    }

    DrillResult backlog(final int commands) throws IOException, InterruptedException
    {
        try (DrillGateway gateway = setup.start("backlog"))
        {
            final JsonNode executor = JSON.readTree(gateway.call("POST", "/api/v1/executors",
                "{\"name\":\"drill\",\"platform\":\"MT5\",\"account_id\":\"mt5-drill\"}").body());
            final String id = executor.path("executor_id").asText();
            final String key = executor.path("api_key").asText();
            final String secret = executor.path("api_secret").asText();
            gateway.call("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}");
            beat(gateway, id, key, secret);  // online before the first order (and again every 200: it stays online)
            final AtomicInteger routed = new AtomicInteger();
            final Thread[] senders = new Thread[4];
            for (int t = 0; t < senders.length; t++)
            {
                final int first = t;
                senders[t] = new Thread(() ->
                {
                    for (int i = first; i < commands; i += senders.length)
                    {
                        if (i % 200 == 0)
                        {
                            beat(gateway, id, key, secret);
                        }
                        final HttpResponse<String> reply = gateway.call("POST", "/api/v1/orders",
                            "{\"account_id\":\"mt5-drill\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}");
                        if (reply != null && reply.statusCode() == 201)
                        {
                            routed.incrementAndGet();
                        }
                    }
                }, "backlog-sender-" + t);
                senders[t].start();
            }
            for (final Thread sender : senders)
            {
                sender.join(TimeUnit.MINUTES.toMillis(5));
            }
            final Reader reader = new Reader();
            final WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().header("X-API-Key", key).header("X-API-Secret", secret)
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/api/executor/" + id + "/stream"), reader).join();
            try
            {
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (reader.ids.size() < routed.get() && reader.closed == null && System.nanoTime() < deadline)
                {
                    LockSupport.parkNanos(20_000_000L);
                }
                long ticket = 1;
                for (final String command : reader.ids.keySet())
                {
                    socket.sendText("{\"type\":\"command_result\",\"commandId\":\"" + command + "\",\"status\":\"executed\",\"result\":{\"success\":true,"
                        + "\"details\":{\"ticket\":\"" + ticket++ + "\",\"price\":1.08428,\"lots\":0.01}}}", true).join();
                }
                final long answered = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (reader.results.get() + reader.errors.get() < reader.ids.size() && reader.closed == null && System.nanoTime() < answered)
                {
                    LockSupport.parkNanos(20_000_000L);
                }
            }
            finally
            {
                socket.abort();
            }
            final int failures = routed.get() - reader.ids.size() + reader.errors.get() + (reader.closed != null ? 1 : 0)
                + (reader.ids.size() - reader.results.get() - reader.errors.get());
            return new DrillResult("backlog", 1, routed.get() * 2, failures, routed.get() + " commands queued while offline; " + reader.ids.size()
                + " pushed to a full-speed reader, " + reader.results.get() + " results taken, " + reader.errors.get() + " refused"
                + (reader.closed != null ? ", cut off: " + reader.closed : ", never cut off"));
        }
    }

    private static void beat(final DrillGateway gateway, final String id, final String key, final String secret)
    {
        try
        {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                + "/api/executor/" + id + "/heartbeat")).header("X-API-Key", key).header("X-API-Secret", secret)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"online\"}"))
                .build(), HttpResponse.BodyHandlers.discarding());
        }
        catch (final IOException ex)
        {
            // the next beat will do
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads every frame as it comes: pushed command ids, answers to results, refusals, a close. */
    private static final class Reader implements WebSocket.Listener
    {
        final Map<String, Boolean> ids = new ConcurrentHashMap<>();
        final AtomicInteger results = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        volatile String closed;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                try
                {
                    final JsonNode message = JSON.readTree(partial.toString());
                    if (message.has("command") && message.has("id"))
                    {
                        ids.put(message.path("id").asText(), Boolean.TRUE);
                    }
                    else if ("error".equals(message.path("type").asText()))
                    {
                        errors.incrementAndGet();
                    }
                    else if (message.has("success") || message.has("commandId"))
                    {
                        results.incrementAndGet();
                    }
                }
                catch (final IOException ex)
                {
                    errors.incrementAndGet();
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed = statusCode + " " + reason;
            return null;
        }
    }
}
