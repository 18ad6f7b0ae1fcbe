package io.ordergate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;
import io.ordergate.engine.Engine;
import io.ordergate.engine.command.BodyWriter;
import io.ordergate.engine.command.CommandBodies;
import io.ordergate.engine.command.CommandEvent;
import io.ordergate.engine.command.CommandFrame;
import io.ordergate.engine.command.CommandType;
import io.ordergate.engine.pipeline.Pipeline;
import io.ordergate.engine.pipeline.ResultHandler;
import io.ordergate.gateway.GatewayFeatures;
import io.ordergate.gateway.auth.ApiKeyRegistry;
import io.ordergate.gateway.core.GatewayContext;
import io.ordergate.gateway.core.Scope;
import io.ordergate.gateway.auth.Secrets;
import io.ordergate.journal.Journal;

/**
 * Back-pressure: with the reply stage held, a ring of 64 takes 64 commands and no more; the gateway then answers
 * 503 OVERLOADED with Retry-After, and serves again once the ring drains.
 */
class RingFullTest
{
    /** A small gateway's configuration (also AnswerTimeoutIdlePeriodsTest's). */
    static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0 }",
        "pipeline: { ring_size: 64 }",
        "engine: { max_accounts: 4, max_orders: 64, max_trades: 64, max_keys: 4 }",
        "instruments:",
        "  - { symbol: EURUSD, digits: 5, pip_size: 0.0001, contract_size: 100000, lot_step: 0.01,",
        "      min_quantity: 0.01, max_quantity: 100, base_currency: EUR, quote_currency: USD }",
        "demo: { quote_feed: false }",
        "");
    private static final String KEY = "og_ringfulltest";
    private static final String SECRET = "ring-full-test-secret";

    @TempDir
    Path dir;

    @Test
    void aFullRingAnswersOverloadedWithRetryAfterUntilItDrains() throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(CONFIG, "test");
        final GatewayContext context = new GatewayContext(config, "test");
        final GatewayFeatures features = new GatewayFeatures(context);
        final ApiKeyRegistry keys = features.keys();
        final Engine engine = new Engine(config);
        registerAdminKey(engine, keys);
        final ResultHandler replies = features.replies();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch drained = new CountDownLatch(64);
        final ResultHandler held = (event, sequence, endOfBatch) ->
        {
            try
            {
                assertTrue(release.await(30, TimeUnit.SECONDS), "released");
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            replies.onResult(event, sequence, endOfBatch);
            drained.countDown();
        };

        try (Journal journal = Journal.open(dir.resolve("journal"));
             HttpServer server = HttpServer.bind(config.server(), features.router(), context))
        {
            final Pipeline pipeline = Pipeline.start(config.pipeline(), journal, engine, held);
            try
            {
                context.pipeline(pipeline);
                context.markReady();
                for (int i = 0; i < 64; i++)
                {
                    final long sequence = pipeline.tryClaim();
                    assertNotEquals(Pipeline.RING_FULL, sequence, "claim " + i);
                    pipeline.event(sequence).reset(null);  // no type: journal and engine skip it
                    pipeline.publish(sequence);
                }
                assertEquals(Pipeline.RING_FULL, pipeline.tryClaim());

                final HttpResponse<String> overloaded = get(server.port());
                assertEquals(503, overloaded.statusCode(), overloaded.body());
                assertTrue(overloaded.body().contains("\"code\":\"OVERLOADED\""), overloaded.body());
                assertEquals(List.of("1"), overloaded.headers().allValues("retry-after"));

                release.countDown();
                assertTrue(drained.await(30, TimeUnit.SECONDS), "the ring drained");
                final HttpResponse<String> served = get(server.port());
                assertEquals(200, served.statusCode(), served.body());
            }
            finally
            {
                release.countDown();
                pipeline.close();
            }
        }
    }

    private static HttpResponse<String> get(final int port) throws Exception
    {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/accounts"))
            .header("X-API-Key", KEY).header("X-API-Secret", SECRET).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** What replay does for a journaled CREATE_KEY: the engine gives the principal, the registry learns the key. */
    private static void registerAdminKey(final Engine engine, final ApiKeyRegistry keys)
    {
        final CommandEvent event = new CommandEvent();
        event.reset(CommandType.CREATE_KEY);
        event.header(CommandFrame.PRINCIPAL_SYSTEM, 1, 0, CommandFrame.SOURCE_SYSTEM);
        final BodyWriter writer = new BodyWriter().wrap(event.frame, CommandFrame.BODY_OFFSET);
        CommandBodies.createKey(writer, KEY, Secrets.hash(SECRET), Scope.ADMIN.code(), List.of());
        event.bodyLength(writer.length());
        engine.apply(event);
        keys.register(event);
    }
}
