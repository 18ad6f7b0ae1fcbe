package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.Ordergate;

/** The shipped demo runs okx-demo on a simulated OKX next to binance-demo's simulated Binance, and trades on it. */
class OkxDemoTest
{
    @TempDir
    Path dir;

    @Test
    void shouldTradeOkxDemoOnTheDemosSimulatedOkx() throws Exception
    {
        try (Ordergate demo = Ordergate.start(ConfigLoader.demo().withDataDir(dir).withPort(0),
            StartupOptions.parse(new String[0], Map.of(StartupOptions.API_KEY_ENV, ExchangeHarness.KEY, StartupOptions.API_SECRET_ENV,
                ExchangeHarness.SECRET)), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
        {
            assertNotNull(demo.simulatedExchange(), "binance-demo's simulated exchange runs too");
            ExchangeHarness.await("okx-demo's private stream logged in", () -> demo.simulatedOkx().loggedInStreams() == 1);
            final ExchangeHarness.Client client = new ExchangeHarness.Client(demo.port());
            final JsonNode placed = client.call("POST", "/api/v1/orders", "{\"account_id\":\"okx-demo\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\","
                + "\"type\":\"market\",\"quantity\":0.001}");
            assertEquals(201, placed.path("_status").asInt(), placed.toString());
            final String orderId = placed.path("order_id").asText();
            ExchangeHarness.await("okx-demo's order filled", () ->
                "filled".equals(client.call("GET", "/api/v1/orders/" + orderId, null).path("status").asText()));
            assertEquals(1, demo.simulatedOkx().orders(demoKey()).size());
            assertEquals(0, demo.simulatedExchange().orders(null).size(), "nothing went to the simulated Binance");
            final byte[] passphrase = demoProperties().getProperty("passphrase").getBytes(StandardCharsets.US_ASCII);
            try (Stream<Path> files = Files.walk(dir.resolve("journal")))
            {
                for (final Path file : files.filter(Files::isRegularFile).toList())
                {
                    assertFalse(ExchangeBytes.contains(Files.readAllBytes(file), passphrase), "the passphrase is in " + file);
                }
            }
        }
    }

    private String demoKey() throws Exception
    {
        return demoProperties().getProperty("api_key");
    }

    private Properties demoProperties() throws Exception
    {
        final Properties demo = new Properties();
        try (var in = Files.newInputStream(dir.resolve(ExchangeBootstrap.DEMO_OKX_FILE)))
        {
            demo.load(in);
        }
        return demo;
    }

    /** A byte search, for secrets that must not be in a file. */
    static final class ExchangeBytes
    {
        private ExchangeBytes()
        {
        }

        static boolean contains(final byte[] haystack, final byte[] needle)
        {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++)
            {
                for (int j = 0; j < needle.length; j++)
                {
                    if (haystack[i + j] != needle[j])
                    {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }
}
