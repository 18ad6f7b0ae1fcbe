package io.ordergate.gateway.executors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;


import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.JournalSnapshots;
import io.ordergate.gateway.Ordergate;

/**
 * A real gateway on a loopback port with a temp data directory, and the clients a test talks to it with: HTTP
 * (java.net.http) and WebSocket frames. Every wait is bounded.
 */
final class GatewayHarness implements AutoCloseable
{
    static final String ADMIN_KEY = "og_testadmin";
    static final String ADMIN_SECRET = "test-admin-secret-0123456789";
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Ordergate gateway;
    final URI base;

    private GatewayHarness(final Ordergate gateway)
    {
        this.gateway = gateway;
        this.base = URI.create("http://127.0.0.1:" + gateway.port());
    }

    static final String SMALL_TABLES = "max_accounts: 16, max_orders: 1024, max_trades: 1024, max_keys: 16, max_tickets: 64, max_executor_commands: 256";

    static String config(final Path dataDir, final int port, final String executors, final boolean demoTerminal)
    {
        return config(dataDir, port, executors, demoTerminal, "");
    }

    /** @param extraYaml more top-level sections (auth, ea...), each ending in a newline */
    static String config(final Path dataDir, final int port, final String executors, final boolean demoTerminal, final String extraYaml)
    {
        return config(dataDir, port, executors, demoTerminal, extraYaml, SMALL_TABLES);
    }

    /** @param engine the engine's table sizes ({@link #SMALL_TABLES} otherwise) */
    static String config(final Path dataDir, final int port, final String executors, final boolean demoTerminal, final String extraYaml,
        final String engine)
    {
        return extraYaml + String.join("\n",
            "server: { host: 127.0.0.1, port: " + port + ", event_loop_threads: 2 }",
            "data_dir: " + dataDir.toAbsolutePath(),
            "engine: { " + engine + " }",
            // The default ring, not a small one: some tests send commands back to back for seconds, and on a VM whose host
            // stops one vCPU ~100 ms at a time the fan-out thread (which releases slots without holding up the client)
            // stopped while 256 slots filled at ~0.4 ms a command: 503 OVERLOADED (docs/PERFORMANCE.md, "Idle wake-ups").
            "pipeline: { ring_size: 4096 }",
            "executors: { " + executors + " }",
            "instruments:",
            "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
            "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD, demo_bid: 1.08420, demo_ask: 1.08428 }",
            "accounts:",
            "  - { account_id: mt5-1, venue: mt5, currency: USD, balance: 10000, leverage: 100 }",
            "  - { account_id: mt5-2, venue: mt5, currency: USD, balance: 10000, leverage: 100 }",
            "  - { account_id: mt5-demo, venue: mt5, currency: USD, balance: 10000, leverage: 100 }",
            "demo: { quote_feed: " + demoTerminal + ", simulated_terminal: " + demoTerminal + " }",
            "");
    }

    static GatewayHarness start(final Path dataDir, final String executors)
    {
        return start(dataDir, 0, executors, false);
    }

    static GatewayHarness start(final Path dataDir, final int port, final String executors, final boolean demoTerminal)
    {
        return start(dataDir, port, executors, demoTerminal, "");
    }

    static GatewayHarness start(final Path dataDir, final int port, final String executors, final boolean demoTerminal, final String extraYaml)
    {
        return start(dataDir, port, executors, demoTerminal, extraYaml, SMALL_TABLES);
    }

    /** With the engine's table sizes given ({@link #SMALL_TABLES} otherwise). */
    static GatewayHarness start(final Path dataDir, final int port, final String executors, final boolean demoTerminal, final String extraYaml,
        final String engine)
    {
        return startYaml(config(dataDir, port, executors, demoTerminal, extraYaml, engine));
    }

