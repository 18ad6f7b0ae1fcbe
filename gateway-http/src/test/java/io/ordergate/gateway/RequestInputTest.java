package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ordergate.gateway.TestGateway.Reply;

/**
 * What the request target and the body may be (issue 9 items 5 and 6): strict %-escapes (400, and a path token never
 * reaches a log), strict UTF-8 bodies with one JSON value, a checked Content-Type (415), one decimal grammar. Every
 * refusal leaves the state as it was.
 */
class RequestInputTest
{
    private static final String ORDER_HEAD = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",";

    @TempDir
    static Path dataDir;
    static TestGateway gateway;

    @BeforeAll
    static void start()
    {
        gateway = TestGateway.start(dataDir);
        assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
        assertEquals(201, gateway.post("/api/v1/bots", "{\"bot_id\": \"b-1\", \"account_ids\": [\"paper-1\"], \"secret\": \"s3cret-value\"}").status());
    }

    @AfterAll
    static void stop()
    {
        gateway.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/v1/orders?%", "GET, /api/v1/orders?account_id=%ZZ", "GET, /api/v1/groups/%", "POST, /webhook/tradingview/%ZZ",
        "GET, /api/v1/accounts/paper%2", "GET, /api/v1/nowhere/%G0"})
    void shouldAnswerAMalformedEscapeWith400(final String method, final String target) throws IOException
    {
        final String digest = gateway.digest();
        final String response = raw(method + " " + target + " HTTP/1.1\r\nHost: x\r\nX-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: "
            + TestGateway.ADMIN_SECRET + "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        assertTrue(response.contains("\"code\":\"VALIDATION_ERROR\""), response);
        assertEquals(digest, gateway.digest());
    }

    @Test
    void shouldNeverLogAWebhookPathTokenOrABody() throws IOException
    {
        final List<String> logged = new ArrayList<>();
        final Handler capture = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                logged.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters())
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        final Logger root = Logger.getLogger("");
        final Level level = root.getLevel();
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        try
        {
            raw("POST /webhook/tradingview/TOKEN-SECRET-7%ZZ HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
            for (final String body : List.of("{\"bot\":\"BODY-SECRET-8\",}", "b-1,buy,EURUSD,qty=0.01,secret=BODY-SECRET-8", "BODY-SECRET-8"))
            {
                raw("POST /webhook/tradingview/TOKEN-SECRET-7 HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            }
        }
        finally
        {
            root.removeHandler(capture);
            root.setLevel(level);
        }
        for (final String line : logged)
        {
            assertFalse(line.contains("TOKEN-SECRET-7") || line.contains("BODY-SECRET-8"), line);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/orders", "/api/v1/groups", "/api/v1/quotes", "/webhook/tradingview"})
    void shouldRefuseAUtf16BodyAsInvalidJson(final String path)
    {
        final String digest = gateway.digest();
        final byte[] text = (ORDER_HEAD + "\"quantity\":0.01}").getBytes(StandardCharsets.UTF_16LE);
        final byte[] body = new byte[text.length + 2];
        body[0] = (byte)0xFF;
        body[1] = (byte)0xFE;
        System.arraycopy(text, 0, body, 2, text.length);
        final Reply reply = send(path, "application/json", body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("INVALID_JSON", reply.errorCode());
        assertEquals(digest, gateway.digest());
    }

    @Test
    void shouldRefuseAnOverlongUtf8SlashInsteadOfStoringIt()
    {
        final String digest = gateway.digest();
        final byte[] head = "{\"bot_id\": \"b-2\", \"account_ids\": [\"paper-1\"], \"name\": \"".getBytes(StandardCharsets.US_ASCII);
        final byte[] tail = "etc\"}".getBytes(StandardCharsets.US_ASCII);
        final byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte)0xC0;
        body[head.length + 1] = (byte)0xAF;
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);
        final Reply reply = send("/api/v1/bots", "application/json", body);
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("INVALID_JSON", reply.errorCode());
        assertEquals(digest, gateway.digest());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"application/x-www-form-urlencoded, /api/v1/orders", "'application/json; charset=utf-16', /api/v1/orders", "text/plain, /api/v1/orders",
        "application/x-www-form-urlencoded, /webhook/tradingview", "application/xml, /api/v1/bots/b-1/status"})
    void shouldAnswer415ForABodyThatIsNotJson(final String contentType, final String path)
    {
        final String digest = gateway.digest();
        final Reply reply = send(path, contentType, (ORDER_HEAD + "\"quantity\":0.01}").getBytes(StandardCharsets.UTF_8));
        assertEquals(415, reply.status(), reply::toString);
        assertEquals("UNSUPPORTED_MEDIA_TYPE", reply.errorCode());
        assertEquals(digest, gateway.digest());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"'application/json; charset=UTF-8'", "'Application/JSON ; charset=\"utf-8\"'"})
    void shouldTakeJsonWithAUtf8Charset(final String contentType)
    {
        final Reply reply = send("/api/v1/orders", contentType.replace("'", ""), (ORDER_HEAD + "\"quantity\":0.01}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, reply.status(), reply::toString);
    }

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(strings = {"\"1e-2\"", "1e-2", "\"0.01\"", "0.01", "1E-2"})
    void shouldReadOneDecimalGrammarForNumbersAndStrings(final String quantity)
    {
        final Reply reply = gateway.order(ORDER_HEAD + "\"quantity\":" + quantity + "}");
        assertEquals(201, reply.status(), reply::toString);
        assertEquals("0.01", reply.decimal("quantity"));
    }

    @ParameterizedTest(name = "quantity {0} -> {1}")
    @CsvSource(delimiter = '|', value = {"\".1\" | VALIDATION_ERROR", "\"1.\" | VALIDATION_ERROR", "\"01\" | VALIDATION_ERROR", "\"+1\" | VALIDATION_ERROR",
        ".1 | INVALID_JSON", "01 | INVALID_JSON", "+1 | INVALID_JSON"})
    void shouldRefuseWhatTheGrammarRefusesTheSameWayEverywhere(final String quantity, final String code)
    {
        final String digest = gateway.digest();
        final Reply order = gateway.order(ORDER_HEAD + "\"quantity\":" + quantity.trim() + "}");
        assertEquals(400, order.status(), order::toString);
        assertEquals(code.trim(), order.errorCode());
        final Reply group = gateway.post("/api/v1/groups", "{\"group_id\": \"g-9\", \"risk\": {\"risk_limit\": " + quantity.trim() + "}}");
        assertEquals(400, group.status(), group::toString);
        assertEquals(code.trim(), group.errorCode());
        assertEquals(digest, gateway.digest());
    }

    private static Reply send(final String path, final String contentType, final byte[] body)
    {
        return gateway.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(10))
            .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** Sends bytes as they are (a client library would refuse a malformed target) and reads to the close. */
    private static String raw(final String request) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            final ByteArrayOutputStream received = new ByteArrayOutputStream();
            final InputStream in = socket.getInputStream();
            in.transferTo(received);
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
