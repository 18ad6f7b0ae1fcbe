package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;

/**
 * An expert's cancel and close routes reach only the expert's account, whoever calls them (the engine holds the
 * command to it): another account's order or position answers 404 as one that does not exist, and stays as it was,
 * even for an admin key or a trade key bound to both accounts. The expert's own still work.
 */
class ExpertScopeHttpTest
{
    @TempDir
    Path dataDir;

    @Test
    void anExpertsCancelAndCloseDoNotReachAnotherAccount()
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            assertEquals(201, gateway.createAccount("scope-a", "100000").status());
            assertEquals(201, gateway.createAccount("scope-b", "100000").status());
            gateway.quote("EURUSD", "1.08420", "1.08428");
            final Reply created = gateway.post("/api/v1/experts", "{\"account_id\": \"scope-a\", \"strategy_config\": {\"symbol\": \"EURUSD\","
                + " \"size_type\": \"fixed\", \"size_value\": 0.1}}");
            assertEquals(201, created.status(), created::toString);
            final String expert = created.text("expert_id");

            // scope-b's resting order and open position, made by hand
            final Reply resting = gateway.order("{\"account_id\": \"scope-b\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"type\": \"limit\","
                + " \"quantity\": 0.10, \"price\": 1.05000}");
            assertEquals(201, resting.status(), resting::toString);
            final String otherOrder = resting.text("order_id");
            assertEquals(201, gateway.market("scope-b", "EURUSD", "buy", "0.20").status());
            final JsonNode otherPosition = gateway.get("/api/v1/positions?account_id=scope-b").json().path("positions").get(0);
            final String otherPositionId = otherPosition.path("position_id").asText();
            final Key both = gateway.createKey("trade", "scope-a", "scope-b");
            final String before = gateway.digest();

            for (final Key key : new Key[] {TestGateway.ADMIN, both})
            {
                final Reply cancel = gateway.send("DELETE", "/api/v1/experts/" + expert + "/orders/" + otherOrder, null, key);
                assertEquals(404, cancel.status(), cancel::toString);
                assertEquals("NOT_FOUND", cancel.errorCode(), cancel::toString);
                final Reply close = gateway.send("POST", "/api/v1/experts/" + expert + "/positions/" + otherPositionId + "/close", null, key);
                assertEquals(404, close.status(), close::toString);
                assertEquals("NOT_FOUND", close.errorCode(), close::toString);
            }
            assertEquals("accepted", gateway.get("/api/v1/orders/" + otherOrder).text("status"));
            assertEquals(1, gateway.get("/api/v1/positions?account_id=scope-b").json().path("positions").size());
            assertEquals(before, gateway.digest(), "nothing changed");
            // an expert the caller cannot see is not found either
            final Key onlyB = gateway.createKey("trade", "scope-b");
            assertEquals(404, gateway.send("DELETE", "/api/v1/experts/" + expert + "/orders/" + otherOrder, null, onlyB).status());

            // the same routes act on the expert's own account
            final Reply own = gateway.order("{\"account_id\": \"scope-a\", \"symbol\": \"EURUSD\", \"side\": \"buy\", \"type\": \"limit\","
                + " \"quantity\": 0.10, \"price\": 1.05000}");
            final Reply cancelled = gateway.send("DELETE", "/api/v1/experts/" + expert + "/orders/" + own.text("order_id"), null, both);
            assertEquals(200, cancelled.status(), cancelled::toString);
            assertEquals("cancelled", cancelled.text("status"));
            assertEquals(201, gateway.market("scope-a", "EURUSD", "buy", "0.10").status());
            final String ownPosition = gateway.get("/api/v1/positions?account_id=scope-a").json().path("positions").get(0)
                .path("position_id").asText();
            final Reply closed = gateway.send("POST", "/api/v1/experts/" + expert + "/positions/" + ownPosition + "/close", null, both);
            assertEquals(200, closed.status(), closed::toString);
            assertEquals("closed", closed.text("status"));
            assertTrue(gateway.get("/api/v1/positions?account_id=scope-a").json().path("positions").isEmpty());
            // and the plain routes still reach scope-b for a key that may
            assertEquals(200, gateway.send("DELETE", "/api/v1/orders/" + otherOrder, null, both).status());
        }
    }
}
