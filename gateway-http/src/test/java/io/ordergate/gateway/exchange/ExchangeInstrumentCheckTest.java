package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.config.ConfigLoader;
import io.ordergate.config.StartupOptions;
import io.ordergate.gateway.Ordergate;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * The instruments' tick and lot step are checked against the exchange's exchangeInfo filters when an account
 * connects: a configured exchange account whose instruments differ stops start-up with the differences named; an
 * account made later refuses its orders with them (never sending what the exchange would refuse).
 */
class ExchangeInstrumentCheckTest
{
    /** BTCUSDT's lot step is 0.001 here; the exchange's LOT_SIZE stepSize is 0.00001. */
    private static final String INSTRUMENTS = String.join("\n",
        "server: { host: 127.0.0.1, port: 0 }",
        "instruments:",
        "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.001,",
        "      min_quantity: 0.001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
        "  - { symbol: ETHUSDT, digits: 3, pip_size: 0.01, contract_size: 1, lot_step: 0.0001,",
        "      min_quantity: 0.0001, max_quantity: 9000, base_currency: ETH, quote_currency: USD }",
        "");

    @TempDir
    Path dir;

    @Test
    void shouldStopStartUpWhenAConfiguredExchangeAccountsInstrumentsDifferFromTheExchange()
    {
        final String config = INSTRUMENTS + "accounts:\n  - { account_id: binance-demo, venue: binance, currency: USD, balance: 1000 }\n"
            + "demo: { quote_feed: false, simulated_terminal: false, simulated_exchange: true }\n";
        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> start(config).close());
        final String message = refused.getMessage() + (refused.getCause() == null ? "" : refused.getCause().getMessage());
        assertTrue(message.contains("BTCUSDT: lot_step 0.001 but the exchange's LOT_SIZE stepSize is 0.00001"), message);
        assertTrue(message.contains("ETHUSDT: digits 3 (a price tick of 0.001) but the exchange's PRICE_FILTER tickSize is 0.01"), message);
    }

    @Test
    void shouldRefuseTheOrdersOfAnAccountMadeLaterWithTheDifferencesNamed()
    {
        try (SimulatedExchange venue = SimulatedExchange.start(0))
        {
            venue.addAccount("check-key-0123456789", "check-secret-0123456789", Map.of("USDT", "1000"));
            venue.quote("BTCUSDT", "65000.00", "65001.00");
            final String config = INSTRUMENTS + "demo: { quote_feed: false, simulated_terminal: false }\n" + ExchangeHarness.exchangesAt(venue);
            try (Ordergate gateway = start(config))
            {
                final ExchangeHarness.Client http = new ExchangeHarness.Client(gateway.port());
                assertEquals(201, http.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-1\",\"venue\":\"binance\",\"balance\":1000,"
                    + "\"api_key\":\"check-key-0123456789\",\"api_secret\":\"check-secret-0123456789\"}").path("_status").asInt());
                http.call("POST", "/api/v1/quotes", "{\"symbol\":\"BTCUSDT\",\"bid\":65000,\"ask\":65001}");
                final JsonNode placed = http.call("POST", "/api/v1/orders",
                    "{\"account_id\":\"bn-1\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.001}");
                final String orderId = placed.path("order_id").asText();
                final JsonNode[] order = new JsonNode[1];
                ExchangeHarness.await("refused", () -> "rejected".equals((order[0] = http.call("GET", "/api/v1/orders/" + orderId, null))
                    .path("status").asText()));
                assertEquals("VENUE_REJECTED", order[0].path("reject_code").asText());
                assertEquals(0, venue.orders(null).size(), "nothing was sent");
            }
        }
    }

    private Ordergate start(final String yaml)
    {
        return Ordergate.start(ConfigLoader.parse(yaml, "check").withDataDir(dir.resolve("data")).withPort(0),
            StartupOptions.parse(new String[0], Map.of(StartupOptions.API_KEY_ENV, ExchangeHarness.KEY, StartupOptions.API_SECRET_ENV,
                ExchangeHarness.SECRET)), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
