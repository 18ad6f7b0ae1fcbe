package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executors that answer fast are never throttled into limbo, over real WebSockets: 150 market orders for the demo's
 * simulated terminal in 1.4 s all fill (seed 000's 60 results a minute would leave 90 routed), and a reconnecting
 * executor with a backlog of thousands of commands gets every one while it reads at full speed, paged at the pace it
 * drains them, and is never cut off; its thousands of results are all taken.
 */
class ExecutorPacingTest
{
    private static final String BIG_TABLES = "max_accounts: 16, max_orders: 8192, max_trades: 8192, max_keys: 16, max_tickets: 8192, "
        + "max_executor_commands: 8192";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    private final List<String> closings = new ArrayList<>();
    private final Handler closingLines = new Handler()
    {
        @Override
        public void publish(final LogRecord record)
        {
            if (record.getMessage() != null && record.getMessage().startsWith("closing the WebSocket"))
            {
                synchronized (closings)
                {
                    closings.add(record.getMessage());
                }
            }
        }

        @Override
        public void flush()
        {
        }

        @Override
        public void close()
        {
        }
    };

    @BeforeEach
    void listen()
    {
        Logger.getLogger(ExecutorSocket.class.getName()).addHandler(closingLines);
    }

    @AfterEach
    void stopListening()
    {
        Logger.getLogger(ExecutorSocket.class.getName()).removeHandler(closingLines);
    }

    @Test
    void shouldFillEveryOneOf150MarketOrdersSentIn1point4SecondsToTheSimulatedTerminal() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "", true, "", BIG_TABLES))
        {
            GatewayHarness.await("the demo terminal online", () -> "online".equals(
                gateway.admin("GET", "/api/v1/executors/" + ExecutorBootstrap.DEMO_EXECUTOR_ID, null).at("status")));
            GatewayHarness.await("a demo quote", () -> gateway.admin("GET", "/api/v1/quotes/EURUSD", null).status() == 200);
            final List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            final long start = System.nanoTime();
            for (int i = 0; i < 150; i++)
            {
                final long due = start + i * 1_400_000_000L / 150;
                while (System.nanoTime() < due)
                {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
                sent.add(CLIENT.sendAsync(order(gateway, "mt5-demo", "rapid-" + i), HttpResponse.BodyHandlers.ofString()));
            }
            final Set<String> orderIds = ConcurrentHashMap.newKeySet();
            for (final CompletableFuture<HttpResponse<String>> reply : sent)
            {
                final HttpResponse<String> response = reply.get(30, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.body());
                orderIds.add((String)GatewayHarness.object(response.body()).get("order_id"));
            }
            assertEquals(150, orderIds.size());
            awaitLong(() -> "every order filled", Duration.ofSeconds(60), () -> count(gateway, "mt5-demo", "filled") == 150);
            assertEquals(0, count(gateway, "mt5-demo", "open"), "none left routed");
            assertEquals(List.of(), closings);
        }
    }

    @Test
    void shouldPushABacklogOfThreeThousandCommandsToAFullSpeedReaderAndTakeEveryResult() throws Exception
    {
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "max_pending_commands: 10000", false, "", BIG_TABLES))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            assertEquals(200, gateway.heartbeat(executor).status());
            gateway.quote("1.08420", "1.08428");
            final int backlog = 3000;
            final AtomicInteger routed = new AtomicInteger();
            final List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++)
            {
                final int first = t;
                final Thread sender = new Thread(() ->
                {
                    for (int i = first; i < backlog; i += 4)
                    {
                        final GatewayHarness.Response reply = gateway.buy("mt5-1", "0.01");
                        if (reply.status() == 201 && "routed".equals(reply.at("status")))
                        {
                            routed.incrementAndGet();
                        }
                    }
                }, "backlog-sender-" + t);
                sender.start();
                senders.add(sender);
            }
            for (final Thread sender : senders)
            {
                sender.join(TimeUnit.MINUTES.toMillis(2));
            }
            assertEquals(backlog, routed.get(), "routed while no socket was open");

            final Reader reader = new Reader();
            final WebSocket ws = CLIENT.newWebSocketBuilder()
                .header("X-API-Key", executor.key()).header("X-API-Secret", executor.secret())
                .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/api/executor/" + executor.id() + "/stream"), reader)
                .get(10, TimeUnit.SECONDS);
            try
            {
                awaitLong(() -> "the whole backlog: " + reader.ids.size() + " commands read; the gateway's view of the executor: "
                    + gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).body(),
                    Duration.ofSeconds(60), () -> reader.ids.size() == backlog || reader.closed != null);
                assertEquals(null, reader.closed, "cut off while reading at full speed");
                assertEquals(backlog, reader.ids.size());
                assertEquals(List.of(), closings);

                long ticket = 1000;
                for (final String id : reader.ids.keySet())
                {
                    ws.sendText("{\"type\":\"command_result\",\"commandId\":\"" + id + "\",\"status\":\"executed\",\"result\":{\"success\":true,"
                        + "\"details\":{\"ticket\":\"" + ticket++ + "\",\"price\":1.08428,\"lots\":0.01}}}", true).get(10, TimeUnit.SECONDS);
                }
                awaitLong(() -> "no order left routed (errors " + reader.errors + ")", Duration.ofSeconds(60), () -> count(gateway, "mt5-1", "open") == 0);
                awaitLong(() -> "the newest thousand, filled", Duration.ofSeconds(30), () -> count(gateway, "mt5-1", "filled") == 1000);
                assertEquals(Map.of(), reader.errors, "no result refused");
            }
            finally
            {
                ws.abort();
            }
        }
    }

    /** Reads every frame as it comes, remembering pushed command ids, refusals and a close or a failure. */
    static final class Reader implements WebSocket.Listener
    {
        final Map<String, Boolean> ids = new ConcurrentHashMap<>();
        final Map<String, Integer> errors = new ConcurrentHashMap<>();
        volatile String closed;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                final Map<String, Object> message = GatewayHarness.object(partial.toString());
                partial.setLength(0);
                if (message.containsKey("command") && message.containsKey("id"))
                {
                    ids.put((String)message.get("id"), Boolean.TRUE);
                }
                else if ("error".equals(message.get("type")))
                {
                    errors.merge(String.valueOf(message.get("code")), 1, Integer::sum);
                }
            }
            webSocket.request(1);
            return null;
        }

        /** A failed client (a broken stream, the socket closed without a Close) fails the test at once, saying why. */
        @Override
        public void onError(final WebSocket webSocket, final Throwable error)
        {
            // The JDK client reports a protocol violation as a bare ProtocolException whose cause says what it read
            final StringBuilder why = new StringBuilder("failed: ").append(error);
            for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause())
            {
                why.append(" <- ").append(cause);
            }
            closed = why.toString();
        }

        @Override
        public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
        {
            closed = statusCode + " " + reason;
            return null;
        }
    }

    private static HttpRequest order(final GatewayHarness gateway, final String account, final String clientOrderId)
    {
        return HttpRequest.newBuilder(gateway.base.resolve("/api/v1/orders")).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("X-API-Key", GatewayHarness.ADMIN_KEY).header("X-API-Secret", GatewayHarness.ADMIN_SECRET)
            .POST(HttpRequest.BodyPublishers.ofString("{\"account_id\":\"" + account + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.01,\"client_order_id\":\"" + clientOrderId + "\"}"))
            .build();
    }

    /** How many of the account's orders have this status (or are open, for "open"), up to the list's 1000. */
    private static int count(final GatewayHarness gateway, final String account, final String status)
    {
        final GatewayHarness.Response list = gateway.admin("GET", "/api/v1/orders?account_id=" + account + "&status=" + status + "&limit=1000", null);
        return list.status() == 200 ? ((List<?>)list.at("orders")).size() : -1;  // -1: a 503 OVERLOADED while results fill the ring
    }

    private static void awaitLong(final java.util.function.Supplier<String> what, final Duration wait, final java.util.function.BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }
}
