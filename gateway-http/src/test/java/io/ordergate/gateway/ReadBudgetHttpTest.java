package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code server.read_rows_per_second} over real HTTP (issue 9 item 7): a caller looping on full lists is answered 429
 * {@code RATE_LIMIT_EXCEEDED} with {@code Retry-After} once it has read its burst, on every list route and export
 * alike, while its orders and other callers' lists go on; after the wait it reads again.
 */
class ReadBudgetHttpTest
{
    /** 100 rows a second: the burst is one full page (1,000 rows), the floor. */
    private static final String BUDGET = "idle_timeout_seconds: 30, read_rows_per_second: 100 }";

    @TempDir
    Path dataDir;

    @Test
    void shouldRefuseAListLooperPastItsBudgetWithRetryAfterAndNothingElse()
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir, config -> config.replace("idle_timeout_seconds: 30 }", BUDGET)))
        {
            placeSixtyOrders(gateway);
            final TestGateway.Key reader = gateway.createKey("read", "paper-1");
            final TestGateway.Reply refused = readFullListsUntilRefused(gateway, TestGateway.ADMIN);
            assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode(), refused.body());
            final long retryAfter = Long.parseLong(refused.response().headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 10, "Retry-After " + retryAfter);
            assertEquals(429, gateway.get("/api/v1/trades?limit=1000").status(), "one budget for every list");
            assertEquals(429, gateway.get("/api/v1/positions/closed").status());
            assertEquals(429, gateway.get("/api/v1/orders.csv").status(), "and the exports");
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.01").status(), "its orders are not budgeted");
            assertEquals(200, gateway.get("/api/v1/orders/1").status(), "nor reads of one order");
            final TestGateway.Reply other = gateway.send("GET", "/api/v1/orders?limit=1000", null, reader);
            assertEquals(200, other.status(), "another key has its own budget: " + other.body());
            assertEquals(61, other.json().path("orders").size());
            final long deadline = System.nanoTime() + 30_000_000_000L;
            TestGateway.Reply again = gateway.get("/api/v1/orders?limit=10");
            while (again.status() == 429 && System.nanoTime() < deadline)
            {
                again = gateway.get("/api/v1/orders?limit=10");  // a refused read costs nothing, so polling refills too
            }
            assertEquals(200, again.status(), "the budget refills at its rate: " + again.body());
            assertEquals(10, again.json().path("orders").size());
        }
    }

    /** No budget per caller, a ceiling of 100 rows a second over all callers: its burst is one full page. */
    private static final String CEILING = "idle_timeout_seconds: 30, read_rows_per_second: 0, read_rows_per_second_total: 100 }";

    @Test
    void shouldRefuseEveryCallerOnceAllCallersTogetherPassTheGatewaysCeiling()
    {
        try (TestGateway gateway = TestGateway.startEdited(dataDir, config -> config.replace("idle_timeout_seconds: 30 }", CEILING)))
        {
            placeSixtyOrders(gateway);
            final TestGateway.Key[] readers = {gateway.createKey("read", "paper-1"), gateway.createKey("read", "paper-1")};
            final TestGateway.Reply refused = readFullListsUntilRefused(gateway, readers);  // in turns: the ceiling is shared
            assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode(), refused.body());
            assertTrue(refused.body().contains("read_rows_per_second_total"), "says which limit: " + refused.body());
            assertTrue(refused.response().headers().firstValue("Retry-After").isPresent());
            for (final TestGateway.Key reader : readers)
            {
                assertEquals(429, gateway.send("GET", "/api/v1/trades?limit=1000", null, reader).status(), "both keys, every list");
            }
            assertEquals(429, gateway.get("/api/v1/orders.csv").status(), "and the admin key's exports");
            assertEquals(201, gateway.market("paper-1", "EURUSD", "sell", "0.01").status(), "orders are never budgeted");
            final long deadline = System.nanoTime() + 30_000_000_000L;
            TestGateway.Reply again = gateway.send("GET", "/api/v1/orders?limit=10", null, readers[0]);
            while (again.status() == 429 && System.nanoTime() < deadline)
            {
                again = gateway.send("GET", "/api/v1/orders?limit=10", null, readers[0]);
            }
            assertEquals(200, again.status(), "the ceiling refills at its rate: " + again.body());
        }
    }

    private static void placeSixtyOrders(final TestGateway gateway)
    {
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
        for (int i = 0; i < 60; i++)
        {
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.01").status());
        }
    }

    /**
     * Reads the 60-order list back to back, the keys taking turns, until one read is refused; asserts that happened
     * after about a 1,000-row burst (62 rows a list with its two slices) and returns the refusal.
     */
    private static TestGateway.Reply readFullListsUntilRefused(final TestGateway gateway, final TestGateway.Key... keys)
    {
        int listsRead = 0;
        while (listsRead < 200)
        {
            final TestGateway.Reply list = gateway.send("GET", "/api/v1/orders?limit=1000", null, keys[listsRead % keys.length]);
            if (list.status() == 429)
            {
                assertTrue(listsRead >= 15 && listsRead < 40, "about a 1,000-row burst of 62-row lists before it: " + listsRead);
                return list;
            }
            assertEquals(200, list.status(), list.body());
            assertEquals(60, list.json().path("orders").size());
            listsRead++;
        }
        throw new AssertionError("200 lists of 60 rows read back to back and none refused");
    }
}
