package io.ordergate.gateway;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.config.StartupOptions;

/**
 * A real gateway on 127.0.0.1 (port 0) over a temp data dir, with the demo instruments, the quote feed off, a small
 * ring and small tables, and an admin key from the "environment"; plus a small HTTP client for it.
 */
final class TestGateway implements AutoCloseable
{
    static final String ADMIN_KEY = "og_testadminkey000000000000";
    static final String ADMIN_SECRET = "test-admin-secret-0123456789abcdefghijklmnopqrstuv";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0, max_body_bytes: 65536, idle_timeout_seconds: 30 }",
        "pipeline: { ring_size: 1024 }",
        "engine: { max_accounts: 64, max_orders: 4096, max_trades: 4096, max_keys: 64, max_tickets: 64,",
        "          max_groups: 4, max_bots: 4, max_executor_commands: 64 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD,",
        "      demo_bid: 1.08420, demo_ask: 1.08428 }",
        "  - { symbol: GBPUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: GBP, quote_currency: USD,",
        "      demo_bid: 1.26510, demo_ask: 1.26522 }",
        "  - { symbol: USDJPY, digits: 3, pip_size: 0.01, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: USD, quote_currency: JPY,",
        "      demo_bid: 151.420, demo_ask: 151.436 }",
        "  - { symbol: XAUUSD, digits: 2, pip_size: 0.1, contract_size: 100, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 50, base_currency: XAU, quote_currency: USD,",
        "      demo_bid: 2380.50, demo_ask: 2380.85 }",
        "  - { symbol: BTCUSD, digits: 2, pip_size: 1, contract_size: 1, lot_step: 0.001,",
        "      min_quantity: 0.001, max_quantity: 10, base_currency: BTC, quote_currency: USD,",
        "      demo_bid: 67250.00, demo_ask: 67265.00 }",
        "accounts:",
        "  - { account_id: paper-1, venue: paper, currency: USD, balance: 100000, leverage: 100 }",
        "  - { account_id: paper-2, venue: paper, currency: USD, balance: 100000, leverage: 100 }",
        "demo: { quote_feed: false, simulated_terminal: false }",
        "");

    private final Path dataDir;
    private final String extraYaml;
    /** {@link #CONFIG}, or a test's edit of it. */
    private String baseConfig = CONFIG;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Ordergate gateway;
    private String base;
    private boolean checked;

    private TestGateway(final Path dataDir, final String extraYaml)
    {
        this.dataDir = dataDir;
        this.extraYaml = extraYaml;
    }

    static GatewayConfig config(final Path dataDir)
    {
        return ConfigLoader.parse(CONFIG, "test").withDataDir(dataDir).withPort(0);
    }

    static StartupOptions adminOptions()
    {
        return StartupOptions.parse(new String[0], Map.of(
            StartupOptions.API_KEY_ENV, ADMIN_KEY, StartupOptions.API_SECRET_ENV, ADMIN_SECRET));
    }

    static TestGateway start(final Path dataDir)
    {
        return start(dataDir, "");
    }

    /** With more configuration appended to {@link #CONFIG} (sections it does not have, e.g. auth or smtp). */
    static TestGateway start(final Path dataDir, final String extraYaml)
    {
        final TestGateway test = new TestGateway(dataDir, extraYaml);
        test.open();
        return test;
    }

    /** With {@link #CONFIG} edited (e.g. a key of a section it has replaced: {@code c -> c.replace("a: 1", "a: 2")}). */
    static TestGateway startEdited(final Path dataDir, final java.util.function.UnaryOperator<String> edit)
    {
        final TestGateway test = new TestGateway(dataDir, "");
        test.baseConfig = edit.apply(CONFIG);
        test.open();
        return test;
    }

    private void open()
    {
        final GatewayConfig config = ConfigLoader.parse(baseConfig + extraYaml, "test").withDataDir(dataDir).withPort(0);
        gateway = Ordergate.start(config, adminOptions(), new PrintStream(output, true, StandardCharsets.UTF_8));
        checked = false;
        base = "http://127.0.0.1:" + gateway.port();
    }

    /** Closes and starts again on the same data dir. */
    void restart()
    {
        gateway.close();
        open();
    }

    Ordergate gateway()
    {
        return gateway;
    }

    String printed()
    {
        return output.toString(StandardCharsets.UTF_8);
    }

    int port()
    {
        return gateway.port();
    }

    /** Stops the gateway; then its journal's state must round trip a snapshot ({@link JournalSnapshots}). */
    @Override
    public void close()
    {
        if (gateway != null && !checked)
        {
            gateway.close();
            checked = true;
            JournalSnapshots.check(gateway);
        }
    }

    /** Stops like {@link #close}, leaving the journal as a {@code kill -9} would (no clean-stop checkpoint). */
    void closeAsIfKilled()
    {
        if (gateway != null && !checked)
        {
            gateway.closeWithoutCheckpoint();
            checked = true;
            JournalSnapshots.check(gateway);
        }
    }

    // ---- HTTP ----

    record Reply(int status, String body, HttpResponse<String> response)
    {
        JsonNode json()
        {
            try
            {
                return JSON.readTree(body);
            }
            catch (final Exception ex)
            {
                throw new AssertionError("not JSON: " + body, ex);
            }
        }

        String errorCode()
        {
            return json().path("error").path("code").asText(null);
        }

        String errorField()
        {
            return json().path("error").path("field").asText(null);
        }

        String text(final String field)
        {
            return json().path(field).asText(null);
        }

        /** A decimal field as its exact JSON text, e.g. "1.08428". */
        String decimal(final String field)
        {
            final JsonNode node = json().path(field);
            return node.isNumber() ? node.decimalValue().toPlainString() : node.isNull() ? "null" : node.asText();
        }

        @Override
        public String toString()
        {
            return status + " " + body;
        }
    }

    /** Credentials of one key. */
    record Key(String key, String secret)
    {
    }

    static final Key ADMIN = new Key(ADMIN_KEY, ADMIN_SECRET);

    Reply get(final String path)
    {
        return send("GET", path, null, ADMIN);
    }

    Reply post(final String path, final String json)
    {
        return send("POST", path, json, ADMIN);
    }

    Reply send(final String method, final String path, final String json, final Key key)
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (key != null)
        {
            request.header("X-API-Key", key.key()).header("X-API-Secret", key.secret());
        }
        if (json != null)
        {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request.build());
    }

    Reply send(final HttpRequest request)
    {
        try
        {
            final HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", ex);
        }
    }

    String url(final String path)
    {
        return base + path;
    }

    // ---- shortcuts ----

    Reply quote(final String symbol, final String bid, final String ask)
    {
        return post("/api/v1/quotes", "{\"symbol\":\"" + symbol + "\",\"bid\":" + bid + ",\"ask\":" + ask + "}");
    }

    Reply order(final String json)
    {
        return post("/api/v1/orders", json);
    }

    Reply market(final String account, final String symbol, final String side, final String quantity)
    {
        return order("{\"account_id\":\"" + account + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side +
            "\",\"type\":\"market\",\"quantity\":" + quantity + "}");
    }

    Reply createAccount(final String accountId, final String balance)
    {
        return post("/api/v1/accounts", "{\"account_id\":\"" + accountId + "\",\"balance\":" + balance + "}");
    }

    Key createKey(final String scope, final String... accounts)
    {
        final StringBuilder ids = new StringBuilder();
        for (final String account : accounts)
        {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(account).append('"');
        }
        final Reply reply = post("/api/v1/keys", "{\"scope\":\"" + scope + "\",\"account_ids\":[" + ids + "]}");
        if (reply.status() != 201)
        {
            throw new AssertionError("key not created: " + reply);
        }
        return new Key(reply.text("api_key"), reply.text("api_secret"));
    }

    String digest()
    {
        final Reply reply = get("/api/v1/state/digest");
        if (reply.status() != 200)
        {
            throw new AssertionError("digest: " + reply);
        }
        return reply.body();
    }
}
