package io.ordergate.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.ordergate.gateway.TestGateway.Reply;

/** Body limit, pipelining order and keep-alive over real sockets. */
class HttpLimitsTest extends QuotedGatewayTest
{
    @Test
    void aBodyOverTheLimitIsAnswered413InTheErrorFormat()
    {
        final String digest = gateway.digest();
        final String body = "{\"account_id\":\"paper-1\",\"pad\":\"" + "x".repeat(65 * 1024) + "\"}";
        final Reply reply = gateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/v1/orders")))
            .timeout(Duration.ofSeconds(10))
            .header("X-API-Key", TestGateway.ADMIN_KEY).header("X-API-Secret", TestGateway.ADMIN_SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(413, reply.status(), reply::toString);
        assertEquals("PAYLOAD_TOO_LARGE", reply.errorCode());
        assertEquals(digest, gateway.digest());
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException
    {
        final String order = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01}";
        final String auth = "X-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n";
        final String requests =
            "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" +
            "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: " + order.length() + "\r\n\r\n" + order +
            "GET /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n" +
            "GET /api/v1/state/digest HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n" +
            "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Length: 3\r\n\r\n{x}" +
            "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final List<String> statuses = new ArrayList<>();
            final InputStream in = socket.getInputStream();
            for (int i = 0; i < 6; i++)
            {
                statuses.add(readResponse(in));
            }
            assertEquals(List.of("200", "201", "404", "200", "400", "200"), statuses);
            assertEquals(-1, in.read(), "Connection: close is honoured");
        }
    }

    /**
     * RFC 9112 9.6: after the answer to a request that asked to close, the server processes no further request of the
     * connection. An order pipelined behind it is neither answered nor executed: the client, which sees the connection
     * close, may send it again and must not trade twice.
     */
    @Test
    void anOrderPipelinedAfterARequestThatClosesIsNotExecuted() throws IOException
    {
        final String auth = "X-API-Key: " + TestGateway.ADMIN_KEY + "\r\nX-API-Secret: " + TestGateway.ADMIN_SECRET + "\r\n";
        final String afterClose = "{\"account_id\":\"paper-1\",\"symbol\":\"EURUSD\",\"side\":\"buy\",\"type\":\"market\",\"quantity\":0.01,"
            + "\"client_order_id\":\"after-close-1\"}";
        final String requests =
            "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" +
            "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: " + afterClose.length()
                + "\r\n\r\n" + afterClose;
        try (Socket socket = new Socket("127.0.0.1", gateway.port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            assertEquals("200", readResponse(in));
            assertEquals(-1, in.read(), "closed after the answer that said so, nothing after it");
        }
        assertEquals(201, gateway.order(afterClose).status(), "the order sent after the close was never executed: sent again, it is new");
    }

    /** Reads one response and answers its status code. */
    private static String readResponse(final InputStream in) throws IOException
    {
        final String head = readHead(in);
        final String status = head.substring(9, 12);
        int length = 0;
        for (final String line : head.split("\r\n"))
        {
            if (line.toLowerCase().startsWith("content-length:"))
            {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        assertTrue(in.readNBytes(length).length == length, "whole body");
        return status;
    }

    private static String readHead(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4)
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("connection closed mid-response: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
