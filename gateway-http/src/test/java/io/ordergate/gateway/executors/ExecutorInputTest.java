package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed-000 routes read their bodies like every route (issue 9 item 6): UTF-8 only (a UTF-16 body is a 400, not a
 * 500), exactly one JSON value (trailing data refused, so a trade report with something after it opens nothing), in
 * seed 000's error format.
 */
class ExecutorInputTest
{
    @TempDir
    Path dataDir;

    private GatewayHarness gateway;
    private GatewayHarness.Executor executor;

    @BeforeEach
    void start()
    {
        gateway = GatewayHarness.start(dataDir, "");
        executor = gateway.registerExecutor("mt5-1");
    }

    @AfterEach
    void stop()
    {
        gateway.close();
    }

    @Test
    void shouldRefuseASecondJsonValueAfterTheHeartbeat()
    {
        final GatewayHarness.Response reply = gateway.call("POST", "/api/executor/" + executor.id() + "/heartbeat",
            "{\"status\":\"online\"}{\"status\":\"offline\"}", executor.key(), executor.secret());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_JSON", reply.at("code"));
        assertEquals("offline", gateway.admin("GET", "/api/v1/executors/" + executor.id(), null).at("status"), "no heartbeat was taken");
    }

    @Test
    void shouldOpenNoPositionForATradeReportWithTrailingData()
    {
        final String report = "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"5001\",\"symbol\":\"EURUSD\",\"type\":\"BUY\",\"lots\":0.1,"
            + "\"openPrice\":1.08428}";
        final GatewayHarness.Response reply = gateway.call("POST", "/api/trade", report + "xyz", executor.key(), executor.secret());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("INVALID_JSON", reply.at("code"));
        assertEquals(List.of(), gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions"));
        assertEquals(200, gateway.call("POST", "/api/trade", report, executor.key(), executor.secret()).status(), "the same report alone is taken");
        assertEquals(1, ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size());
    }

    @Test
    void shouldRefuseAPartialCloseOfZeroLotsRatherThanCloseTheWholeTicket()
    {
        assertEquals(200, gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"5002\",\"symbol\":\"EURUSD\","
            + "\"type\":\"BUY\",\"lots\":0.1,\"openPrice\":1.08428}", executor.key(), executor.secret()).status());
        final GatewayHarness.Response reply = gateway.call("POST", "/api/trade", "{\"executorId\":\"" + executor.id() + "\",\"ticket\":\"5002\","
            + "\"closedLots\":0,\"deal\":\"88\",\"lots\":0.1,\"closePrice\":1.2,\"profit\":1}", executor.key(), executor.secret());
        assertEquals(400, reply.status(), reply.body());
        assertEquals("closedLots must be positive", reply.at("error"), reply.body());
        assertEquals(1, ((List<?>)gateway.admin("GET", "/api/v1/positions?account_id=mt5-1", null).at("positions")).size(), "still open");
    }

    @Test
    void shouldAnswerAUtf16BodyWith400InTheSeedsFormat() throws Exception
    {
        final byte[] text = "{\"commandId\":\"cmd_1\",\"status\":\"executed\"}".getBytes(StandardCharsets.UTF_16LE);
        final byte[] body = new byte[text.length + 2];
        body[0] = (byte)0xFF;
        body[1] = (byte)0xFE;
        System.arraycopy(text, 0, body, 2, text.length);
        final HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + gateway.port() + "/api/executor/" + executor.id() + "/command"))
            .header("Content-Type", "application/json").header("X-API-Key", executor.key()).header("X-API-Secret", executor.secret())
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, reply.statusCode(), reply.body());
        assertEquals("INVALID_JSON", GatewayHarness.object(reply.body()).get("code"));
        assertEquals(String.class, GatewayHarness.object(reply.body()).get("error").getClass(), "seed 000's {\"error\", \"code\"}");
    }
}
