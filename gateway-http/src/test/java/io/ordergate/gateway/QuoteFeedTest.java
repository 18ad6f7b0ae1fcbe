package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.GatewayConfig;

/** The demo feed walks every demo price within 5% of its start and keeps the configured spread. */
class QuoteFeedTest
{
    @TempDir
    Path dataDir;

    @Test
    void theFeedMovesPricesWithinTheirBandOnItsOwnThread() throws Exception
    {
        final GatewayConfig config = ConfigLoader.parse(TestGateway.CONFIG
                .replace("demo: { quote_feed: false, simulated_terminal: false }", "demo: { quote_feed: true, quote_interval_millis: 1 }"), "test")
            .withDataDir(dataDir).withPort(0);
        try (Ordergate gateway = Ordergate.start(config, TestGateway.adminOptions(),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("og-quote-feed")));
            final HttpClient client = HttpClient.newHttpClient();
            final HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/quotes/EURUSD"))
                .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET).build();
            final Set<BigDecimal> bids = new HashSet<>();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (bids.size() < 3 && System.nanoTime() < deadline)
            {
                final HttpResponse<String> reply = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200)
                {
                    final JsonNode quote = TestGateway.JSON.readTree(reply.body());
                    final BigDecimal bid = quote.path("bid").decimalValue();
                    final BigDecimal ask = quote.path("ask").decimalValue();
                    assertEquals(0, ask.subtract(bid).compareTo(new BigDecimal("0.00008")), reply.body());
                    assertTrue(bid.compareTo(new BigDecimal("1.02999")) >= 0 && bid.compareTo(new BigDecimal("1.13841")) <= 0, reply.body());
                    bids.add(bid);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));  // poll pacing, bounded by the deadline
            }
            assertTrue(bids.size() >= 3, "the feed moved the price: " + bids);
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("og-quote-feed") && t.isAlive()),
            "the feed stops with the gateway");
    }
}