    private static GatewayHarness startYaml(final String yaml)
    {
        final GatewayConfig config = ConfigLoader.parse(yaml, "test");
        final StartupOptions options = StartupOptions.parse(new String[0],
            Map.of(StartupOptions.API_KEY_ENV, ADMIN_KEY, StartupOptions.API_SECRET_ENV, ADMIN_SECRET));
        return new GatewayHarness(Ordergate.start(config, options, new PrintStream(new ByteArrayOutputStream())));
    }

    /** With more keys in the {@code server} section ({@code "direct_replies: false"}), {@code ""} for none. */
    static GatewayHarness startWithServer(final Path dataDir, final String executors, final String engine, final String serverKeys)
    {
        return startWithServer(dataDir, executors, engine, serverKeys, "");
    }

    /** The same with more top-level sections ({@code extraYaml}, each ending in a newline). */
    static GatewayHarness startWithServer(final Path dataDir, final String executors, final String engine, final String serverKeys,
        final String extraYaml)
    {
        final String yaml = config(dataDir, 0, executors, false, extraYaml, engine)
            .replace("event_loop_threads: 2 }", "event_loop_threads: 2" + (serverKeys.isEmpty() ? "" : ", " + serverKeys) + " }");
        return startYaml(yaml);
    }

    @Override
    public void close()
    {
        gateway.close();
    }

    /**
     * Stops the gateway and replays its journal into an engine that goes through a snapshot round trip
     * ({@link JournalSnapshots}); the state digest, as {@code GET /api/v1/state/digest} writes it.
     */
    String closeAndCheckSnapshot()
    {
        gateway.close();
        return Long.toString(JournalSnapshots.check(gateway));
    }

    int port()
    {
        return gateway.port();
    }

    // ---- HTTP ----

    record Response(int status, Map<String, Object> json, String body, HttpResponse<String> raw)
    {
        Object at(final Object... path)
        {
            return GatewayHarness.at(json, path);
        }
    }

    Response admin(final String method, final String path, final String body)
    {
        return call(method, path, body, ADMIN_KEY, ADMIN_SECRET);
    }

    Response call(final String method, final String path, final String body, final String key, final String secret)
    {
        return call(method, path, body, key == null ? new String[0] : new String[] {"X-API-Key", key, "X-API-Secret", secret});
    }

    /** A call with a signed-in user's bearer token. */
    Response bearer(final String method, final String path, final String body, final String token)
    {
        return call(method, path, body, new String[] {"Authorization", "Bearer " + token});
    }

