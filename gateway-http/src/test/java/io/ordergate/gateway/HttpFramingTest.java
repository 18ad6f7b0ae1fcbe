package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Request smuggling (RFC 9112 6.1, 6.3; issue 9 item 4), sent by hand over a raw socket: every shape whose body length
 * two parsers could read differently is answered 400 and the connection closed, and the order hidden in its body is
 * never created (the state digest does not move).
 */
class HttpFramingTest extends QuotedGatewayTest
{
    private static final String AUTH = "X-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n";
    private static final String ORDER = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}";
    /** A whole second request, the one a front end reading the other framing would never see. */
    private static final String HIDDEN = "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\nContent-Length: "
        + ORDER.length() + "\r\n\r\n" + ORDER;
    private static final String HEAD = "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + AUTH + "Content-Type: application/json\r\n";

    static Stream<Arguments> smuggling()
    {
        final String chunkedEnd = "0\r\n\r\n";
        return Stream.of(
            Arguments.of("Content-Length and Transfer-Encoding, a second POST hidden after the last chunk",
                HEAD + "Content-Length: " + (chunkedEnd.length() + HIDDEN.length()) + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunkedEnd + HIDDEN),
            Arguments.of("Transfer-Encoding before Content-Length",
                HEAD + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n" + Integer.toHexString(HIDDEN.length()) + "\r\n" + HIDDEN + "\r\n" + chunkedEnd),
            Arguments.of("two Content-Lengths",
                HEAD + "Content-Length: " + ORDER.length() + "\r\nContent-Length: " + (ORDER.length() + HIDDEN.length()) + "\r\n\r\n" + ORDER + HIDDEN),
            Arguments.of("two equal Content-Lengths",
                HEAD + "Content-Length: " + ORDER.length() + "\r\nContent-Length: " + ORDER.length() + "\r\n\r\n" + ORDER),
            Arguments.of("chunked, identity with a Content-Length",
                HEAD + "Transfer-Encoding: chunked, identity\r\nContent-Length: " + (chunkedEnd.length() + HIDDEN.length()) + "\r\n\r\n" + chunkedEnd + HIDDEN),
            Arguments.of("chunked, identity alone",
                HEAD + "Transfer-Encoding: chunked, identity\r\n\r\n" + chunkedEnd + HIDDEN),
            Arguments.of("two Transfer-Encoding headers",
                HEAD + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n\r\n" + chunkedEnd + HIDDEN),
            Arguments.of("a chunk size that is not hex",
                HEAD + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + ORDER + "\r\n" + chunkedEnd + HIDDEN),
            Arguments.of("a chunk size beyond a long",
                HEAD + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffff1\r\n" + ORDER + "\r\n" + chunkedEnd),
            Arguments.of("a chunk extension with a control character",
                HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(ORDER.length()) + ";ext=\u0001\r\n" + ORDER + "\r\n" + chunkedEnd + HIDDEN),
            Arguments.of("a chunk extension with a bare LF",
                HEAD + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(ORDER.length()) + ";ext\n" + ORDER + "\r\n" + chunkedEnd + HIDDEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smuggling")
    void shouldAnswer400AndCloseTheConnectionWithoutCreatingAnyOrder(final String name, final String request) throws IOException
    {
        final String digest = gateway.digest();
        final String response = exchange(request);
        assertTrue(response.startsWith("HTTP/1.1 400 "), name + ": " + response);
        assertTrue(response.contains("\"code\":\"VALIDATION_ERROR\""), response);
        assertEquals(1, count(response, "HTTP/1.1 "), "one answer, then the connection closed: " + response);
        assertEquals(digest, gateway.digest(), "no order was created");
    }

    @Test
    void shouldTakeAChunkedBodyWhenChunkedIsTheOnlyCoding() throws IOException
    {
        final String request = HEAD + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(ORDER.length()) + "\r\n" + ORDER
            + "\r\n0\r\n\r\n";
        assertTrue(exchange(request).startsWith("HTTP/1.1 201 "));
    }

    /** Sends the bytes and reads until the gateway closes the connection (a read timeout fails the test). */
    private static String exchange(final String request) throws IOException
    {
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            final ByteArrayOutputStream received = new ByteArrayOutputStream();
            final InputStream in = socket.getInputStream();
            final byte[] buffer = new byte[4096];
            try
            {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer))
                {
                    received.write(buffer, 0, read);
                }
            }
            catch (final SocketTimeoutException ex)
            {
                throw new AssertionError("the connection was left open after: " + received.toString(StandardCharsets.ISO_8859_1), ex);
            }
            return received.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static int count(final String text, final String part)
    {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1))
        {
            count++;
        }
        return count;
    }
}
