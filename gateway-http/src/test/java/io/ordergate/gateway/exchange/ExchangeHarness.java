package io.ordergate.gateway.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.ChildGateway;
import io.ordergate.gateway.Ordergate;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * A demo gateway in this JVM (its simulated exchange serving binance-demo, its simulated MT5 terminal serving
 * mt5-demo, paper-1), the quote feed off so tests set the prices. HTTP helpers over real sockets.
 */
final class ExchangeHarness implements AutoCloseable
{
    static final String KEY = "og_exchangetestadmin";
    static final String SECRET = "exchange-test-admin-secret-0123456789";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Duration WAIT = Duration.ofSeconds(20);
    /** The demo's three venues, with small tables (many gateways start in one test JVM). */
    static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0 }",
        "pipeline: { ring_size: 1024 }",
        "engine: { max_accounts: 16, max_orders: 1024, max_trades: 1024, max_keys: 16, max_tickets: 64,",
        "          max_groups: 4, max_bots: 4, max_executor_commands: 64 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,",
        "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
        "  - { symbol: ETHUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.0001,",
        "      min_quantity: 0.0001, max_quantity: 9000, base_currency: ETH, quote_currency: USD }",
        "accounts:",
        "  - { account_id: paper-1, venue: paper, currency: USD, balance: 100000, leverage: 100 }",
        "  - { account_id: mt5-demo, venue: mt5, currency: USD, balance: 10000, leverage: 100 }",
        "  - { account_id: binance-demo, venue: binance, currency: USD, balance: 100000, leverage: 1 }",
        "demo: { quote_feed: false, simulated_terminal: true, mt5_account_id: mt5-demo }",
        "");

    private static final HttpClient CHILD_CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Ordergate gateway;
    private final String base;

    ExchangeHarness(final Path dataDir)
    {
        this(dataDir, "");
    }

    /** With more YAML after the harness's own (an {@code exchanges} section, say). */
    ExchangeHarness(final Path dataDir, final String moreConfig)
    {
        this(dataDir, CONFIG + moreConfig, true);
    }

    /** A restart that sets no prices: what the gateway knows of them is what its journal gave back. */
    static ExchangeHarness restartedWithoutQuotes(final Path dataDir)
    {
        return new ExchangeHarness(dataDir, CONFIG, false);
    }

    /** With {@code baseEdit} applied to the harness's own YAML (a smaller engine table, say), then more YAML after it. */
    ExchangeHarness(final Path dataDir, final UnaryOperator<String> baseEdit, final String moreConfig)
    {
        this(dataDir, baseEdit.apply(CONFIG) + moreConfig, true);
    }

    private ExchangeHarness(final Path dataDir, final String config, final boolean setPrices)
    {
        gateway = Ordergate.start(ConfigLoader.parse(config, "exchange-test").withDataDir(dataDir).withPort(0),
            StartupOptions.parse(new String[0], Map.of(StartupOptions.API_KEY_ENV, KEY, StartupOptions.API_SECRET_ENV, SECRET)),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        base = "http://127.0.0.1:" + gateway.port();
        if (setPrices)
        {
            quote("BTCUSDT", "65000.00", "65001.00");
            quote("ETHUSDT", "3500.00", "3500.10");
        }
    }

    SimulatedExchange exchange()
    {
        return gateway.simulatedExchange();
    }

    /** An {@code exchanges} section pointing every binance account (live and testnet) at one simulated exchange. */
    static String exchangesAt(final SimulatedExchange exchange)
    {
        final String rest = exchange.restUrl().toString();
        final String ws = exchange.streamUrl().toString();
        return "exchanges:\n  binance: { rest_url: \"" + rest + "\", futures_rest_url: \"" + rest + "\", stream_url: \"" + ws
            + "\", testnet_rest_url: \"" + rest + "\", testnet_futures_rest_url: \"" + rest + "\", testnet_stream_url: \"" + ws
            + "\", futures_stream_url: \"" + ws + "\", testnet_futures_stream_url: \"" + ws + "\", timeout_millis: 3000 }\n";
    }

    Ordergate gateway()
    {
        return gateway;
    }

    /** A quote through the gateway's API: the gateway's instrument and (demo) the simulated exchange both take it. */
    void quote(final String symbol, final String bid, final String ask)
    {
        final JsonNode answer = call("POST", "/api/v1/quotes", "{\"symbol\":\"" + symbol + "\",\"bid\":" + bid + ",\"ask\":" + ask + "}");
        if (answer.has("error"))
        {
            throw new AssertionError("quote refused: " + answer);
        }
    }

    JsonNode order(final String account, final String symbol, final String side, final String quantity, final String clientOrderId)
    {
        return call("POST", "/api/v1/orders", "{\"account_id\":\"" + account + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side
            + "\",\"type\":\"market\",\"quantity\":" + quantity + ",\"client_order_id\":\"" + clientOrderId + "\"}");
    }

    JsonNode get(final String path)
    {
        return call("GET", path, null);
    }

    /** Waits (bounded) for an order to reach a status, and returns it. */
    JsonNode awaitStatus(final String orderId, final String status)
    {
        final JsonNode[] last = new JsonNode[1];
        // what the order looked like at the end says which leg was lost (sent? answered? reported?)
        await("order " + orderId + " " + status, () ->
        {
            last[0] = get("/api/v1/orders/" + orderId);
            return status.equals(last[0].path("status").asText());
        }, () -> "last seen " + last[0]);
        return last[0];
    }

    JsonNode call(final String method, final String path, final String body)
    {
        return callAs(KEY, SECRET, method, path, body);
    }

    JsonNode callAs(final String key, final String secret, final String method, final String path, final String body)
    {
        return send(client, base, key, secret, method, path, body);
    }

    private static JsonNode send(final HttpClient client, final String base, final String key, final String secret, final String method,
        final String path, final String body)
    {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(WAIT)
            .header("Content-Type", "application/json").header("X-API-Key", key).header("X-API-Secret", secret)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        try
        {
            final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            final JsonNode json = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
            ((com.fasterxml.jackson.databind.node.ObjectNode)json).put("_status", response.statusCode());
            return json;
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

    /** An admin call to a gateway in a child JVM on {@code port}, with {@link ChildGateway}'s admin key. */
    static JsonNode callChild(final int port, final String method, final String path, final String body)
    {
        return send(CHILD_CLIENT, "http://127.0.0.1:" + port, ChildGateway.ADMIN_KEY, ChildGateway.ADMIN_SECRET, method, path, body);
    }

    /** The harness's HTTP calls against any gateway port (with the harness's admin key). */
    static final class Client
    {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String base;

        Client(final int port)
        {
            this.base = "http://127.0.0.1:" + port;
        }

        JsonNode call(final String method, final String path, final String body)
        {
            return send(http, base, KEY, SECRET, method, path, body);
        }
    }

    /**
     * Makes futures account {@code accountId} (binance, USDT-M, balance 10,000, leverage 1) with these credentials over
     * HTTP and waits until its user-data stream at {@code venue} is up.
     */
    void createFuturesAccount(final SimulatedExchange venue, final String accountId, final String key, final String secret)
    {
        final JsonNode created = call("POST", "/api/v1/accounts", "{\"account_id\":\"" + accountId + "\",\"venue\":\"binance\","
            + "\"market_type\":\"futures\",\"balance\":10000,\"leverage\":1,\"api_key\":\"" + key + "\",\"api_secret\":\"" + secret + "\"}");
        if (created.path("_status").asInt() != 201)
        {
            throw new AssertionError("futures account not created: " + created);
        }
        await("its futures user-data stream is up", () -> venue.openUserStreams() == 1);
    }

    static BigDecimal decimal(final JsonNode node)
    {
        return new BigDecimal(node.decimalValue().stripTrailingZeros().toPlainString());
    }

    static void await(final String what, final BooleanSupplier condition)
    {
        await(what, condition, () -> null);
    }

    /** As {@link #await(String, BooleanSupplier)}; a timeout's message ends with what {@code lastSeen} says then (if not null). */
    static void await(final String what, final BooleanSupplier condition, final Supplier<String> lastSeen)
    {
        final long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline)
        {
            if (condition.getAsBoolean())
            {
                return;
            }
            try
            {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
        final String seen = lastSeen.get();
        throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + (seen == null ? "" : "; " + seen));
    }

    /** Stops the gateway; then its journal's state (the exchange accounts' among it) must round trip a snapshot. */
    @Override
    public void close()
    {
        gateway.close();
        io.ordergate.gateway.JournalSnapshots.check(gateway);
    }
}
