package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.ordergate.gateway.TestGateway.Key;

/**
 * Bad input and abuse on the stream routes: each gets a clear error frame, a close code, or an HTTP refusal, and
 * nothing changes (the state digest is the same after).
 */
class StreamAbuseTest
{
    @TempDir
    Path dataDir;

    @Test
    void badMessagesGetAnErrorFrameNamingTheFieldAndTheSocketStaysUsable() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final String digest = gateway.digest();
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"trades\",\"account_id\":\"paper-1\"}", "VALIDATION_ERROR", "channel");
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"orders\"}", "VALIDATION_ERROR", "account_id");
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"quotes\"}", "VALIDATION_ERROR", "symbol");
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"NOPE\"}", "NOT_FOUND", "symbol");
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"candles\",\"symbol\":\"EURUSD\",\"timeframe\":\"2h\"}",
                    "VALIDATION_ERROR", "timeframe");
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"candles\",\"symbol\":\"EURUSD\",\"timeframe\":\"1M\"}",
                    "VALIDATION_ERROR", "timeframe");
                assertError(user, "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\",\"extra\":1}", "VALIDATION_ERROR", "extra");
                assertError(user, "{\"type\":\"subscribe\",\"bot_id\":\"b-1\",\"channel\":\"orders\"}", "VALIDATION_ERROR", "bot_id");
                assertError(user, "{\"type\":\"dance\"}", "VALIDATION_ERROR", "type");
                assertError(user, "{\"channel\":\"orders\",\"account_id\":\"paper-1\"}", "VALIDATION_ERROR", "type");
                assertError(user, "{\"type\":\"unsubscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\"}", "NOT_FOUND", "channel");
                assertError(user, "{\"type\":\"subscribe\",", "INVALID_JSON", null);
                assertError(user, "[1,2]", "VALIDATION_ERROR", null);
                user.send("{\"type\":\"ping\"}");
                assertEquals("pong", user.next(5).path("type").asText(), "still open and answering");
            }
            assertEquals(digest, gateway.digest(), "nothing changed");
        }
    }

    @Test
    void aMessageThatCannotBeReadNamesWhatOfItsSubscriptionCouldBeRead() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir);
             StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
        {
            assertNamed(user, "{\"type\":\"subscribe\",\"channel\":\"candles\",\"symbol\":\"EURUSD\",\"timeframe\":\"2h\"}",
                "channel=candles symbol=EURUSD", "VALIDATION_ERROR/timeframe");
            assertNamed(user, "{\"type\":\"subscribe\",\"channel\":\"candles\",\"symbol\":\"EURUSD\",\"extra\":1}",
                "channel=candles symbol=EURUSD timeframe=1m", "VALIDATION_ERROR/extra");
            assertNamed(user, "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-1\",\"extra\":1}",
                "channel=orders account_id=paper-1", "VALIDATION_ERROR/extra");
            assertNamed(user, "{\"channel\":\"positions\",\"account_id\":\"paper-2\"}", "channel=positions account_id=paper-2", "VALIDATION_ERROR/type");
            assertNamed(user, "{\"type\":\"subscribe\",\"channel\":\"quotes\",\"symbol\":\"EURUSD\",\"account_id\":\"paper-1\"}",
                "channel=quotes symbol=EURUSD", "VALIDATION_ERROR/account_id");
            assertNamed(user, "{\"type\":\"subscribe\",\"channel\":\"quotes\"}", "channel=quotes", "VALIDATION_ERROR/symbol");
            assertNamed(user, "{\"type\":\"subscribe\",\"channel\":\"trades\",\"account_id\":\"paper-1\"}", "account_id=paper-1",
                "VALIDATION_ERROR/channel");
            assertNamed(user, "{\"type\":\"subscribe\",\"bot_id\":\"b-1\",\"extra\":true}", "channel=bot bot_id=b-1", "VALIDATION_ERROR/extra");
            assertNamed(user, "{\"type\":\"unsubscribe\",\"channel\":\"account\",\"account_id\":\"paper-1\",", "channel=account account_id=paper-1",
                "INVALID_JSON/");
            assertNamed(user, "{\"type\":\"subscribe\",", "", "INVALID_JSON/");
            assertNamed(user, "[1,2]", "", "VALIDATION_ERROR/");
        }
    }

    @Test
    void anotherAccountIsRefusedExactlyLikeOneThatDoesNotExist() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key trade = gateway.createKey("trade", "paper-1");
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + trade.key(), trade))
            {
                final JsonNode other = refusal(user, "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"paper-2\"}");
                final JsonNode missing = refusal(user, "{\"type\":\"subscribe\",\"channel\":\"orders\",\"account_id\":\"no-such-account\"}");
                assertEquals(other.path("error"), missing.path("error"), "the same answer: nothing says paper-2 exists");
                assertEquals("NOT_FOUND", other.path("error").path("code").asText());
                assertEquals(refusal(user, "{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"paper-2\"}").path("error"),
                    refusal(user, "{\"type\":\"subscribe\",\"channel\":\"account\",\"account_id\":\"nope\"}").path("error"));
                assertEquals("FORBIDDEN", refusal(user, "{\"type\":\"subscribe\",\"bot_id\":\"b-1\"}").path("error").path("code").asText(),
                    "bots are admin objects");

                assertEquals(202, gateway.quote("EURUSD", "1.08420", "1.08428").status());
                assertEquals(201, gateway.market("paper-2", "EURUSD", "buy", "0.1").status());
                user.send("{\"type\":\"ping\"}");
                assertEquals("pong", user.next(5).path("type").asText(), "no event of paper-2 reached this socket");
            }
        }
    }

    @Test
    void oversizedAndBinaryFramesCloseTheSocketWithTheirCodes() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            try (RawWebSocket big = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
            {
                big.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(8000) + "\"}");
                assertEquals(1009, closeFrame(big).closeCode(), "message too big");
            }
            try (RawWebSocket binary = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
            {
                binary.send(RawWebSocket.BINARY, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
                assertEquals(1003, closeFrame(binary).closeCode(), "text frames only");
            }
        }
    }

    /**
     * RFC 6455 lets a client split a message into fragments (5.4), so a fragmented message is joined and read as one;
     * the bound is on the joined message, whatever its fragments' sizes.
     */
    @Test
    void aFragmentedMessageIsReadAsOneAndOneOverTheBoundIsClosedWith1009() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            try (RawWebSocket split = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
            {
                split.sendFragment(RawWebSocket.TEXT, false, "{\"type\":".getBytes(StandardCharsets.UTF_8));
                split.sendFragment(RawWebSocket.CONTINUATION, true, "\"ping\"}".getBytes(StandardCharsets.UTF_8));
                final RawWebSocket.Frame pong = split.read();
                assertNotNull(pong, "answered");
                assertEquals("{\"seq\":1,\"type\":\"pong\"}", pong.text());
            }
            try (RawWebSocket big = RawWebSocket.connect(gateway.port(), "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN, 0))
            {
                final byte[] half = ("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(2100)).getBytes(StandardCharsets.UTF_8);
                big.sendFragment(RawWebSocket.TEXT, false, half);
                big.sendFragment(RawWebSocket.CONTINUATION, true, ("x".repeat(2100) + "\"}").getBytes(StandardCharsets.UTF_8));
                final RawWebSocket.Frame close = closeFrame(big);
                assertEquals(1009, close.closeCode(), "two fragments within the bound each, over it joined");
                assertEquals("a message is at most 4096 bytes", new String(close.payload(), 2, close.payload().length - 2, StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void moreSocketsThanTheLimitAreClosedWith1008AndAnErrorSayingWhy() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { max_websockets_per_user: 2 }\n"))
        {
            final Key read = gateway.createKey("read", "paper-1");
            try (StreamClient first = StreamClient.connect(gateway, "/ws/" + read.key(), read);
                 StreamClient second = StreamClient.connect(gateway, "/ws/prices/EURUSD", read);
                 StreamClient third = StreamClient.connect(gateway, "/ws/" + read.key(), read))
            {
                final JsonNode error = third.next(5);
                assertEquals("RATE_LIMIT_EXCEEDED", error.path("error").path("code").asText(), error::toString);
                assertEquals(1008, third.closeCode(5));
                first.close();
                StreamSlowReaderTest.await("the first socket counted closed", () -> StreamSlowReaderTest.counter(gateway, "ordergate_stream_sockets") == 1);
                try (StreamClient again = StreamClient.connect(gateway, "/ws/" + read.key(), read))
                {
                    again.send("{\"type\":\"ping\"}");
                    assertEquals("pong", again.next(5).path("type").asText(), "a freed place can be used again");
                }
                assertTrue(!second.isClosed());
            }
        }
    }

    @Test
    void theUpgradeIsRefusedOverHttpForAnotherUserNoCredentialsAnUnknownSymbolOrNoUpgrade() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            final Key read = gateway.createKey("read", "paper-1");
            assertTrue(status(gateway, "/ws/" + TestGateway.ADMIN_KEY, read).startsWith("HTTP/1.1 404"), "another key's id");
            assertTrue(status(gateway, "/ws/someone", read).startsWith("HTTP/1.1 404"));
            assertTrue(status(gateway, "/ws/" + read.key(), null).startsWith("HTTP/1.1 401"), "no credentials");
            assertTrue(status(gateway, "/ws/prices/NOPE", read).startsWith("HTTP/1.1 404"), "unknown symbol");
            final TestGateway.Reply plain = gateway.send("GET", "/ws/" + read.key(), null, read);
            assertEquals(400, plain.status(), plain::toString);
            assertEquals("VALIDATION_ERROR", plain.errorCode());
        }
    }

    @Test
    void aFloodOfMessagesIsRefusedPastTheRate() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir))
        {
            try (StreamClient user = StreamClient.connect(gateway, "/ws/" + TestGateway.ADMIN_KEY, TestGateway.ADMIN))
            {
                for (int i = 0; i < 100; i++)
                {
                    user.send("{\"type\":\"ping\"}");
                }
                final JsonNode limited = user.nextMatching(m -> "error".equals(m.path("type").asText()), 5);
                assertEquals("RATE_LIMIT_EXCEEDED", limited.path("error").path("code").asText());
            }
        }
    }

    @Test
    void anUpgradeInAWebSocketVersionNotSpokenHereDoesNotKeepAPlace() throws Exception
    {
        try (TestGateway gateway = TestGateway.start(dataDir, "auth: { max_websockets_per_user: 2 }\n"))
        {
            final Key read = gateway.createKey("read", "paper-1");
            for (int i = 0; i < 3; i++)
            {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", gateway.port()))
                {
                    socket.setSoTimeout(10_000);
                    socket.getOutputStream().write(("GET /ws/" + read.key() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n"
                        + "X-API-Key: " + read.key() + "\r\nX-API-Secret: " + read.secret() + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    final byte[] head = socket.getInputStream().readNBytes(12);
                    assertEquals("HTTP/1.1 426", new String(head, java.nio.charset.StandardCharsets.US_ASCII), "version 99 refused");
                }
            }
            try (StreamClient first = StreamClient.connect(gateway, "/ws/" + read.key(), read);
                 StreamClient second = StreamClient.connect(gateway, "/ws/prices/EURUSD", read))
            {
                first.send("{\"type\":\"ping\"}");
                assertEquals("pong", first.next(5).path("type").asText(), "both places free: the refused upgrades took none");
                assertTrue(!second.isClosed());
            }
        }
    }

    private static String status(final TestGateway gateway, final String path, final Key key) throws Exception
    {
        try (RawWebSocket socket = RawWebSocket.connect(gateway.port(), path, key, 0))
        {
            return socket.response();
        }
    }

    private static RawWebSocket.Frame closeFrame(final RawWebSocket socket) throws Exception
    {
        RawWebSocket.Frame frame;
        while ((frame = socket.read()) != null)
        {
            if (frame.opcode() == RawWebSocket.CLOSE)
            {
                return frame;
            }
        }
        throw new AssertionError("the socket ended without a close frame");
    }

    private static JsonNode refusal(final StreamClient user, final String message) throws Exception
    {
        user.send(message);
        final JsonNode error = user.next(5);
        assertEquals("error", error.path("type").asText(), error::toString);
        return error;
    }

    private static void assertError(final StreamClient user, final String message, final String code, final String field) throws Exception
    {
        final JsonNode error = refusal(user, message);
        assertEquals(code, error.path("error").path("code").asText(), message + " -> " + error);
        if (field == null)
        {
            assertTrue(!error.path("error").has("field"), error::toString);
        }
        else
        {
            assertEquals(field, error.path("error").path("field").asText(), message + " -> " + error);
        }
        assertNotNull(error.path("seq"));
    }

    /**
     * The error answering {@code message} names the subscription as {@code named} says ({@code "channel=orders
     * account_id=paper-1"}: its fields besides {@code seq}, {@code type} and {@code error}, in order) and has {@code
     * codeAndField} ({@code "VALIDATION_ERROR/extra"}; nothing after the slash: no field).
     */
    private static void assertNamed(final StreamClient user, final String message, final String named, final String codeAndField) throws Exception
    {
        final JsonNode error = refusal(user, message);
        final StringJoiner names = new StringJoiner(" ");
        error.fieldNames().forEachRemaining(name ->
        {
            if (!name.equals("seq") && !name.equals("type") && !name.equals("error"))
            {
                names.add(name + "=" + error.path(name).asText());
            }
        });
        assertEquals(named, names.toString(), message + " -> " + error);
        assertEquals(codeAndField, error.path("error").path("code").asText() + "/" + error.path("error").path("field").asText(), message + " -> " + error);
    }
}
