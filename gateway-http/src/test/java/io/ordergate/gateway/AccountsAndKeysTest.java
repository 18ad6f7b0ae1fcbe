package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ordergate.gateway.TestGateway.Key;
import io.ordergate.gateway.TestGateway.Reply;

/** Reference data, accounts, API keys, scopes and account binding. */
class AccountsAndKeysTest
{
    @TempDir
    static Path dataDir;
    static TestGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @Test
    void instrumentsAreListedWithExactDecimals()
    {
        final Reply reply = gateway.get("/api/v1/instruments");
        assertEquals(200, reply.status(), reply::toString);
        final JsonNode eurusd = reply.json().path("instruments").get(0);
        assertEquals("EURUSD", eurusd.path("symbol").asText());
        assertEquals(5, eurusd.path("digits").asInt());
        assertEquals("0.0001", eurusd.path("pip_size").decimalValue().toPlainString());
        assertEquals(100000, eurusd.path("contract_size").asLong());
        assertEquals("0.01", eurusd.path("lot_step").decimalValue().toPlainString());
        assertEquals("0.01", eurusd.path("min_quantity").decimalValue().toPlainString());
        assertEquals("100", eurusd.path("max_quantity").decimalValue().toPlainString());
        assertEquals(5, reply.json().path("instruments").size());
        assertEquals("application/json", reply.response().headers().firstValue("content-type").orElse(""));
    }

    @Test
    void configuredAccountsAreSeededAndNewOnesCreatedListedAndRead()
    {
        final Reply created = gateway.post("/api/v1/accounts",
            "{\"account_id\":\"acc-7\",\"venue\":\"paper\",\"currency\":\"EUR\",\"balance\":\"12500.50\",\"leverage\":30}");
        assertEquals(201, created.status(), created::toString);
        assertEquals("acc-7", created.text("account_id"));
        assertEquals("EUR", created.text("currency"));
        assertEquals("12500.5", created.decimal("balance"));
        assertEquals("active", created.text("status"));

        final Reply read = gateway.get("/api/v1/accounts/acc-7");
        assertEquals(200, read.status(), read::toString);
        assertEquals(30, read.json().path("leverage").asInt());

        final Reply defaults = gateway.post("/api/v1/accounts", "{\"account_id\":\"acc-defaults\"}");
        assertEquals(201, defaults.status(), defaults::toString);
        assertEquals("USD", defaults.text("currency"));
        assertEquals("paper", defaults.text("venue"));
        assertEquals(100, defaults.json().path("leverage").asInt());
        assertEquals("0", defaults.decimal("balance"));

        final List<String> ids = new ArrayList<>();
        gateway.get("/api/v1/accounts").json().path("accounts").forEach(a -> ids.add(a.path("account_id").asText()));
        assertTrue(ids.containsAll(List.of("paper-1", "paper-2", "acc-7", "acc-defaults")), ids::toString);

        final Reply conflict = gateway.post("/api/v1/accounts", "{\"account_id\":\"acc-7\"}");
        assertEquals(409, conflict.status(), conflict::toString);
        assertEquals("CONFLICT", conflict.errorCode());
        assertEquals("account_id", conflict.errorField());

        final Reply missing = gateway.get("/api/v1/accounts/nobody");
        assertEquals(404, missing.status(), missing::toString);
        assertEquals("NOT_FOUND", missing.errorCode());
    }

    @Test
    void credentialsAreCheckedAndScopesEnforced()
    {
        assertEquals("INVALID_CREDENTIALS", gateway.send("GET", "/api/v1/accounts", null, null).errorCode());
        final Reply wrongSecret = gateway.send("GET", "/api/v1/accounts", null, new Key(TestGateway.ADMIN_KEY, "nope"));
        assertEquals(401, wrongSecret.status(), wrongSecret::toString);
        assertEquals(401, gateway.send("GET", "/api/v1/accounts", null, new Key("og_unknown", TestGateway.ADMIN_SECRET)).status());

        final Key read = gateway.createKey("read", "paper-1");
        final Reply readAccounts = gateway.send("GET", "/api/v1/accounts", null, read);
        assertEquals(200, readAccounts.status(), readAccounts::toString);
        assertEquals(1, readAccounts.json().path("accounts").size(), "a read key sees only its accounts");

        final Reply readOrder = gateway.send("POST", "/api/v1/orders",
            "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}", read);
        assertEquals(403, readOrder.status(), readOrder::toString);
        assertEquals("FORBIDDEN", readOrder.errorCode());

        final Key trade = gateway.createKey("trade", "paper-1");
        final Reply tradeAdmin = gateway.send("POST", "/api/v1/accounts", "{\"account_id\":\"sneaky\"}", trade);
        assertEquals(403, tradeAdmin.status(), tradeAdmin::toString);
        assertEquals(403, gateway.send("GET", "/api/v1/state/digest", null, trade).status());
        assertEquals(403, gateway.send("POST", "/api/v1/keys", "{\"scope\":\"admin\"}", trade).status());
    }

