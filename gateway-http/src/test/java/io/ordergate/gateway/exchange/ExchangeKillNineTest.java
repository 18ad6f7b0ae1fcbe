package io.ordergate.gateway.exchange;

import static io.ordergate.gateway.exchange.ExchangeHarness.callChild;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.ChildGateway;
import io.ordergate.simulators.exchange.Faults;
import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * Never lost, never twice, through a real SIGKILL: a gateway in a child JVM sends an order to the simulated exchange
 * (which runs in this JVM and outlives it), is killed before it hears the answer or the fill, and a gateway started
 * again on the same data directory marks the order unknown, asks the exchange, and books the fill once.
 */
class ExchangeKillNineTest
{
    private static final String CONFIG = String.join("\n",
        "server: { host: 127.0.0.1, port: 0 }",
        "instruments:",
        "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,",
        "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }",
        "accounts:",
        "  - { account_id: binance-demo, venue: binance, currency: USD, balance: 100000, leverage: 1 }",
        "demo: { quote_feed: false, simulated_terminal: false, simulated_exchange: true, simulated_exchange_url: \"%s\" }",
        "");

    @TempDir
    Path dir;

    @Test
    void shouldReconcileAfterARestartAnOrderSentBeforeTheGatewayWasKilled() throws Exception
    {
        final Path data = dir.resolve("data");
        try (SimulatedExchange exchange = SimulatedExchange.start(0))
        {
            // the child gateway's demo account trades on this simulated exchange, which outlives it
            final Path config = Files.writeString(dir.resolve("exchange.yaml"), String.format(CONFIG, exchange.restUrl()));
            exchange.quote("BTCUSDT", "65000.00", "65001.00");
            final List<String> jvm = List.of();
            final String orderId;
            try (ChildGateway first = new ChildGateway(config, data, dir.resolve("first.err"), jvm))
            {
                callChild(first.port(), "POST", "/api/v1/quotes", "{\"symbol\":\"BTCUSDT\",\"bid\":65000.00,\"ask\":65001.00}");
                ExchangeHarness.await("the user stream is up", () -> exchange.openUserStreams() == 1);
                exchange.faults().failAfterPlacing(1, Faults.FailMode.NO_ANSWER).muteUserStreams(600_000);
                final JsonNode placed = callChild(first.port(), "POST", "/api/v1/orders",
                    "{\"account_id\":\"binance-demo\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}");
                assertEquals("routed", placed.path("status").asText(), placed.toString());
                orderId = placed.path("order_id").asText();
                ExchangeHarness.await("the exchange has the order", () -> exchange.orders(null).size() == 1);
                first.kill();
            }
            exchange.faults().clear();
            try (ChildGateway second = new ChildGateway(config, data, dir.resolve("second.err"), jvm))
            {
                final JsonNode[] order = new JsonNode[1];
                try
                {
                    ExchangeHarness.await("the order is reconciled", () ->
                    {
                        order[0] = callChild(second.port(), "GET", "/api/v1/orders/" + orderId, null);
                        return "filled".equals(order[0].path("status").asText());
                    });
                }
                catch (final AssertionError ex)
                {
                    throw new AssertionError(ex.getMessage() + "; order " + order[0] + "; exchange " + exchange.orders(null) + "; stderr "
                        + Files.readString(dir.resolve("second.err")).lines().filter(l -> !l.startsWith("INFO") && !l.contains("Slf4j")).toList(), ex);
                }
                assertEquals(new BigDecimal("65001"), ExchangeHarness.decimal(order[0].path("average_price")));
                final JsonNode positions = callChild(second.port(), "GET", "/api/v1/positions?account_id=binance-demo", null);
                assertEquals(new BigDecimal("0.01"), ExchangeHarness.decimal(positions.path("positions").path(0).path("quantity")), "booked once");
                assertEquals(1, exchange.orders(null).size(), "never sent twice");
            }
        }
    }
}