    /** A call with these headers (name, value, name, value...). */
    Response call(final String method, final String path, final String body, final String... headers)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(WAIT)
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2)
        {
            request.header(headers[i], headers[i + 1]);
        }
        try
        {
            final HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            final String text = response.body();
            return new Response(response.statusCode(), text.startsWith("{") ? object(text) : null, text, response);
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

    /** An executor's credentials, as the 201 of POST /api/v1/executors gave them. */
    record Executor(String id, String key, String secret)
    {
    }

    Executor registerExecutor(final String accountId)
    {
        final Response created = admin("POST", "/api/v1/executors",
            "{\"name\":\"My MT5 Executor\",\"platform\":\"MT5\",\"account_id\":\"" + accountId + "\"}");
        if (created.status() != 201)
        {
            throw new AssertionError("register: " + created.status() + " " + created.body());
        }
        return new Executor((String)created.at("executor_id"), (String)created.at("api_key"), (String)created.at("api_secret"));
    }

    /** An executor for the account, online (one heartbeat), with EURUSD quoted 1.08420 / 1.08428: where most MT5 tests start. */
    Executor onlineExecutorQuoted(final String accountId)
    {
        final Executor executor = registerExecutor(accountId);
        quote("1.08420", "1.08428");
        heartbeat(executor);
        return executor;
    }

    Response heartbeat(final Executor executor)
    {
        return call("POST", "/api/executor/" + executor.id() + "/heartbeat",
            "{\"status\":\"online\",\"metadata\":{\"version\":\"1.0.0\",\"platform\":\"MT5\"}}", executor.key(), executor.secret());
    }

    Response result(final Executor executor, final String commandId, final String status, final String resultJson)
    {
        return call("PATCH", "/api/executor/" + executor.id() + "/command",
            "{\"commandId\":\"" + commandId + "\",\"status\":\"" + status + "\",\"result\":" + resultJson + "}", executor.key(), executor.secret());
    }

    Response quote(final String bid, final String ask)
    {
        return admin("POST", "/api/v1/quotes", "{\"symbol\":\"EURUSD\",\"bid\":" + bid + ",\"ask\":" + ask + "}");
    }

    Response buy(final String accountId, final String quantity)
    {
        return admin("POST", "/api/v1/orders",
            "{\"account_id\":\"" + accountId + "\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":" + quantity + "}");
    }

    // ---- WebSocket ----

    /** An executor's socket: every text frame received, in order. */
    static final class Socket implements WebSocket.Listener, AutoCloseable
    {
        final LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
        {
            partial.append(data);
            if (last)
            {
                received.add(object(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        Map<String, Object> next()
        {
            try
            {
                final Map<String, Object> message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (message == null)
                {
                    throw new AssertionError("no frame within " + WAIT);
                }
                return message;
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }

        /** The next frame that is a pushed command (has id and command). */
        Map<String, Object> nextCommand()
        {
            while (true)
            {
                final Map<String, Object> message = next();
                if (message.containsKey("id") && message.containsKey("command"))
                {
                    return message;
                }
            }
        }

        void send(final String text)
        {
            ws.sendText(text, true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        @Override
        public void close()
        {
            ws.abort();
        }
    }

    Socket connect(final Executor executor)
    {
        final Socket socket = new Socket();
        socket.ws = CLIENT.newWebSocketBuilder()
            .header("X-API-Key", executor.key()).header("X-API-Secret", executor.secret())
            .buildAsync(URI.create("ws://127.0.0.1:" + gateway.port() + "/api/executor/" + executor.id() + "/stream"), socket)
            .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return socket;
    }

    /**
     * A plain TCP socket upgraded to the executor's stream by hand (a client that can stop reading or never answer a
     * ping, as no WebSocket library lets it), after the gateway's 101; {@code receiveBuffer} 0 keeps the default.
     */
    java.net.Socket rawStream(final Executor executor, final int receiveBuffer) throws IOException
    {
        final java.net.Socket raw = new java.net.Socket();
        if (receiveBuffer > 0)
        {
            raw.setReceiveBufferSize(receiveBuffer);  // before connect, so the window is small from the start
        }
        raw.connect(new java.net.InetSocketAddress("127.0.0.1", gateway.port()));
        raw.setSoTimeout((int)WAIT.toMillis());
        final java.io.OutputStream out = raw.getOutputStream();
        out.write(("GET /api/executor/" + executor.id() + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + "X-API-Key: " + executor.key() + "\r\nX-API-Secret: " + executor.secret() + "\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        final java.io.InputStream in = raw.getInputStream();
        final StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n"))
        {
            final int next = in.read();
            if (next < 0)
            {
                raw.close();
                throw new AssertionError("the stream closed before the handshake's end: " + head);
            }
            head.append((char)next);
        }
        if (!head.toString().startsWith("HTTP/1.1 101"))
        {
            raw.close();
            throw new AssertionError("not upgraded: " + head);
        }
        return raw;
    }

    // ---- JSON and waiting ----

    static void await(final String what, final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
    }

    @SuppressWarnings("unchecked")
    static Object at(final Object json, final Object... path)
    {
        Object node = json;
        for (final Object step : path)
        {
            node = step instanceof Integer ? ((List<Object>)node).get((Integer)step) : ((Map<String, Object>)node).get(step);
        }
        return node;
    }

    /** Parses with the engine's test reader: numbers as exact BigDecimals, one reader for every module's tests. */
    static Map<String, Object> object(final String text)
    {
        return io.ordergate.engine.Json.object(text);
    }
}
