package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;

/** webhook.allowed_sources, through a real gateway: the test's own loopback address is allowed or refused. */
class WebhookAllowlistTest
{
    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "allowed_sources {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "['10.0.0.0/8', '192.168.1.7'] | 403",
        "['127.0.0.1/32']              | 200",
        "['127.0.0.0/8', '::1']        | 200",
        "['::ffff:127.0.0.1/104']      | 200",
        "['::ffff:10.0.0.0/104']       | 403"})
    void shouldAcceptAlertsOnlyFromAllowedSources(final String sources, final int status) throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(TestGateway.CONFIG + "webhook: { allowed_sources: " + sources + " }\n", "allowlist")
            .withDataDir(dataDir).withPort(0);
        try (Ordergate gateway = Ordergate.start(config, TestGateway.adminOptions(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            final String base = "http://127.0.0.1:" + gateway.port();
            final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            final HttpResponse<String> bot = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/bots"))
                .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"s3cret\"}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, bot.statusCode(), bot.body());
            client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/quotes"))
                .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET)
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\": \"EURUSD\", \"bid\": 1.08420, \"ask\": 1.08428}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            final HttpResponse<String> alert = client.send(HttpRequest.newBuilder(URI.create(base + "/webhook/tradingview"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("b-1,buy,EURUSD,qty=0.01,secret=s3cret"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(status, alert.statusCode(), alert.body());
            assertTrue(alert.body().contains(status == 200 ? "\"success\":true" : "\"code\":\"FORBIDDEN\""), alert.body());
        }
    }
}
