package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.simulators.mt5.PriceSource;
import io.ordergate.simulators.mt5.SimulatedTerminal;

/**
 * The simulated terminal coming back to a backlog of several 64 KB pages, the first pushed right after its handshake's
 * answer: every command reaches it whole and is traded once. (The JDK WebSocket client the terminal used before misread,
 * now and then, the frame crossing the end of its first 16 KB read buffer in exactly this case; that race depends on
 * timing and is not reproduced here: this proves the terminal's Netty socket takes a multi-page backlog intact.)
 */
class TerminalBacklogReconnectTest
{
    private static final String BIG_TABLES = "max_accounts: 16, max_orders: 8192, max_trades: 8192, max_keys: 16, max_tickets: 8192, "
        + "max_executor_commands: 8192";
    /** A page holds at most 256 commands (and 64 KB): four pages at least. Under the order list's 1000, so one list shows them all. */
    private static final int BACKLOG = 900;

    @TempDir
    Path dataDir;

    @Test
    void shouldTradeEveryCommandOfAMultiPageBacklogOnceAndIntactWhenTheTerminalReconnects() throws Exception
    {
        final PriceSource.Fixed prices = new PriceSource.Fixed().set("EURUSD", "1.08420", "1.08428");
        try (GatewayHarness gateway = GatewayHarness.start(dataDir, 0, "max_pending_commands: 2000", false, "", BIG_TABLES))
        {
            final GatewayHarness.Executor executor = gateway.registerExecutor("mt5-1");
            final SimulatedTerminal.Settings settings = new SimulatedTerminal.Settings(gateway.base, executor.id(), executor.key(),
                executor.secret(), 1);
            try (SimulatedTerminal first = new SimulatedTerminal(settings, prices).start())
            {
                GatewayHarness.await("the terminal connected", first::isConnected);
                GatewayHarness.await("the terminal online", () -> "online".equals(gateway.admin("GET", "/api/v1/executors/" + executor.id(), null)
                    .at("status")));
            }
            gateway.quote("1.08420", "1.08428");
            final Map<String, BigDecimal> ordered = new HashMap<>();
            for (int i = 0; i < BACKLOG; i++)
            {
                final String lots = "0.0" + (1 + i % 9);  // each order its own size, so a command altered in transit shows
                final GatewayHarness.Response reply = gateway.buy("mt5-1", lots);
                assertEquals(201, reply.status(), reply.body());
                assertEquals("routed", reply.at("status"), "routed while no terminal was connected");
                ordered.put(String.valueOf(reply.at("order_id")), new BigDecimal(lots));
            }

            try (SimulatedTerminal again = new SimulatedTerminal(settings, prices).start())
            {
                awaitLong("every order filled", Duration.ofSeconds(60), () -> count(gateway, "filled") == BACKLOG);
                assertEquals(BACKLOG, again.tradesDone(), "each command traded once");
                assertEquals(1, again.connections(), "never cut off or broken while reading the backlog");
            }
            final List<?> filled = filledOrders(gateway);
            final Set<Object> tickets = new HashSet<>();
            for (final Object order : filled)
            {
                final Map<?, ?> fields = (Map<?, ?>)order;
                final BigDecimal lots = ordered.get(String.valueOf(fields.get("order_id")));
                assertEquals(0, lots.compareTo(new BigDecimal(String.valueOf(fields.get("filled_quantity")))), "filled as ordered: " + fields);
                tickets.add(fields.get("venue_order_id"));
            }
            assertEquals(BACKLOG, tickets.size(), "one ticket an order");
        }
    }

    private static int count(final GatewayHarness gateway, final String status)
    {
        final GatewayHarness.Response list = gateway.admin("GET", "/api/v1/orders?account_id=mt5-1&status=" + status + "&limit=1000", null);
        return list.status() == 200 ? ((List<?>)list.at("orders")).size() : -1;  // -1: a 503 OVERLOADED while results fill the ring
    }

    /** The filled orders, asked again while the gateway answers 503 OVERLOADED (the terminal's last reports still coming in). */
    private static List<?> filledOrders(final GatewayHarness gateway)
    {
        final List<?>[] orders = new List<?>[1];
        awaitLong("the list of filled orders", Duration.ofSeconds(30), () ->
        {
            final GatewayHarness.Response list = gateway.admin("GET", "/api/v1/orders?account_id=mt5-1&status=filled&limit=1000", null);
            orders[0] = list.status() == 200 ? (List<?>)list.at("orders") : null;
            return orders[0] != null;
        });
        return orders[0];
    }

    private static void awaitLong(final String what, final Duration wait, final java.util.function.BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }
}
