package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV exports over HTTP: the exporter role and admins may, traders and viewers may not; only visible accounts. */
class ExportsHttpTest
{
    private static final String PASSWORD = "correct-Horse-7-battery";

    @TempDir
    Path dataDir;

    @Test
    void anExporterGetsTheTradesAndOrdersOfItsAccountsAsCsv()
    {
        try (TestGateway gateway = TestGateway.start(dataDir, UserClient.AUTH_YAML))
        {
            final UserClient people = new UserClient(gateway);
            assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
            assertEquals(201, gateway.market("paper-1", "EURUSD", "buy", "0.10").status());
            assertEquals(201, gateway.market("paper-2", "EURUSD", "sell", "0.20").status());
            final String exporter = people.userWith("x@example.com", "exporter", PASSWORD, "paper-1");
            final String viewer = people.userWith("v@example.com", "viewer", PASSWORD, "paper-1");

            final TestGateway.Reply trades = people.bearer("GET", "/api/v1/trades.csv", null, exporter);
            assertEquals(200, trades.status(), trades.toString());
            assertTrue(trades.response().headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
            final String[] lines = trades.body().split("\r\n");
            assertEquals("trade_id,order_id,account_id,symbol,side,quantity,price,realized_pnl,fee,position_id,time", lines[0]);
            assertEquals(2, lines.length, "one fill of paper-1 only: " + trades.body());
            assertTrue(lines[1].contains(",paper-1,EURUSD,buy,0.1,1.08428,"), lines[1]);

            final TestGateway.Reply orders = gateway.get("/api/v1/orders.csv?limit=10");
            assertEquals(200, orders.status(), orders.toString());
            assertEquals(3, orders.body().split("\r\n").length, "an admin key sees both accounts' orders: " + orders.body());
            assertTrue(orders.body().startsWith("order_id,client_order_id,account_id,symbol,side,type,quantity,"));

            for (int i = 0; i < 98; i++)
            {
                assertEquals(201, gateway.market("paper-2", "EURUSD", i % 2 == 0 ? "buy" : "sell", "0.01").status());
            }
            final String[] many = gateway.get("/api/v1/orders.csv?limit=1000").body().split("\r\n");
            assertEquals(101, many.length, "100 orders read in four engine slices, one header");
            final com.fasterxml.jackson.databind.JsonNode listed = gateway.get("/api/v1/orders?limit=1000").json().path("orders");
            for (int i = 0; i < 100; i++)
            {
                assertTrue(many[i + 1].startsWith(listed.get(i).path("order_id").asText() + ","), "row " + i + " is the list's order " + i);
            }
            assertEquals(101, gateway.get("/api/v1/trades.csv?limit=1000").body().split("\r\n").length, "100 fills, one header");

            assertEquals(403, people.bearer("GET", "/api/v1/trades.csv", null, viewer).status());
            assertEquals(403, gateway.send("GET", "/api/v1/orders.csv", null, gateway.createKey("read", "paper-1")).status());
            assertEquals("limit", people.bearer("GET", "/api/v1/orders.csv?limit=x", null, exporter).errorField());
        }
    }
}
