package io.ordergate.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.simulators.exchange.SimulatedExchange;

/**
 * Seed 001's expert with an {@code exchange} block is two commands (the exchange account, then the expert on it): an
 * expert the engine refuses (its table full, {@code engine.max_experts} 1 here) takes its account back through the ring
 * before the refusal is answered, and a client that goes away between the two still gets its expert made, so neither
 * leaves an exchange account nobody asked for.
 */
class ExpertAccountOrphansTest
{
    private static final String KEY = "orphan-test-key-000111222";
    private static final String SECRET = "orphan-test-secret-never-journaled-333444555";
    private static final String EXCHANGE_BLOCK = "\"exchange\":{\"name\":\"binance\",\"api_key\":\"" + KEY + "\",\"api_secret\":\""
        + SECRET + "\",\"testnet\":true}";

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
        gateway = new ExchangeHarness(dir, config -> config.replace("max_bots: 4,", "max_bots: 4, max_experts: 1,"),
            ExchangeHarness.exchangesAt(venue));
    }

    @AfterEach
    void stop()
    {
        try
        {
            gateway.close();
        }
        finally
        {
            venue.close();
        }
    }

    @Test
    void shouldTakeBackTheExchangeAccountOfAnExpertRefusedForAFullTable()
    {
        final JsonNode first = gateway.call("POST", "/api/v1/experts", "{\"account_id\":\"paper-1\",\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertEquals(201, first.path("_status").asInt(), "the one expert the table holds: " + first);
        final JsonNode accountsBefore = gateway.get("/api/v1/accounts").path("accounts");

        final JsonNode refused = gateway.call("POST", "/api/v1/experts", "{" + EXCHANGE_BLOCK + ",\"account_id\":\"bn-refused\","
            + "\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");

        assertEquals(409, refused.path("_status").asInt(), refused.toString());
        assertEquals("CONFLICT", refused.path("error").path("code").asText(), refused.toString());
        assertTrue(refused.path("error").path("message").asText().contains("engine.max_experts"), refused.toString());
        assertEquals(404, gateway.get("/api/v1/accounts/bn-refused").path("_status").asInt(), "the expert's account was taken back");
        assertEquals(accountsBefore, gateway.get("/api/v1/accounts").path("accounts"), "no account left behind");
        final JsonNode again = gateway.call("POST", "/api/v1/experts", "{" + EXCHANGE_BLOCK + ",\"account_id\":\"bn-refused\","
            + "\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}");
        assertEquals(409, again.path("_status").asInt(), "its id is free again: the same refusal, not a clash of ids " + again);
    }

    @Test
    void shouldMakeTheExpertOfAClientThatWentAwayAfterItsAccountWasAsked() throws Exception
    {
        final String body = "{" + EXCHANGE_BLOCK + ",\"account_id\":\"bn-gone\",\"strategy_config\":{\"symbol\":\"BTCUSDT\"}}";
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", gateway.gateway().port()))
        {
            socket.setSoLinger(true, 0);  // closed with a reset: the gateway sees the connection gone at once
            final OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/experts HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-API-Key: " + ExchangeHarness.KEY
                + "\r\nX-API-Secret: " + ExchangeHarness.SECRET + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
        }

        final JsonNode[] expert = new JsonNode[1];
        ExchangeHarness.await("the expert made on the account asked for it", () ->
        {
            expert[0] = gateway.get("/api/v1/experts/exp_1");
            return "bn-gone".equals(expert[0].path("account_id").asText());
        }, () -> "the expert: " + expert[0] + "; the account: " + gateway.get("/api/v1/accounts/bn-gone"));
    }
}
