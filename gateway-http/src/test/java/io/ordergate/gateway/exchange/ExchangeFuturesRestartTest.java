package io.ordergate.gateway.exchange;

import static io.ordergate.gateway.exchange.ExchangeHarness.callChild;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.ChildGateway;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * A futures account through a real SIGKILL: a gateway in a child JVM holds a futures position and a resting limit order
 * on the simulated exchange (which runs in this JVM and outlives it) and is killed; while it is down the limit fills in
 * two parts and an order placed elsewhere with the same key sells part of the position. A gateway started again on the
 * same data directory reconciles the open futures order by its client order id (its fills booked once) and, from
 * {@code /fapi/v2/positionRisk}, the fill it never ordered, so its net position is the exchange's.
 */
class ExchangeFuturesRestartTest
{
    private static final String KEY = "futures-restart-key-000111222";
    private static final String SECRET = "futures-restart-secret-333444555666";
    private static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0 }",
        "instruments:",
        "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,",
        "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
        "demo: { quote_feed: false, simulated_terminal: false, simulated_exchange: false }",
        "");

    @TempDir
    Path dir;

    @Test
    void shouldReconcileFuturesOrdersAndPositionsAfterTheGatewayWasKilled() throws Exception
    {
        final Path data = dir.resolve("data");
        try (SimulatedExchange venue = SimulatedExchange.start(0))
        {
            venue.addAccount(KEY, SECRET, Map.of("USDT", "10000"));
            venue.quote("BTCUSDT", "65000.00", "65001.00");
            final Path config = Files.writeString(dir.resolve("futures.yaml"), CONFIG + ExchangeHarness.exchangesAt(venue));
            final String limitId;
            try (ChildGateway first = new ChildGateway(config, data, dir.resolve("first.err"), List.of()))
            {
                callChild(first.port(), "POST", "/api/v1/quotes", "{\"symbol\":\"BTCUSDT\",\"bid\":65000.00,\"ask\":65001.00}");
                final JsonNode created = callChild(first.port(), "POST", "/api/v1/accounts", "{\"account_id\":\"bn-fut\",\"venue\":\"binance\","
                    + "\"market_type\":\"futures\",\"currency\":\"USD\",\"balance\":10000,\"leverage\":1,\"api_key\":\"" + KEY
                    + "\",\"api_secret\":\"" + SECRET + "\"}");
                assertEquals("futures", created.path("market_type").asText(), created.toString());
                ExchangeHarness.await("the futures stream is up", () -> venue.openUserStreams() == 1);
                final String marketId = callChild(first.port(), "POST", "/api/v1/orders", "{\"account_id\":\"bn-fut\",\"symbol\":\"BTCUSDT\","
                    + "\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}").path("order_id").asText();
                awaitStatus(first.port(), marketId, "filled");
                limitId = callChild(first.port(), "POST", "/api/v1/orders", "{\"account_id\":\"bn-fut\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\","
                    + "\"type\":\"limit\",\"price\":64000,\"quantity\":0.01}").path("order_id").asText();
                awaitStatus(first.port(), limitId, "accepted");
                venue.faults().muteUserStreams(600_000);
                first.kill();
            }
            // while no gateway runs: the limit fills in two parts, and someone else sells 0.005 with the same key
            venue.faults().partialFills(2, 200);
            venue.quote("BTCUSDT", "63999.00", "64000.00");
            ExchangeHarness.await("the limit filled at the exchange", () -> venue.futuresOrders(KEY).get(1).get("status").equals("FILLED"));
            venue.faults().clear();
            venue.futuresOrderElsewhere(KEY, "BTCUSDT", "SELL", "0.005");
            assertEquals("0.01500000", position(venue));

            try (ChildGateway second = new ChildGateway(config, data, dir.resolve("second.err"), List.of()))
            {
                callChild(second.port(), "POST", "/api/v1/quotes", "{\"symbol\":\"BTCUSDT\",\"bid\":63999.00,\"ask\":64000.00}");
                final JsonNode limit = awaitStatus(second.port(), limitId, "filled");
                assertEquals(new BigDecimal("64000"), ExchangeHarness.decimal(limit.path("average_price")), limit.toString());
                try
                {
                    ExchangeHarness.await("the net position is the exchange's (0.01 + 0.01 - 0.005)",
                        () -> netPosition(second.port()).compareTo(new BigDecimal("0.015")) == 0);
                }
                catch (final AssertionError ex)
                {
                    throw new AssertionError(ex.getMessage() + "; positions " + callChild(second.port(), "GET", "/api/v1/positions?account_id=bn-fut", null)
                        + "; stderr " + second.stderrText().lines().filter(l -> !l.startsWith("INFO") && !l.contains("Slf4j")).toList(), ex);
                }
                final JsonNode trades = callChild(second.port(), "GET", "/api/v1/trades?account_id=bn-fut", null).path("trades");
                assertEquals(3, trades.size(), "the market buy, the limit's fills booked once, the sale made elsewhere: " + trades);
                assertEquals(3, venue.futuresOrders(KEY).size(), "two gateway orders, never sent again, and the one made elsewhere");
                final JsonNode account = callChild(second.port(), "GET", "/api/v1/accounts/bn-fut", null);
                assertEquals("futures", account.path("market_type").asText(), account.toString());
            }
        }
    }

    private static String position(final SimulatedExchange venue)
    {
        @SuppressWarnings("unchecked")
        final List<Map<String, Object>> positions = (List<Map<String, Object>>)venue.futuresAccount(KEY).get("positions");
        return String.valueOf(positions.get(0).get("positionAmt"));
    }

    private static BigDecimal netPosition(final int port)
    {
        BigDecimal net = BigDecimal.ZERO;
        for (final JsonNode p : callChild(port, "GET", "/api/v1/positions?account_id=bn-fut", null).path("positions"))
        {
            final BigDecimal quantity = ExchangeHarness.decimal(p.path("quantity"));
            net = net.add("sell".equals(p.path("side").asText()) ? quantity.negate() : quantity);
        }
        return net;
    }

    private static JsonNode awaitStatus(final int port, final String orderId, final String status)
    {
        final JsonNode[] last = new JsonNode[1];
        try
        {
            ExchangeHarness.await("order " + orderId + " " + status, () ->
            {
                last[0] = callChild(port, "GET", "/api/v1/orders/" + orderId, null);
                return status.equals(last[0].path("status").asText());
            });
        }
        catch (final AssertionError ex)
        {
            throw new AssertionError(ex.getMessage() + "; last " + last[0], ex);
        }
        return last[0];
    }
}
