package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * A futures account's unrealized profit follows the mark price without anyone asking: the user-data stream reports the
 * account when it changes, not when the price moves, so the gateway reads it again every
 * {@code exchanges.binance.balance_refresh_seconds} (1 here) and journals what it read.
 */
class ExchangeFuturesRefreshTest
{
    private static final String KEY = "futures-refresh-key-000111222";
    private static final String SECRET = "futures-refresh-secret-333444555666";

    @TempDir
    Path dir;

    private SimulatedExchange venue;
    private ExchangeHarness gateway;

    @BeforeEach
    void start()
    {
        venue = SimulatedExchange.start(0);
        venue.addAccount(KEY, SECRET, Map.of("USDT", "10000"));
        venue.quote("BTCUSDT", "65000.00", "65001.00");
        gateway = new ExchangeHarness(dir, ExchangeHarness.exchangesAt(venue)
            .replace("timeout_millis: 3000 }", "timeout_millis: 3000, balance_refresh_seconds: 1 }"));
        gateway.createFuturesAccount(venue, "bn-fut", KEY, SECRET);
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        venue.close();
    }

    private JsonNode usdt()
    {
        return gateway.get("/api/v1/accounts/bn-fut").path("balances").path("USDT");
    }

    @Test
    void shouldFollowTheMarkPriceWithoutASyncBalance()
    {
        ExchangeHarness.await("the futures account read (/fapi/v3/account)", () -> usdt().has("margin_balance"));
        gateway.awaitStatus(gateway.order("bn-fut", "BTCUSDT", "buy", "0.1", "fr-1").path("order_id").asText(), "filled");  // at 65001
        venue.quote("BTCUSDT", "66000.00", "66001.00");
        // the exchange marks the long at its bid: (66000 - 65001) x 0.1; nothing but the refresh reads it
        ExchangeHarness.await("the unrealized profit at the new mark", () ->
            new BigDecimal("99.9").compareTo(ExchangeHarness.decimal(usdt().path("unrealized_pnl"))) == 0);
        assertEquals(new BigDecimal("10099.9"), ExchangeHarness.decimal(usdt().path("margin_balance")), "wallet + unrealized: " + usdt());
        venue.quote("BTCUSDT", "64000.00", "64001.00");
        ExchangeHarness.await("and at the next one", () ->
            new BigDecimal("-100.1").compareTo(ExchangeHarness.decimal(usdt().path("unrealized_pnl"))) == 0);
    }
}
