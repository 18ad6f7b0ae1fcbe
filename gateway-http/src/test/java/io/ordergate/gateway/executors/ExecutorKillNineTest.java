package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.ChildGateway;

/**
 * Invariant 4 ("nothing sent twice") through a real SIGKILL: a gateway in a child JVM is killed after it routed an
 * MT5 order and before the order's result arrived; a gateway started again on the same data directory shows the
 * order {@code unknown}, delivers the same command id again, and the order ends filled once, with one position.
 */
class ExecutorKillNineTest
{
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    /** HTTP to one child gateway. */
    private record Http(int port)
    {
        GatewayHarness.Response admin(final String method, final String path, final String body)
        {
            return call(method, path, body, ChildGateway.ADMIN_KEY, ChildGateway.ADMIN_SECRET);
        }

        GatewayHarness.Response call(final String method, final String path, final String body, final String key, final String secret)
        {
            final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(GatewayHarness.WAIT)
                .header("Content-Type", "application/json").header("X-API-Key", key).header("X-API-Secret", secret)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
            try
            {
                final HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
                final String text = response.body();
                return new GatewayHarness.Response(response.statusCode(), text.startsWith("{") ? GatewayHarness.object(text) : null, text, response);
            }
            catch (final IOException ex)
            {
                throw new AssertionError(method + " " + path + " failed: " + ex, ex);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }

        GatewayHarness.Socket connect(final GatewayHarness.Executor executor)
        {
            final GatewayHarness.Socket socket = new GatewayHarness.Socket();
            socket.ws = CLIENT.newWebSocketBuilder()
                .header("X-API-Key", executor.key()).header("X-API-Secret", executor.secret())
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/executor/" + executor.id() + "/stream"), socket)
                .orTimeout(GatewayHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
            return socket;
        }

        List<?> positions(final String accountId)
        {
            return (List<?>)admin("GET", "/api/v1/positions?account_id=" + accountId, null).at("positions");
        }
    }

    private static void await(final Duration limit, final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out after " + limit + " waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));  // polling a condition, bounded by the deadline
        }
    }

    private Path config(final Path dataDir, final boolean demoTerminal) throws IOException
    {
        final Path file = dir.resolve(demoTerminal ? "demo.yaml" : "gateway.yaml");
        Files.writeString(file, GatewayHarness.config(dataDir, 0, "", demoTerminal));
        return file;
    }

    private static String buy(final String accountId, final String quantity)
    {
        return "{\"account_id\":\"" + accountId + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":" + quantity + "}";
    }

    private static String result(final String commandId, final String ticket)
    {
        return "{\"type\":\"command_result\",\"commandId\":\"" + commandId + "\",\"status\":\"executed\",\"result\":{\"success\":true,"
            + "\"message\":\"position opened\",\"details\":{\"ticket\":\"" + ticket + "\",\"price\":1.08428,\"lots\":0.25}}}";
    }

    @Test
    void shouldDeliverTheSameCommandIdAfterSigkillAndFillTheOrderOnceWithOnePosition() throws Exception
    {
        final Path dataDir = dir.resolve("data");
        final Path config = config(dataDir, false);
        final GatewayHarness.Executor executor;
        final Object orderId;
        final String commandId;

        try (ChildGateway first = new ChildGateway(config, dataDir, dir.resolve("first.err")))
        {
            final Http http = new Http(first.port());
            final GatewayHarness.Response created = http.admin("POST", "/api/v1/executors",
                "{\"name\":\"Test executor\",\"platform\":\"MT5\",\"account_id\":\"mt5-1\"}");
            assertEquals(201, created.status(), created.body());
            executor = new GatewayHarness.Executor((String)created.at("executor_id"), (String)created.at("api_key"), (String)created.at("api_secret"));
            final GatewayHarness.Response beat = http.call("POST", "/api/executor/" + executor.id() + "/heartbeat",
                "{\"status\":\"online\",\"metadata\":{\"version\":\"1.0.0\",\"platform\":\"MT5\"}}", executor.key(), executor.secret());
            assertEquals(200, beat.status(), beat.body());
            assertEquals(202, http.admin("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}").status());

            try (GatewayHarness.Socket socket = http.connect(executor))
            {
                final GatewayHarness.Response placed = http.admin("POST", "/api/v1/orders", buy("mt5-1", "0.25"));
                assertEquals(201, placed.status(), placed.body());
                orderId = placed.at("order_id");
                final Map<String, Object> pushed = socket.nextCommand();
                commandId = (String)pushed.get("id");
                assertEquals("ord_" + orderId + "_1", commandId);
                assertEquals("OPEN_POSITION", pushed.get("command"));
                assertEquals("routed", http.admin("GET", "/api/v1/orders/" + orderId, null).at("status"));
                first.kill();  // SIGKILL: the command is out, its result never came
            }
        }

        final String ticket = "555001";
        try (ChildGateway second = new ChildGateway(config, dataDir, dir.resolve("second.err")))
        {
            final Http http = new Http(second.port());
            assertEquals("unknown", http.admin("GET", "/api/v1/orders/" + orderId, null).at("status"));
            assertEquals(List.of(), http.positions("mt5-1"));
            try (GatewayHarness.Socket socket = http.connect(executor))  // the executor's key survived the kill
            {
                final Map<String, Object> again = socket.nextCommand();
                assertEquals(commandId, again.get("id"), "the same command id is delivered again");
                assertEquals("OPEN_POSITION", again.get("command"));

                // The executor answers from its memory: the first result, here sent twice, as after a lost ack.
                socket.send(result(commandId, ticket));
                final Map<String, Object> ack = socket.next();
                assertEquals("executed", GatewayHarness.at(ack, "command", "status"), String.valueOf(ack));
                socket.send(result(commandId, ticket));
                assertEquals("executed", GatewayHarness.at(socket.next(), "command", "status"));
                // and its trade report for the same ticket, as a terminal sends one
                socket.send("{\"type\":\"trade\",\"executorId\":\"" + executor.id() + "\",\"ticket\":\"" + ticket + "\",\"symbol\":\"EURUSD\","
                    + "\"side\":\"BUY\",\"lots\":0.25,\"openPrice\":1.08428,\"stopLoss\":0,\"takeProfit\":0,\"magicNumber\":0,\"comment\":\"k9\"}");
                assertEquals("open", GatewayHarness.at(socket.next(), "trade", "status"));
            }
            assertFilledOnce(http, orderId, ticket);
            second.kill();  // and once more: the settlement itself is journaled
        }

        try (ChildGateway third = new ChildGateway(config, dataDir, dir.resolve("third.err")))
        {
            final Http http = new Http(third.port());
            assertFilledOnce(http, orderId, ticket);
            final GatewayHarness.Response beat = http.call("POST", "/api/executor/" + executor.id() + "/heartbeat", "{\"status\":\"online\"}",
                executor.key(), executor.secret());
            assertEquals(List.of(), beat.at("pendingCommands"), "nothing is delivered again once settled");
            third.terminate();
            assertFalse(third.stderrText().contains("SEVERE"), third.stderrText());
        }
    }

    private static void assertFilledOnce(final Http http, final Object orderId, final String ticket)
    {
        final GatewayHarness.Response order = http.admin("GET", "/api/v1/orders/" + orderId, null);
        assertEquals("filled", order.at("status"), order.body());
        assertEquals(new BigDecimal("0.25"), order.at("filled_quantity"));
        assertEquals(ticket, order.at("venue_order_id"));
        final List<?> positions = http.positions("mt5-1");
        assertEquals(1, positions.size(), String.valueOf(positions));
        assertEquals(ticket, ((Map<?, ?>)positions.get(0)).get("ticket"));
        assertEquals(new BigDecimal("0.25"), ((Map<?, ?>)positions.get(0)).get("quantity"));
    }

    @Test
    void shouldHaveTheDemoTerminalAnswerFromItsResultsFileAfterSigkillInsteadOfTradingAgain() throws Exception
    {
        final Path dataDir = dir.resolve("demo-data");
        final Path config = config(dataDir, true);
        final Path results = dataDir.resolve(ExecutorBootstrap.DEMO_RESULTS_FILE);
        final Path positionsFile = dataDir.resolve(ExecutorBootstrap.DEMO_POSITIONS_FILE);
        final Object orderId;
        final String line;

        // The in-process terminal trades, saves its result, and holds it: the gateway dies before hearing it.
        try (ChildGateway first = new ChildGateway(config, dataDir, dir.resolve("demo-first.err"),
            List.of("-D" + ExecutorBootstrap.HOLD_RESULTS_PROPERTY + "=true")))
        {
            final Http http = new Http(first.port());
            assertEquals(202, http.admin("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":1.08420,\"ask\":1.08428}").status());
            await(SETTLE, "the demo terminal online",
                () -> "online".equals(http.admin("GET", "/api/v1/executors/" + ExecutorBootstrap.DEMO_EXECUTOR_ID, null).at("status")));
            final GatewayHarness.Response placed = http.admin("POST", "/api/v1/orders", buy("mt5-demo", "0.10"));
            assertEquals(201, placed.status(), placed.body());
            orderId = placed.at("order_id");
            final String prefix = "ord_" + orderId + "_1\t";
            await(SETTLE, "the terminal's result on disk", () -> resultLines(results).stream().anyMatch(l -> l.startsWith(prefix)));
            assertEquals("routed", http.admin("GET", "/api/v1/orders/" + orderId, null).at("status"));
            first.kill();
            line = resultLines(results).get(0);
        }
        final Map<String, Object> saved = GatewayHarness.object(line.substring(line.indexOf('\t') + 1));
        final String ticket = (String)GatewayHarness.at(saved, "details", "ticket");
        assertEquals(List.of(ticket), snapshotTickets(positionsFile));

        try (ChildGateway second = new ChildGateway(config, dataDir, dir.resolve("demo-second.err")))
        {
            final Http http = new Http(second.port());
            assertTrue(List.of("unknown", "filled").contains(http.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
            await(SETTLE, "the re-delivered order filled", () -> "filled".equals(http.admin("GET", "/api/v1/orders/" + orderId, null).at("status")));
            final GatewayHarness.Response order = http.admin("GET", "/api/v1/orders/" + orderId, null);
            assertEquals(ticket, order.at("venue_order_id"), "filled by the first trade's ticket");
            final List<?> positions = http.positions("mt5-demo");
            assertEquals(1, positions.size(), String.valueOf(positions));
            assertEquals(ticket, ((Map<?, ?>)positions.get(0)).get("ticket"));
            // The terminal traded once: one result line, one position on its side too.
            assertEquals(List.of(line), resultLines(results));
            assertEquals(List.of(ticket), snapshotTickets(positionsFile));
            second.terminate();
            assertFalse(second.stderrText().contains("SEVERE"), second.stderrText());
        }
    }

    /** The results file's complete lines (a line still being written, without its newline, is not one yet). */
    private static List<String> resultLines(final Path results)
    {
        try
        {
            if (!Files.exists(results))
            {
                return List.of();
            }
            final String text = Files.readString(results, StandardCharsets.UTF_8);
            final int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static List<Object> snapshotTickets(final Path snapshot) throws IOException
    {
        final List<?> positions = (List<?>)GatewayHarness.object(Files.readString(snapshot)).get("positions");
        return positions.stream().<Object>map(p -> ((Map<?, ?>)p).get("ticket")).toList();
    }
}
