package io.ordergate.gateway.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

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
                final InputStream in = RawAnswers.behindSlowConnect(socket, RawAnswers.orderHead("", tooLarge.length()) + tooLarge);
                final RawAnswers.Answer second = RawAnswers.answer(in).expect(413, "then the oversized body's");
                assertTrue(second.body().contains("\"PAYLOAD_TOO_LARGE\""), second.body());
                assertTrue(second.closes(), second.head());
                assertEquals(-1, in.read(), "closed after the 413");
            }
        }
    }

    /** A Content-Length far over the limit whose body never comes is answered 413 at once, not at the read timeout. */
    @Test
    void shouldAnswerADeclaredLengthOverTheLimitAtOnceEvenIfTheBodyNeverComes() throws IOException
    {
        RawAnswers.answeredAtTheHead(dataDir, RawAnswers.orderHead("", 99_999_999_999L) + "{\"account_id\":",
            (answer, in) -> answer.expect(413, "413 without waiting for the body"));
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
                final InputStream in = RawAnswers.behindSlowConnect(socket, RawAnswers.orderHead("Expect: 100-continue\r\n", 2000));
                final RawAnswers.Answer second = RawAnswers.answer(in).expect(413, "then the 413 instead of 100 Continue");
                assertTrue(second.body().contains("\"PAYLOAD_TOO_LARGE\""), second.body());
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                RawAnswers.answer(in).expect(200, "the connection stays");
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
                RawAnswers.answer(in).expect(400, "then the order's own answer (its body is not an order)");
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
                RawAnswers.answer(in).expect(400, "the order's own answer, not a 408");
            }
        }
    }

    /**
     * Writes the slow connect and, pipelined behind it, an order that waits for {@code 100 Continue} before its body;
     * reads the connect's 202 first and then the 100. Returns the socket's input, positioned after the 100.
     */
    private static InputStream connectThenContinue(final Socket socket, final String body) throws IOException
    {
        final InputStream in = RawAnswers.behindSlowConnect(socket, RawAnswers.orderHead("Expect: 100-continue\r\n", body.length()));
        RawAnswers.answer(in).expect(100, "then the 100 Continue, not before the connect's answer");
        return in;
    }
}
