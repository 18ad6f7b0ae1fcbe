package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * Seed 001's experts on exchange accounts over HTTP, against a simulated exchange: an account an expert trades cannot
 * be deleted under it (409 CONFLICT, nothing changed).
 */
class ExchangeExpertsHttpTest
{
    private static final String KEY = "expert-test-key-000111222";
    private static final String SECRET = "expert-test-secret-never-journaled-333444555";

    @TempDir
    Path dir;

    private SimulatedExchange venue;
    private ExchangeHarness gateway;

    @BeforeEach
    void start()
    {
        venue = SimulatedExchange.start(0);
        venue.addAccount(KEY, SECRET, Map.of("USDT", "1000"));
        venue.quote("BTCUSDT", "65000.00", "65001.00");
        gateway = new ExchangeHarness(dir, ExchangeHarness.exchangesAt(venue));
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        venue.close();
    }

    @Test
    void shouldRefuseToDeleteAnAccountAnExpertIsAttachedTo()
    {
        final JsonNode created = gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-exp\",\"venue\":\"binance\","
            + "\"balance\":1000,\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}");
        assertEquals(201, created.path("_status").asInt(), created.toString());
        final JsonNode expert = gateway.call("POST", "/api/v1/experts", "{\"account_id\":\"bn-exp\",\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertTrue(expert.path("success").asBoolean(), expert.toString());
        final String expertId = expert.path("expert_id").asText();

        final JsonNode refused = gateway.call("DELETE", "/api/v1/accounts/bn-exp", null);
        assertEquals(409, refused.path("_status").asInt(), refused.toString());
        assertEquals("CONFLICT", refused.path("error").path("code").asText());
        assertEquals("account_id", refused.path("error").path("field").asText());
        assertTrue(refused.path("error").path("message").asText().contains(expertId), refused.toString());
        assertEquals(200, gateway.get("/api/v1/accounts/bn-exp").path("_status").asInt(), "the account is still there");
        assertEquals("bn-exp", gateway.get("/api/v1/experts/" + expertId).path("account_id").asText(""), "and its expert on it");

        assertEquals(201, gateway.call("POST", "/api/v1/accounts", "{\"account_id\":\"bn-free\",\"venue\":\"binance\",\"balance\":1000,"
            + "\"leverage\":1,\"api_key\":\"" + KEY + "\",\"api_secret\":\"" + SECRET + "\"}").path("_status").asInt());
        assertEquals(200, gateway.call("DELETE", "/api/v1/accounts/bn-free", null).path("_status").asInt(), "an account no expert trades goes");
    }
}
