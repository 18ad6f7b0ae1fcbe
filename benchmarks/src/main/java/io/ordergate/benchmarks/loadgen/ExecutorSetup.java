package io.ordergate.benchmarks.loadgen;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Before a run with {@code --executors N}, with the admin key, over plain HTTP (java.net.http, off the measured
 * path): N {@code mt5} accounts with a large balance, one executor registered for each, and the fill price the
 * simulated executors will report (the symbol's ask).
 *
 * <pre>
 *   for i in 1..N:  POST /api/v1/accounts {"account_id": "bench-mt5-i", "venue": "mt5", ...}   201, or 409 = exists
 *                   POST /api/v1/executors {"account_id": "bench-mt5-i", ...}                  201 → id, key, secret
 *                   409 (an earlier run registered one: the account is taken)
 *                     → bench-mt5-RUNID-i, a fresh account and executor (both must be 201)
 *   GET /api/v1/quotes/SYMBOL → the ask, as the executors' fill price
 *   (after the sockets are up) GET /api/v1/executors/{id} until "status": "online"
 * </pre>
 *
 * Used from the control thread only.
 */
final class ExecutorSetup
{
    /** Reads the gateway's answers: exact decimals, so a price is passed on as the gateway wrote it. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** One registered executor and the account it serves; the secret is kept in memory only. */
    record Executor(String accountId, String executorId, String apiKey, String apiSecret)
    {
        @Override
        public String toString()
        {
            return "Executor{" + executorId + " for " + accountId + "}";  // never the secret
        }
    }

    static final String BALANCE = "100000000";
    static final int LEVERAGE = 100;

    private final URI base;
    private final String apiKey;
    private final String apiSecret;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ExecutorSetup(final URI base, final String apiKey, final String apiSecret, final PrintStream progress)
    {
        this.base = base;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.progress = progress;
    }

    /** The account id of executor {@code i} (from 1); {@code runId} null for the plain name. */
    static String accountId(final String runId, final int i)
    {
        return runId == null ? "bench-mt5-" + i : "bench-mt5-" + runId + "-" + i;
    }

    /** N accounts with an executor each; see the class comment. */
    List<Executor> register(final int count) throws IOException, InterruptedException
    {
        final String runId = Long.toString(System.currentTimeMillis(), 36);
        final List<Executor> executors = new ArrayList<>();
        for (int i = 1; i <= count; i++)
        {
            final String plain = accountId(null, i);
            ensureAccount(plain, true);
            Executor executor = registerExecutor(plain, true);
            if (executor == null)
            {
                final String fresh = accountId(runId, i);
                progress.printf("executors: %s already has an executor (an earlier run): using %s%n", plain, fresh);
                ensureAccount(fresh, false);
                executor = registerExecutor(fresh, false);
            }
            executors.add(executor);
        }
        return executors;
    }

    private void ensureAccount(final String accountId, final boolean mayExist) throws IOException, InterruptedException
    {
        final String body = "{\"account_id\":\"" + accountId + "\",\"venue\":\"mt5\",\"currency\":\"USD\",\"balance\":" + BALANCE +
            ",\"leverage\":" + LEVERAGE + "}";
        final HttpResponse<String> created = send("POST", "/api/v1/accounts", body);
        if (created.statusCode() == 201)
        {
            return;
        }
        if (created.statusCode() == 409 && mayExist)
        {
            final HttpResponse<String> existing = send("GET", "/api/v1/accounts/" + accountId, null);
            if (existing.statusCode() == 200 && "mt5".equals(field(existing.body(), "venue")))
            {
                return;
            }
            throw new IllegalStateException("account " + accountId + " exists but is not an mt5 account: " + existing.statusCode() + " " + existing.body());
        }
        throw new IllegalStateException("cannot create account " + accountId + ": " + created.statusCode() + " " + created.body());
    }

    /** @return the executor, or null when the account already has one and {@code mayBeTaken} */
    private Executor registerExecutor(final String accountId, final boolean mayBeTaken) throws IOException, InterruptedException
    {
        final String body = "{\"name\":\"ordergate-loadgen " + accountId + "\",\"platform\":\"MT5\",\"account_id\":\"" + accountId + "\"}";
        final HttpResponse<String> created = send("POST", "/api/v1/executors", body);
        if (created.statusCode() == 201)
        {
            final String id = field(created.body(), "executor_id");
            final String key = field(created.body(), "api_key");
            final String secret = field(created.body(), "api_secret");
            if (id == null || key == null || secret == null)
            {
                throw new IllegalStateException("POST /api/v1/executors answered 201 without executor_id, api_key, api_secret");
            }
            return new Executor(accountId, id, key, secret);
        }
        if (created.statusCode() == 409 && mayBeTaken)
        {
            return null;
        }
        throw new IllegalStateException("cannot register an executor for " + accountId + ": " + created.statusCode() + " " + created.body());
    }

    /** The symbol's ask as the gateway prints it: what the simulated executors report as their fill price. */
    byte[] fillPrice(final String symbol) throws IOException, InterruptedException
    {
        final HttpResponse<String> quote = send("GET", "/api/v1/quotes/" + symbol, null);
        final String ask = quote.statusCode() == 200 ? number(quote.body(), "ask") : null;
        if (ask == null)
        {
            throw new IllegalStateException("no quote for " + symbol + " (GET /api/v1/quotes/" + symbol + " answered " +
                quote.statusCode() + "): market orders need one; leave the demo feed on or post quotes first");
        }
        return ExecutorMessages.ascii(ask);
    }

    /** Waits (at most {@code timeout}) until the gateway shows the executor online, i.e. its heartbeat was applied. */
    void awaitOnline(final Executor executor, final Duration timeout) throws IOException, InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline)
        {
            final HttpResponse<String> shown = send("GET", "/api/v1/executors/" + executor.executorId(), null);
            last = shown.statusCode() + " " + field(shown.body(), "status");
            if (shown.statusCode() == 200 && "online".equals(field(shown.body(), "status")))
            {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("executor " + executor.executorId() + " did not come online within " + timeout.toSeconds() + " s (last: " + last + ")");
    }

    private HttpResponse<String> send(final String method, final String path, final String body) throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("X-API-Key", apiKey)
            .header("X-API-Secret", apiSecret)
            .header("Accept", "application/json");
        if (body == null)
        {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        else
        {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The string field {@code name} of a JSON object (the gateway's answers), or null (absent, not text, not JSON). */
    static String field(final String json, final String name)
    {
        final JsonNode value = object(json).get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** The decimal field {@code name} (a number or a string), as written, or null. */
    static String number(final String json, final String name)
    {
        final JsonNode value = object(json).get(name);
        return value == null || !(value.isNumber() || value.isTextual()) ? null
            : value.isNumber() ? value.decimalValue().toPlainString() : value.textValue();
    }

    private static JsonNode object(final String json)
    {
        try
        {
            final JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        }
        catch (final JsonProcessingException ex)
        {
            return JSON.createObjectNode();
        }
    }
}
