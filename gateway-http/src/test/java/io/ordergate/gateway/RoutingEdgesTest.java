package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.ordergate.gateway.TestGateway.Reply;

/** Every router answers a wrong method with 405 and Allow, and a path with extra segments with 404. */
class RoutingEdgesTest
{
    @TempDir
    static Path dataDir;

    private static TestGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        assertEquals(201, gateway.post("/api/v1/groups", "{\"group_id\": \"g-1\", \"name\": \"g\", \"members\": []}").status());
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"s3cret\"}").status());
        assertEquals(201, gateway.post("/api/v1/accounts", "{\"account_id\": \"mt5-1\", \"venue\": \"mt5\", \"balance\": 1000}").status());
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @ParameterizedTest(name = "{0} {1} -> 405, Allow: {2}")
    @CsvSource({
        "GET, /api/v1/groups/g-1/pause, POST",
        "DELETE, /api/v1/groups/g-1/orders, POST",
        "POST, /api/v1/groups/g-1/orders/1, GET",
        "PUT, /api/v1/groups/g-1, 'GET, PATCH, DELETE'",
        "GET, /api/v1/bots/b-1/status, POST",
        "PUT, /api/v1/orders, 'GET, POST'"})
    void shouldAnswerAWrongMethodWith405AndAllow(final String method, final String path, final String allow)
    {
        final Reply reply = gateway.send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}", TestGateway.ADMIN);
        assertEquals(405, reply.status(), reply::toString);
        assertEquals("METHOD_NOT_ALLOWED", reply.errorCode());
        assertEquals(allow, reply.response().headers().firstValue("Allow").orElse(null));
    }

    @ParameterizedTest(name = "{0} {1} -> 404")
    @CsvSource({
        "POST, /api/v1/groups/g-1/orders/extra/more",
        "POST, /api/v1/groups/g-1/pause/extra",
        "POST, /api/v1/bots/b-1/status/extra",
        "POST, /api/v1/bots/b-1/explode",
        "POST, /webhook/tradingviewXYZ"})
    void shouldAnswerAnUnknownPathWith404(final String method, final String path)
    {
        final Reply reply = gateway.send(method, path, "{}", TestGateway.ADMIN);
        assertEquals(404, reply.status(), reply::toString);
    }

    @Test
    void shouldAnswerAPlainGetOfTheExecutorStreamWith400InSeedFormat()
    {
        final Reply executor = gateway.post("/api/v1/executors", "{\"name\": \"e\", \"platform\": \"MT5\", \"account_id\": \"mt5-1\"}");
        assertEquals(201, executor.status(), executor::toString);
        final Reply reply = gateway.send("GET", "/api/executor/" + executor.text("executor_id") + "/stream", null,
            new TestGateway.Key(executor.text("api_key"), executor.text("api_secret")));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("VALIDATION_ERROR", reply.text("code"));
        // Still a working connection and gateway afterwards.
        assertEquals(200, gateway.get("/health").status());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/v1/groups | {\"group_id\": 1, \"name\": \"g\"} | group_id",
        "/api/v1/bots   | {\"bot_id\": 7, \"account_ids\": [\"paper-1\"]} | bot_id",
        "/api/v1/groups | {\"group_id\": \"g-9\", \"members\": [{\"account_id\": 3}]} | account_id"})
    void shouldRefuseAnIdThatIsNotAString(final String path, final String body, final String field)
    {
        final Reply reply = gateway.post(path.trim(), body.trim());
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("VALIDATION_ERROR", reply.errorCode());
        assertEquals(field.trim(), reply.errorField());
    }
}
