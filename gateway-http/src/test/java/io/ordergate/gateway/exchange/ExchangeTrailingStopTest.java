package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trailing stop on an exchange account is the engine's, as on paper: the position the exchange's fill opened carries
 * it, quotes moved by hand walk it up (never back), and when the bid reaches it the engine closes the position through
 * the exchange.
 */
class ExchangeTrailingStopTest
{
    @TempDir
    Path dataDir;
    private ExchangeHarness gateway;

    @BeforeEach
    void start()
    {
        gateway = new ExchangeHarness(dataDir);
    }

    @AfterEach
    void stop()
    {
        gateway.close();
    }

    @Test
    void shouldWalkAnExchangePositionsTrailingStopAndCloseItThroughTheExchange()
    {
        final JsonNode placed = gateway.call("POST", "/api/v1/orders", "{\"account_id\": \"binance-demo\", \"symbol\": \"BTCUSDT\","
            + " \"side\": \"buy\", \"type\": \"market\", \"quantity\": 0.01, \"trailing_stop_pct\": 1, \"client_order_id\": \"trail-1\"}");
        assertEquals(201, placed.path("_status").asInt(), placed.toString());
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        // Bought at the ask 65001.00: the 1% trailing stop starts at 64350.99.
        assertEquals(new BigDecimal("64350.99"), stopLoss());

        gateway.quote("BTCUSDT", "66000.00", "66001.00");
        assertEquals(new BigDecimal("65340"), stopLoss(), "1% under the new bid");
        gateway.quote("BTCUSDT", "65500.00", "65501.00");
        assertEquals(new BigDecimal("65340"), stopLoss(), "never back");

        gateway.quote("BTCUSDT", "65300.00", "65301.00");
        ExchangeHarness.await("the stop closed the position through the exchange",
            () -> gateway.get("/api/v1/positions?account_id=binance-demo").path("positions").isEmpty());
        final JsonNode trades = gateway.get("/api/v1/trades?account_id=binance-demo&limit=1").path("trades");
        assertEquals("sell", trades.get(0).path("side").asText(), trades.toString());
    }

    private BigDecimal stopLoss()
    {
        final JsonNode positions = gateway.get("/api/v1/positions?account_id=binance-demo").path("positions");
        assertEquals(1, positions.size(), positions.toString());
        return ExchangeHarness.decimal(positions.get(0).path("stop_loss"));
    }
}
