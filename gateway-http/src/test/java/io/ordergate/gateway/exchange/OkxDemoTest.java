package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.Ordergate;
import io.ordergate.gateway.testing.SecretSearch;

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
            assertEquals(List.of(), SecretSearch.secretsIn(dir.resolve("journal"), List.of(demoProperties().getProperty("passphrase"))));
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
}
