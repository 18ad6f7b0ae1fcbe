package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/orders} read in engine slices of 32 (issue 9 item 7) over real HTTP: the answer is the same list
 * one read gave before (newest first, filtered, limited), and orders placed while a long list is read go between its
 * slices without ever appearing twice or breaking the order.
 */
class OrderListSlicesTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerAListOfManySlicesNewestFirstFilteredAndLimited()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            final List<Long> placed = new ArrayList<>();
            for (int i = 0; i < 150; i++)
            {
                final TestGateway.Reply reply = gateway.market(i % 3 == 0 ? "paper-2" : "paper-1", "EURUSD", "buy", "0.01");
                assertEquals(201, reply.status(), reply.body());
                placed.add(0, Long.parseLong(reply.text("order_id")));
            }
            assertEquals(placed, ids(gateway.get("/api/v1/orders?limit=1000")), "every order, newest first, across five slices");
            assertEquals(placed.subList(0, 40), ids(gateway.get("/api/v1/orders?limit=40")));
            assertEquals(placed.subList(0, 100), ids(gateway.get("/api/v1/orders")), "the default limit, 100");
            final List<Long> second = ids(gateway.get("/api/v1/orders?account_id=paper-2&status=filled&limit=1000"));
            assertEquals(50, second.size());
            assertEquals(placed.stream().filter(second::contains).toList(), second);
            assertEquals(List.of(), ids(gateway.get("/api/v1/orders?status=cancelled&limit=1000")));
            final TestGateway.Reply trades = gateway.get("/api/v1/trades?limit=1000");
            assertEquals(200, trades.status(), trades.body());
            final List<Long> tradeIds = new ArrayList<>();
            trades.json().path("trades").forEach(trade -> tradeIds.add(trade.path("trade_id").asLong()));
            assertEquals(150, tradeIds.size(), "every fill's trade, in slices too");
            for (int i = 1; i < tradeIds.size(); i++)
            {
                assertTrue(tradeIds.get(i) < tradeIds.get(i - 1), "trades newest first");
            }
            assertEquals(50, gateway.get("/api/v1/trades?account_id=paper-2&limit=1000").json().path("trades").size());
            final TestGateway.Reply unknown = gateway.get("/api/v1/orders?account_id=nope");
            assertEquals(404, unknown.status(), unknown.body());
        }
    }

    @Test
    void shouldLetOrdersGoBetweenTheSlicesOfALongReadWithoutRepeatingAny() throws Exception
    {
        // 20 lists of up to 1,000 back to back: past the default read budgets (ReadBudgetHttpTest), so both are off here
        try (TestGateway gateway = TestGateway.startEdited(dataDir,
            config -> config.replace("idle_timeout_seconds: 30 }", "idle_timeout_seconds: 30, read_rows_per_second: 0, read_rows_per_second_total: 0 }")))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            for (int i = 0; i < 600; i++)
            {
                assertEquals(201, gateway.market("paper-1", "EURUSD", i % 2 == 0 ? "buy" : "sell", "0.01").status());
            }
            final AtomicBoolean reading = new AtomicBoolean(true);
            final AtomicInteger placedMeanwhile = new AtomicInteger();
            final Thread trader = new Thread(() ->
            {
                while (reading.get())
                {
                    if (gateway.market("paper-2", "EURUSD", "buy", "0.01").status() == 201)
                    {
                        placedMeanwhile.incrementAndGet();
                    }
                }
            }, "trader");
            trader.start();
            try
            {
                for (int read = 0; read < 20; read++)
                {
                    final List<Long> ids = ids(gateway.get("/api/v1/orders?limit=1000"));
                    assertTrue(ids.size() >= 600 && ids.size() <= 1000, "size " + ids.size());
                    for (int i = 1; i < ids.size(); i++)
                    {
                        assertTrue(ids.get(i) < ids.get(i - 1), "newest first, each once: " + ids.get(i - 1) + " then " + ids.get(i));
                    }
                }
            }
            finally
            {
                reading.set(false);
                trader.join(10_000);
            }
            assertTrue(placedMeanwhile.get() > 0, "orders were placed while the lists were read");
        }
    }

    @Test
    void shouldReadClosedPositionsInSlicesNewestFirstEachOnce()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            for (int i = 0; i < 100; i++)
            {
                assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.01").status());
                assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.01").status());  // closes it
            }
            final TestGateway.Reply all = gateway.get("/api/v1/positions/closed?limit=1000");
            assertEquals(200, all.status(), all.body());
            final List<String> closes = new ArrayList<>();
            all.json().path("positions").forEach(close -> closes.add(close.path("closed_at").asText() + " " + close.path("position_id").asText()));
            assertEquals(100, closes.size(), "every close, across four slices of 32");
            assertEquals(100, closes.stream().distinct().count(), "each close once");
            for (int i = 1; i < closes.size(); i++)
            {
                assertTrue(closes.get(i).compareTo(closes.get(i - 1)) <= 0 || closes.get(i).split(" ")[0].equals(closes.get(i - 1).split(" ")[0]),
                    "newest first: " + closes.get(i - 1) + " then " + closes.get(i));
            }
            final TestGateway.Reply first40 = gateway.get("/api/v1/positions/closed?limit=40");
            final List<String> forty = new ArrayList<>();
            first40.json().path("positions").forEach(close -> forty.add(close.path("closed_at").asText() + " " + close.path("position_id").asText()));
            assertEquals(closes.subList(0, 40), forty);
        }
    }

    private static List<Long> ids(final TestGateway.Reply reply)
    {
        assertEquals(200, reply.status(), reply.body());
        final List<Long> ids = new ArrayList<>();
        for (final JsonNode order : reply.json().path("orders"))
        {
            ids.add(order.path("order_id").asLong());
        }
        return ids;
    }
}
