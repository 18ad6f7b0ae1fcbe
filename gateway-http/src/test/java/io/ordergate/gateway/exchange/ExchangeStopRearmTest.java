package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * A stop's closing order that the exchange rejects after the engine routed it (an asynchronous rejection report) puts
 * the stop's leg back on the position: the position is not left unprotected, and the next quote past the stop closes
 * again. The rejection here is a real one: the exchange took its 0.1% commission of the buy in BTC, so the account
 * holds 0.00999 BTC and a sell of the 0.01 the engine booked is refused for an insufficient balance.
 */
class ExchangeStopRearmTest
{
    private static final String KEY = "stop-rearm-key-000111222333";
    private static final String SECRET = "stop-rearm-secret-444555666777";

    @RegisterExtension
    final SimulatedBinance binance = new SimulatedBinance(KEY, SECRET, Map.of("USDT", "100000"));

    @Test
    void shouldPutAStopsLegBackWhenTheExchangeRejectsItsClosingOrderLater()
    {
        final SimulatedExchange venue = binance.venue();
        final ExchangeHarness gateway = binance.gateway();
        venue.commissionRate(new BigDecimal("0.001"));
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-stop\",\"venue\":\"binance\",\"balance\":100000,"
            + "\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        ExchangeHarness.await("its user-data stream is up", () -> venue.openUserStreams() == 1);

        final JsonNode placed = gateway.call("POST", "/api/v1/orders", "{\"account_id\":\"bn-stop\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\","
            + "\"type\":\"market\",\"quantity\":0.01,\"stop_loss\":64000,\"client_order_id\":\"rearm-1\"}");
        assertEquals(201, placed.path("_status").asInt(), placed.toString());
        gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("64000"), stopLoss());

        priceBelowTheStop(venue, gateway, "63900.00", "63901.00");
        ExchangeHarness.await("the exchange rejected the stop's closing order", () -> rejectedStopCloses() == 1, this::orders);
        assertEquals(new BigDecimal("64000"), stopLoss(), "the leg is back on the position: " + positions());

        priceBelowTheStop(venue, gateway, "63800.00", "63801.00");
        ExchangeHarness.await("the next quote past the stop closed again", () -> rejectedStopCloses() == 2, this::orders);
        assertEquals(new BigDecimal("64000"), stopLoss(), "still protected: " + positions());
    }

    private static void priceBelowTheStop(final SimulatedExchange venue, final ExchangeHarness gateway, final String bid, final String ask)
    {
        venue.quote("BTCUSDT", bid, ask);
        gateway.quote("BTCUSDT", bid, ask);
    }

    private int rejectedStopCloses()
    {
        int rejected = 0;
        for (final JsonNode order : binance.gateway().get("/api/v1/orders?account_id=bn-stop").path("orders"))
        {
            if ("stop_loss".equals(order.path("origin").asText()) && "rejected".equals(order.path("status").asText()))
            {
                rejected++;
            }
        }
        return rejected;
    }

    private String orders()
    {
        return binance.gateway().get("/api/v1/orders?account_id=bn-stop").toString();
    }

    private JsonNode positions()
    {
        return binance.gateway().get("/api/v1/positions?account_id=bn-stop").path("positions");
    }

    private BigDecimal stopLoss()
    {
        final JsonNode positions = positions();
        assertEquals(1, positions.size(), positions.toString());
        final JsonNode stop = positions.get(0).path("stop_loss");
        return stop.isNull() || stop.isMissingNode() ? null : ExchangeHarness.decimal(stop);
    }
}