    @Test
    void aTradeKeySeesNothingOfOtherAccounts()
    {
        gateway.quote("EURUSD", "1.08420", "1.08428");
        final Reply other = gateway.market("paper-2", "EURUSD", "buy", "0.1");
        assertEquals(201, other.status(), other::toString);

        final Key trade = gateway.createKey("trade", "paper-1");
        final Reply own = gateway.send("POST", "/api/v1/orders",
            "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}", trade);
        assertEquals(201, own.status(), own::toString);
        assertEquals(200, gateway.send("GET", "/api/v1/orders/" + own.text("order_id"), null, trade).status());

        final Reply otherOrder = gateway.send("GET", "/api/v1/orders/" + other.text("order_id"), null, trade);
        assertEquals(404, otherOrder.status(), otherOrder::toString);
        assertEquals("NOT_FOUND", otherOrder.errorCode());
        assertEquals(404, gateway.send("DELETE", "/api/v1/orders/" + other.text("order_id"), null, trade).status());
        assertEquals(404, gateway.send("GET", "/api/v1/accounts/paper-2", null, trade).status());
        assertEquals(404, gateway.send("GET", "/api/v1/positions?account_id=paper-2", null, trade).status());
        final Reply order = gateway.send("POST", "/api/v1/orders",
            "{\"account_id\":\"paper-2\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.1}", trade);
        assertEquals(404, order.status(), order::toString);

        for (final JsonNode listed : gateway.send("GET", "/api/v1/orders", null, trade).json().path("orders"))
        {
            assertEquals("paper-1", listed.path("account_id").asText());
        }
    }

    @Test
    void keysAreMadeByTheGatewayAndCheckedForTheirAccounts()
    {
        final Reply reply = gateway.post("/api/v1/keys", "{\"scope\":\"read\",\"account_ids\":[\"paper-1\"]}");
        assertEquals(201, reply.status(), reply::toString);
        final String key = reply.text("api_key");
        final String secret = reply.text("api_secret");
        assertTrue(key.matches("og_[a-z0-9]{24}"), key);
        assertEquals(48, secret.length());
        assertEquals("read", reply.text("scope"));
        assertEquals("paper-1", reply.json().path("account_ids").get(0).asText());

        final Reply noAccounts = gateway.post("/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[]}");
        assertEquals(400, noAccounts.status(), noAccounts::toString);
        assertEquals("account_ids", noAccounts.errorField());
        final Reply unknownAccount = gateway.post("/api/v1/keys", "{\"scope\":\"trade\",\"account_ids\":[\"ghost\"]}");
        assertEquals(400, unknownAccount.status(), unknownAccount::toString);
        assertEquals("account_ids", unknownAccount.errorField());

        assertNotEquals(key, TestGateway.ADMIN_KEY);
    }

    @Test
    void unknownPathsAndWrongMethodsAreAnsweredInTheErrorFormat()
    {
        final Reply unknown = gateway.get("/api/v1/nothing");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("NOT_FOUND", unknown.errorCode());

        final Reply wrongMethod = gateway.send("PUT", "/api/v1/orders", "{}", TestGateway.ADMIN);
        assertEquals(405, wrongMethod.status(), wrongMethod::toString);
        assertEquals("METHOD_NOT_ALLOWED", wrongMethod.errorCode());
        assertEquals("GET, POST", wrongMethod.response().headers().firstValue("allow").orElse(""));

        assertEquals(404, gateway.get("/api/v1/orders/abc").status());
        assertEquals(404, gateway.get("/api/v1/orders/0").status());
        assertEquals(404, gateway.get("/api/v1/orders/-5").status());
        assertEquals(404, gateway.get("/api/v1/orders/99999999999999999999").status());
        assertEquals(404, gateway.get("/api/v1/orders/999999").status());
        assertEquals(404, gateway.post("/api/v1/positions/x/close", null).status());
        assertEquals(404, gateway.get("/api/v1/quotes/NOPE").status());
    }
}
