package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.Faults;

/**
 * A USDⓈ-M futures account through the real gateway against the simulated exchange's faults, as
 * {@link ExchangeGatewayTest} holds spot to them: late and partial fills followed to the average price and the net
 * position, and a 503 after the exchange took the order made {@code unknown}, asked for by client order id and booked
 * once, neither doubled nor lost.
 */
class ExchangeFuturesFaultsTest extends SimulatedBinanceTest
{
    private static final String KEY = "futures-faults-key-000111222";
    private static final String SECRET = "futures-faults-secret-333444555666";

    ExchangeFuturesFaultsTest()
    {
        super(new SimulatedBinance(KEY, SECRET, Map.of("USDT", "10000")));
    }

    @BeforeEach
    void start()
    {
        gateway.createFuturesAccount(venue, "bn-fut", KEY, SECRET);
    }

    /** Every futures order the exchange holds has its own client order id, and there are as many as the gateway sent. */
    private void assertNoneDoubled(final int expected)
    {
        final List<Map<String, Object>> orders = venue.futuresOrders(KEY);
        final Set<Object> ids = new HashSet<>();
        orders.forEach(o -> ids.add(o.get("clientOrderId")));
        assertEquals(expected, orders.size(), "futures orders at the exchange: " + orders);
        assertEquals(expected, ids.size(), "one order per client order id");
    }

    private BigDecimal netPosition()
    {
        final JsonNode positions = gateway.get("/api/v1/positions?account_id=bn-fut").path("positions");
        BigDecimal net = BigDecimal.ZERO;
        for (final JsonNode p : positions)
        {
            final BigDecimal quantity = ExchangeHarness.decimal(p.path("quantity"));
            net = net.add("sell".equals(p.path("side").asText()) || "short".equals(p.path("side").asText()) ? quantity.negate() : quantity);
        }
        return net;
    }

    @Test
    void shouldFollowLateAndPartialFuturesFillsToTheAveragePrice()
    {
        venue.faults().lateFills(200).partialFills(2, 3_000);  // the second part well after the quote moves, even on a loaded machine
        final JsonNode placed = gateway.order("bn-fut", "BTCUSDT", "buy", "0.02", "ff-parts");
        final JsonNode partial = gateway.awaitStatus(placed.path("order_id").asText(), "partially_filled");
        assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(partial.path("filled_quantity")), partial.toString());
        venue.quote("BTCUSDT", "65010.00", "65011.00");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("65006"), ExchangeHarness.decimal(filled.path("average_price")), "(0.01 x 65001 + 0.01 x 65011) / 0.02");
        ExchangeHarness.await("the net position is the whole order", () -> netPosition().compareTo(new BigDecimal("0.02")) == 0);
        assertNoneDoubled(1);
    }

    @Test
    void shouldFollowALateFillOfARestingLimit()
    {
        venue.faults().lateFills(600);
        final JsonNode placed = gateway.call("POST", "/api/v1/orders", "{\"account_id\":\"bn-fut\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\","
            + "\"type\":\"limit\",\"price\":64000,\"quantity\":0.01,\"client_order_id\":\"ff-late\"}");
        gateway.awaitStatus(placed.path("order_id").asText(), "accepted");
        venue.quote("BTCUSDT", "63999.00", "64000.00");
        final JsonNode accepted = gateway.get("/api/v1/orders/" + placed.path("order_id").asText());
        assertEquals("accepted", accepted.path("status").asText(), "crossed, but the fill is late: " + accepted);
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals(new BigDecimal("64000"), ExchangeHarness.decimal(filled.path("average_price")));
        assertNoneDoubled(1);
    }

    @Test
    void shouldReconcileA503AfterTheFuturesOrderWasTakenByItsClientOrderIdOnce()
    {
        // the stream is muted too, or its fill report would settle the order before the 503 is even read
        venue.faults().failAfterPlacing(1, Faults.FailMode.STATUS_503).hideNewOrders(1_500).muteUserStreams(60_000);
        final JsonNode placed = gateway.order("bn-fut", "BTCUSDT", "buy", "0.01", "ff-503");
        gateway.awaitStatus(placed.path("order_id").asText(), "unknown");
        final JsonNode filled = gateway.awaitStatus(placed.path("order_id").asText(), "filled");
        assertEquals("null", filled.path("reject_code").asText("null"));
        assertEquals(new BigDecimal("65001"), ExchangeHarness.decimal(filled.path("average_price")));
        assertEquals(1, gateway.get("/api/v1/trades?account_id=bn-fut").path("trades").size(), "one fill booked");
        assertEquals(0, netPosition().compareTo(new BigDecimal("0.01")), "booked once on the position");
        assertNoneDoubled(1);
    }
}
