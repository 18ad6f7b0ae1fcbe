package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Reply;
import io.ordergate.journal.cli.JournalCli;
import io.ordergate.simulators.exchange.SimulatedExchange;
import io.ordergate.simulators.exchange.SimulatedExchange.OrderSnapshot;

/**
 * A lost journal tail through a real gateway and the simulated exchange (real HTTP and user stream), which outlives
 * the gateway (docs/RELIABILITY.md, "What a lost tail costs outside the gateway"). An order rests at the exchange; its
 * command is cut off with the tail; the next start gives its order id to a new order. The new order must reach the
 * exchange under another client order id (the exchange would refuse the lost one's, still open), and when the
 * exchange later fills the lost order, that fill is not the new order's: it keeps its own fill and the position only
 * what the gateway's own orders bought.
 *
 * <pre>
 *   limit buy rests at the exchange ─► kill ─► its command lost (repair) ─► start: a market buy gets the same order id,
 *   another client order id ─► the exchange fills the lost order ─► a later buy's fill is booked: the stream's
 *   report of the lost fill came before it and changed nothing ─► restart: the replay agrees
 * </pre>
 */
class LostTailExchangeTest
{
    private static final String KEY = "lostTailKey0001";
    private static final String SECRET = "lost-tail-secret-0123456789";
    private static final String BTCUSDT = "  - { symbol: BTCUSDT, digits: 2, pip_size: 0.01, contract_size: 1, lot_step: 0.00001,\n"
        + "      min_quantity: 0.00001, max_quantity: 9000, base_currency: BTC, quote_currency: USD }\n";

    @TempDir
    Path dataDir;

    @Test
    void aNewOrderNeverTakesTheExchangeNameOrTheFillOfAnOrderLostWithTheJournalTail() throws Exception
    {
        try (SimulatedExchange exchange = SimulatedExchange.start(0))
        {
            exchange.addAccount(KEY, SECRET, Map.of("USDT", "100000", "BTC", "0"));
            exchange.quote("BTCUSDT", "65000.00", "65001.00");
            final String lostOrderId;
            try (TestGateway gateway = start(exchange))
            {
                final Reply account = gateway.post("/api/v1/accounts", "{\"account_id\":\"bn-1\",\"venue\":\"binance\",\"currency\":\"USD\","
                    + "\"balance\":100000,\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
                assertEquals(201, account.status(), account::toString);
                StreamSlowReaderTest.await("the user stream is up", () -> exchange.openUserStreams() == 1);
                assertEquals(202, gateway.quote("BTCUSDT", "65000.00", "65001.00").status());
                final Reply resting = gateway.order(order("lost-1", "limit", "0.01", "60000"));
                assertEquals(201, resting.status(), resting::toString);
                lostOrderId = resting.text("order_id");
                StreamSlowReaderTest.await("the exchange holds the order", () -> exchange.orders(KEY).size() == 1);
                StreamSlowReaderTest.await("the exchange's acceptance is booked",
                    () -> "accepted".equals(gateway.get("/api/v1/orders/" + lostOrderId).text("status")));
                gateway.closeAsIfKilled();
            }
            JournalBytes.replaceLast(dataDir.resolve("journal"), "lost-1", "lost\0\0");
            repair();
            final OrderSnapshot lost = exchange.orders(KEY).get(0);
            assertEquals("NEW", lost.status(), "the lost order rests at the exchange");

            try (TestGateway gateway = start(exchange))
            {
                StreamSlowReaderTest.await("the user stream is up again", () -> exchange.openUserStreams() == 1);
                assertEquals(202, gateway.quote("BTCUSDT", "65000.00", "65001.00").status());
                final Reply bought = gateway.order(order("new-1", "market", "0.02", null));
                assertEquals(201, bought.status(), bought::toString);
                assertEquals(lostOrderId, bought.text("order_id"), "the lost order's id is given again inside the gateway");
                StreamSlowReaderTest.await("the new order is filled", () -> "filled".equals(gateway.get("/api/v1/orders/" + lostOrderId).text("status")));
                final List<OrderSnapshot> atExchange = exchange.orders(KEY);
                assertEquals(2, atExchange.size(), atExchange::toString);
                assertNotEquals(lost.clientOrderId(), atExchange.get(1).clientOrderId(), "but never its client order id at the exchange");
                assertEquals("FILLED", atExchange.get(1).status(), atExchange::toString);

                exchange.quote("BTCUSDT", "59000.00", "59001.00");  // the lost order fills at the exchange now
                StreamSlowReaderTest.await("the exchange fills the lost order", () -> "FILLED".equals(exchange.orders(KEY).get(0).status()));
                assertEquals(202, gateway.quote("BTCUSDT", "59000.00", "59001.00").status());
                final Reply after = gateway.order(order("after-1", "market", "0.03", null));
                assertEquals(201, after.status(), after::toString);
                final String afterId = after.text("order_id");
                // one user stream, in order: once this fill is booked, the lost order's fill came before it
                StreamSlowReaderTest.await("the later order is filled", () -> "filled".equals(gateway.get("/api/v1/orders/" + afterId).text("status")));
                final Reply reused = gateway.get("/api/v1/orders/" + lostOrderId);
                assertEquals("new-1", reused.text("client_order_id"), reused::toString);
                assertEquals(0, new BigDecimal("0.02").compareTo(reused.json().path("filled_quantity").decimalValue()), reused::toString);
                final Reply positions = gateway.get("/api/v1/positions?account_id=bn-1");
                assertEquals(0, new BigDecimal("0.05").compareTo(netQuantity(positions)), positions::toString);
            }
            // Compared at the clean stop, not at a digest read before it: the user stream may still bring a balance
            // update after the last fill is seen, and the state then differs from that read (a race of the test, once).
            try (TestGateway gateway = start(exchange))
            {
                assertEquals(1, ReplayCheckpointTest.checkpoints(gateway, "matched"), "the replay gives the state of the clean stop");
                assertEquals(0, ReplayCheckpointTest.checkpoints(gateway, "diverged"));
            }
        }
    }

    private TestGateway start(final SimulatedExchange exchange)
    {
        final String rest = exchange.restUrl().toString();
        final String ws = exchange.streamUrl().toString();
        return TestGateway.startEdited(dataDir, config -> config.replace("accounts:\n", BTCUSDT + "accounts:\n")
            + "exchanges:\n  binance: { rest_url: \"" + rest + "\", stream_url: \"" + ws + "\", timeout_millis: 3000 }\n");
    }

    private static String order(final String clientOrderId, final String type, final String quantity, final String price)
    {
        return "{\"account_id\":\"bn-1\",\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"type\":\"" + type + "\",\"quantity\":" + quantity
            + (price == null ? "" : ",\"price\":" + price) + ",\"client_order_id\":\"" + clientOrderId + "\"}";
    }

    private static BigDecimal netQuantity(final Reply positions)
    {
        BigDecimal net = BigDecimal.ZERO;
        for (final com.fasterxml.jackson.databind.JsonNode position : positions.json().path("positions"))
        {
            final BigDecimal quantity = position.path("quantity").decimalValue();
            net = net.add("sell".equals(position.path("side").asText()) ? quantity.negate() : quantity);
        }
        return net;
    }

    /** Cuts the journal at its damage, as an operator's repair does: what follows is the lost tail. */
    private void repair()
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int status = JournalCli.run(new String[] {"repair", "--data-dir", dataDir.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
    }
}
