package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A body over {@code server.max_body_bytes} pipelined behind a request whose answer takes a while (a seed-004 connect
 * waiting {@code executors.investor_wait_seconds} for its terminal) is answered 413 after that answer, in its own turn,
 * and only then is the connection closed: the 413 neither takes the first request's place nor closes the connection
 * before the first answer is out.
 */
class PipelinedOversizedBodyTest
{
    @TempDir
    Path dataDir;

    @Test
    void shouldAnswerAnOversizedBodyAfterTheSlowerAnswerOwedBeforeItAndCloseAfterIts413() throws IOException
    {
        try (GatewayHarness gateway = RawAnswers.withSlowConnect(dataDir, "max_body_bytes: 1024"))
        {
            final String tooLarge = "{\"pad\":\"" + "x".repeat(2000) + "\"}";
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((RawAnswers.slowConnect()
                    + "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + RawAnswers.ADMIN_AUTH + "Content-Type: application/json\r\nContent-Length: " + tooLarge.length()
                    + "\r\n\r\n" + tooLarge).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String first = RawAnswers.head(in);
                assertTrue(first.startsWith("HTTP/1.1 202 "), () -> "the connect's answer first, in its place: " + first);
                in.readNBytes(RawAnswers.contentLength(first));
                final String second = RawAnswers.head(in);
                assertTrue(second.startsWith("HTTP/1.1 413 "), () -> "then the oversized body's: " + second);
                final String body = new String(in.readNBytes(RawAnswers.contentLength(second)), StandardCharsets.UTF_8);
                assertTrue(body.contains("\"PAYLOAD_TOO_LARGE\""), body);
                assertTrue(second.toLowerCase(Locale.ROOT).contains("connection: close"), second);
                assertEquals(-1, in.read(), "closed after the 413");
            }
        }
    }

    /** A Content-Length far over the limit whose body never comes is answered 413 at once, not at the read timeout. */
    @Test
    void shouldAnswerADeclaredLengthOverTheLimitAtOnceEvenIfTheBodyNeverComes() throws IOException
    {
        try (GatewayHarness gateway = GatewayHarness.startWithServer(dataDir, "investor_wait_seconds: 2", GatewayHarness.SMALL_TABLES,
            "max_body_bytes: 1024, request_read_timeout_seconds: 30"))
        {
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);  // a third of the read timeout: only an answer at the head passes
                socket.getOutputStream().write(("POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + RawAnswers.ADMIN_AUTH + "Content-Type: application/json\r\n"
                    + "Content-Length: 99999999999\r\n\r\n{\"account_id\":").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String head = RawAnswers.head(in);
                assertTrue(head.startsWith("HTTP/1.1 413 "), () -> "413 without waiting for the body: " + head);
            }
        }
    }

    /**
     * {@code Expect: 100-continue} with a Content-Length over the limit is answered 413 instead of the 100 (the body is
     * never sent), also in its turn: after the slower answer owed before it, and the connection stays.
     */
    @Test
    void shouldAnswerAnExpectOverTheLimitAfterTheSlowerAnswerOwedBeforeItAndKeepTheConnection() throws IOException
    {
        try (GatewayHarness gateway = RawAnswers.withSlowConnect(dataDir, "max_body_bytes: 1024"))
        {
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write((RawAnswers.slowConnect()
                    + "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + RawAnswers.ADMIN_AUTH + "Content-Type: application/json\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 2000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final InputStream in = socket.getInputStream();
                final String first = RawAnswers.head(in);
                assertTrue(first.startsWith("HTTP/1.1 202 "), () -> "the connect's answer first, in its place: " + first);
                in.readNBytes(RawAnswers.contentLength(first));
                final String second = RawAnswers.head(in);
                assertTrue(second.startsWith("HTTP/1.1 413 "), () -> "then the 413 instead of 100 Continue: " + second);
                final String body = new String(in.readNBytes(RawAnswers.contentLength(second)), StandardCharsets.UTF_8);
                assertTrue(body.contains("\"PAYLOAD_TOO_LARGE\""), body);
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final String health = RawAnswers.head(in);
                assertTrue(health.startsWith("HTTP/1.1 200 "), () -> "the connection stays: " + health);
            }
        }
    }

    /**
     * {@code Expect: 100-continue} within the limit pipelined behind a slower answer: its 100 Continue is an interim
     * answer of its own request, so it comes after the answer owed before it (RFC 9110 15.2, 9112 9.3), not at once.
     * The body then sent is read and the request answered in its turn.
     */
    @Test
    void shouldSendTheContinueOfAPipelinedRequestOnlyAfterTheAnswerOwedBeforeIt() throws IOException
    {
        try (GatewayHarness gateway = RawAnswers.withSlowConnect(dataDir, "max_body_bytes: 1024"))
        {
            final String body = "{}";
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                final InputStream in = connectThenContinue(socket, body);
                socket.getOutputStream().write(body.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final String second = RawAnswers.head(in);
                assertTrue(second.startsWith("HTTP/1.1 400 "), () -> "then the order's own answer (its body is not an order): " + second);
            }
        }
    }

    /**
     * A 100 Continue held past {@code server.request_read_timeout_seconds} behind a slower answer gives the body its whole
     * read time from the 100: the client could not send it before. (It was answered 408 right after the 100.)
     */
    @Test
    void shouldGiveTheBodyItsReadTimeFromALate100Continue() throws IOException, InterruptedException
    {
        try (GatewayHarness gateway = RawAnswers.withSlowConnect(dataDir, "max_body_bytes: 1024, request_read_timeout_seconds: 1"))
        {
            final String body = "{}";
            try (Socket socket = new Socket("127.0.0.1", gateway.port()))
            {
                final InputStream in = connectThenContinue(socket, body);
                Thread.sleep(300);  // a client taking a moment for its body (well within the second it has), not a wait for the gateway
                socket.getOutputStream().write(body.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                final String second = RawAnswers.head(in);
                assertTrue(second.startsWith("HTTP/1.1 400 "), () -> "the order's own answer, not a 408: " + second);
            }
        }
    }

    /**
     * Writes the slow connect and, pipelined behind it, an order that waits for {@code 100 Continue} before its body;
     * reads the connect's 202 first and then the 100. Returns the socket's input, positioned after the 100.
     */
    private static InputStream connectThenContinue(final Socket socket, final String body) throws IOException
    {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write((RawAnswers.slowConnect()
            + "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\n" + RawAnswers.ADMIN_AUTH + "Content-Type: application/json\r\nExpect: 100-continue\r\n"
            + "Content-Length: " + body.length() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        final InputStream in = socket.getInputStream();
        final String first = RawAnswers.head(in);
        assertTrue(first.startsWith("HTTP/1.1 202 "), () -> "the connect's answer first, not the next request's 100: " + first);
        in.readNBytes(RawAnswers.contentLength(first));
        final String interim = RawAnswers.head(in);
        assertTrue(interim.startsWith("HTTP/1.1 100 "), () -> "then the 100 Continue: " + interim);
        return in;
    }
}
